// The clerk's daily tool: the inbox (/bo/vorgaenge) with views and counts, filters and search, and the case
// page with status actions allowed now, assignment and the full history. Cases of other units are refused.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Role } from '../../platform/auth/roles.js';
import { visibleUnits } from '../../platform/auth/unit-scope.js';
import { listRoleHolders } from '../../platform/auth/users-repo.js';
import type { RequestContext } from '../../platform/http/context.js';
import { actorId, actorLabel } from '../../platform/http/context.js';
import type { Deps } from '../../platform/http/deps.js';
import { Forbidden, NotFound } from '../../platform/http/errors.js';
import { setFlash } from '../../platform/http/request-context.js';
import { formatDate, formatDateTime } from '../../platform/i18n/index.js';
import { Alert, Button, Form, SelectField, TableScroll, TextField } from '../../platform/ui/components.js';
import { Page } from '../../platform/ui/layout.js';
import { sendHtml } from '../../platform/ui/render.js';
import { recordCaseEvent, escalatedCases, eventsOfCase, findAbsence, findCase, inboxCounts, INBOX_VIEWS, listInbox, type CaseRow, type InboxView } from './repo.js';
import { renderCaseSource } from './sources.js';
import { assign, CaseConflict, changeStatus, endAbsence, startAbsence } from './service.js';
import { casesText, type CasesTranslate } from './texts.js';
import { CASE_STATES, transitionsFrom, type CaseState } from './workflow.js';

export const caseAccess: readonly Role[] = ['clerk', 'unit_lead', 'cdo', 'tenant_admin', 'platform_admin'];
const BASE = '/bo/vorgaenge';
type Colleague = { id: string; name: string };

async function colleaguesOf(deps: Deps, ctx: RequestContext): Promise<Colleague[]> {
  const roles = ['clerk', 'unit_lead', 'tenant_admin'] as const;
  const holders = (await Promise.all(roles.map((role) => listRoleHolders(deps.db, ctx.tenant.id, role)))).flat();
  return [...new Map(holders.map((holder) => [holder.id, { id: holder.id, name: holder.display_name }])).values()];
}

function AbsenceForm({ ctx, t, absentWith, colleagues }: { ctx: RequestContext; t: CasesTranslate; absentWith?: string; colleagues: Colleague[] }) {
  const me = ctx.actor.kind === 'staff' ? ctx.actor.userId : '';
  return (
    <section aria-labelledby="absence">
      <h2 id="absence" safe>{t('absence')}</h2>
      <Form action={`${BASE}/abwesenheit`} csrf={ctx.csrfToken()}>
        {absentWith ? (
          <>
            <p safe>{t('absence.active', { deputy: absentWith })}</p>
            <Button label={t('absence.end')} name="action" value="end" kind="secondary" />
          </>
        ) : (
          <>
            <SelectField name="deputy" label={t('absence.deputy')} options={colleagues.filter((colleague) => colleague.id !== me).map((colleague) => ({ value: colleague.id, label: colleague.name }))} />
            <Button label={t('absence.start')} name="action" value="start" kind="secondary" />
          </>
        )}
      </Form>
    </section>
  );
}

function InboxPage({ ctx, t, view, rows, counts, names, service, search, absence }: { ctx: RequestContext; t: CasesTranslate; view: InboxView | 'escalated'; rows: CaseRow[]; counts: Record<InboxView, number>; names: Map<string, string>; service?: string; search?: string; absence: string }) {
  const now = Date.now();
  return (
    <Page ctx={ctx} title={t('title')} crumbs={[{ label: ctx.t('site.backoffice'), href: '/bo' }, { label: t('title') }]}>
      <h1 safe>{t('title')}</h1>
      {ctx.actor.kind === 'staff' && ['unit_lead', 'cdo', 'tenant_admin', 'platform_admin'].some((role) => ctx.actor.kind === 'staff' && ctx.actor.roles.has(role as Role)) && <p><a href={`${BASE}/uebersicht`} safe>{t('dash.link')}</a></p>}
      <nav aria-label={t('title')} class="tabs">
        <ul>
          {INBOX_VIEWS.map((name) => <li><a href={`${BASE}?ansicht=${name}`} aria-current={name === view ? 'page' : undefined} safe>{`${t(`view.${name}`)} (${counts[name]})`}</a></li>)}
          <li><a href={`${BASE}?ansicht=escalated`} aria-current={view === 'escalated' ? 'page' : undefined} safe>{t('view.escalated')}</a></li>
        </ul>
      </nav>
      <p class="hint" safe>{t('shortcuts')}</p>
      <Form action={BASE} csrf="" method="get">
        <input type="hidden" name="ansicht" value={view} />
        <TextField name="suche" label={t('filter.search')} type="search" value={search ?? ''} />
        <TextField name="leistung" label={t('filter.service')} value={service ?? ''} />
        <Button label={t('filter.submit')} kind="secondary" />
      </Form>
      {rows.length === 0 ? <p safe>{t('none')}</p> : (
        <Form action={`${BASE}/sammelaktion`} csrf={ctx.csrfToken()}>
        <TableScroll label={t(`view.${view}`)}>
          <table>
            <caption safe>{t(`view.${view}`)}</caption>
            <thead><tr><th scope="col"><span class="visually-hidden" safe>{t('bulk.select')}</span></th>{[t('col.number'), t('col.title'), t('col.status'), t('col.assignee'), t('col.due')].map((head) => <th scope="col" safe>{head}</th>)}</tr></thead>
            <tbody>
              {rows.map((row) => (
                <tr>
                  <td><input type="checkbox" name="ids" value={row.id} id={`select-${row.id}`} aria-label={t('bulk.selectOne', { number: row.number })} /></td>
                  <td><a href={`${BASE}/${row.id}`} safe>{row.number}</a></td>
                  <td safe>{row.title}</td>
                  <td safe>{t(`state.${row.status}`)}</td>
                  <td safe>{row.assignee_id ? names.get(row.assignee_id) ?? '–' : t('unassigned')}</td>
                  <td safe>{`${formatDate(ctx.lang, row.due_at)}${row.due_at.getTime() < now && ['received', 'in_progress'].includes(row.status) ? ` (${t('overdue')})` : ''}`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
        <SelectField name="bulk" label={t('bulk.action')} options={[{ value: 'claim', label: t('claim') }, { value: 'return', label: t('return') }, ...CASE_STATES.filter((state) => state !== 'received').map((state) => ({ value: `status:${state}`, label: t(`action.${state as Exclude<CaseState, 'received'>}`) }))]} />
        <TextField name="reason" label={t('reason')} />
        <Button label={t('bulk.apply')} kind="secondary" />
        </Form>
      )}
      {absence}
    </Page>
  );
}

async function CaseView({ ctx, deps, row, message }: { ctx: RequestContext; deps: Deps; row: CaseRow; message?: string }) {
  const t = casesText(ctx.lang);
  const [events, colleagues, source] = await Promise.all([eventsOfCase(deps.db, row.id), colleaguesOf(deps, ctx), renderCaseSource(deps.db, ctx, row.source_kind, row.source_id)]);
  const names = new Map(colleagues.map((colleague) => [colleague.id, colleague.name]));
  const me = ctx.actor.kind === 'staff' ? ctx.actor.userId : '';
  const open = ['received', 'in_progress', 'waiting'].includes(row.status);
  const version = <input type="hidden" name="version" value={String(row.version)} />;
  return (
    <Page ctx={ctx} title={`${row.number} – ${row.title}`} crumbs={[{ label: ctx.t('site.backoffice'), href: '/bo' }, { label: t('title'), href: BASE }, { label: row.number }]}>
      {message && <Alert kind="error" text={message} />}
      <h1 safe>{`${row.number}: ${row.title}`}</h1>
      <dl class="facts">
        <dt safe>{t('facts.status')}</dt><dd safe>{t(`state.${row.status}`)}</dd>
        <dt safe>{t('facts.assignee')}</dt><dd safe>{row.assignee_id ? names.get(row.assignee_id) ?? '–' : t('unassigned')}</dd>
        <dt safe>{t('facts.due')}</dt><dd safe>{formatDate(ctx.lang, row.due_at)}</dd>
        <dt safe>{t('facts.unit')}</dt><dd safe>{row.unit}</dd>
      </dl>
      {row.source_kind === 'submission' && <p><a href={`/bo/antraege/${row.source_id}`} safe>{t('facts.source')}</a></p>}
      {source}
      {open && (
        <div class="actions">
          {row.assignee_id !== me && <Form action={`${BASE}/${row.id}/zuweisung`} csrf={ctx.csrfToken()}>{version}<input type="hidden" name="assignee" value="me" /><Button label={t('claim')} shortcut="u" /></Form>}
          {row.assignee_id && <Form action={`${BASE}/${row.id}/zuweisung`} csrf={ctx.csrfToken()}>{version}<input type="hidden" name="assignee" value="" /><Button label={t('return')} kind="secondary" /></Form>}
          <Form action={`${BASE}/${row.id}/zuweisung`} csrf={ctx.csrfToken()}>
            {version}
            <SelectField name="assignee" label={t('assignTo')} options={colleagues.map((colleague) => ({ value: colleague.id, label: colleague.name }))} />
            <Button label={t('assign')} kind="secondary" />
          </Form>
        </div>
      )}
      {transitionsFrom(row.status).length > 0 && (
        <Form action={`${BASE}/${row.id}/status`} csrf={ctx.csrfToken()}>
          {version}
          <TextField name="reason" label={t('reason')} />
          <div class="actions">{transitionsFrom(row.status).map((transition) => <Button label={t(`action.${transition.to as Exclude<CaseState, 'received'>}`)} name="to" value={transition.to} kind={transition.to === 'rejected' ? 'danger' : 'secondary'} shortcut={transition.to === 'in_progress' ? 'b' : undefined} />)}</div>
        </Form>
      )}
      <Form action={`${BASE}/${row.id}/notiz`} csrf={ctx.csrfToken()}>
        <TextField name="note" label={t('note')} />
        <Button label={t('noteAdd')} kind="secondary" />
      </Form>
      <h2 safe>{t('history')}</h2>
      <TableScroll label={t('history')}>
        <table>
          <caption safe>{t('history')}</caption>
          <thead><tr><th scope="col" safe>{t('history.at')}</th><th scope="col" safe>{t('history.who')}</th><th scope="col" safe>{t('history.what')}</th></tr></thead>
          <tbody>
            {events.map((event) => (
              <tr>
                <td safe>{formatDateTime(ctx.lang, event.at)}</td>
                <td safe>{event.actor_label}</td>
                <td safe>{event.kind === 'status' ? t('event.status', { from: t(`state.${event.from_status as CaseState}`), to: t(`state.${event.to_status as CaseState}`) }) : t(`event.${event.kind as 'created'}`, { level: String(event.detail.level ?? '') })}{event.detail.reason ? ` – ${String(event.detail.reason)}` : ''}{event.kind === 'note' ? `: ${String(event.detail.text ?? '')}` : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </Page>
  );
}

export function registerCasePages(app: FastifyInstance, deps: Deps) {
  const { db } = deps;
  const config = { access: caseAccess };

  /** The case, if it belongs to one of the clerk's units: another unit's case by URL gets 403. */
  async function caseOf(request: FastifyRequest): Promise<CaseRow> {
    const id = (request.params as { id: string }).id;
    const row = /^[0-9a-f-]{36}$/i.test(id) ? await findCase(db, request.ctx.tenant.id, id) : undefined;
    if (!row) throw new NotFound('case');
    if (!(await visibleUnits(db, request.ctx)).includes(row.unit)) throw new Forbidden();
    return row;
  }

  const refusal = (t: CasesTranslate, error: CaseConflict) => error.reason === 'reasonMissing' ? t('reasonMissing') : t(error.reason, { status: error.current ? t(`state.${error.current.status}`) : '–' });
  const actor = (ctx: RequestContext) => ({ id: actorId(ctx.actor), label: actorLabel(ctx.actor) });

  app.get(BASE, { config }, async (request, reply) => {
    const { ctx } = request;
    const t = casesText(ctx.lang);
    const query = request.query as { ansicht?: string; leistung?: string; suche?: string };
    const units = await visibleUnits(db, ctx);
    const userId = ctx.actor.kind === 'staff' ? ctx.actor.userId : '';
    const view = (INBOX_VIEWS as readonly string[]).includes(query.ansicht ?? '') ? (query.ansicht as InboxView) : query.ansicht === 'escalated' ? 'escalated' : 'unit';
    const service = /^[a-z0-9-]{1,80}$/.test(query.leistung ?? '') ? query.leistung : undefined;
    const search = (query.suche ?? '').trim().slice(0, 100) || undefined;
    const [rows, counts, colleagues] = await Promise.all([
      view === 'escalated' ? escalatedCases(db, ctx.tenant.id, units) : listInbox(db, { tenantId: ctx.tenant.id, units, userId, view, service, search }),
      inboxCounts(db, ctx.tenant.id, units, userId),
      colleaguesOf(deps, ctx),
    ]);
    const names = new Map(colleagues.map((colleague) => [colleague.id, colleague.name]));
    const absence = userId ? await findAbsence(db, ctx.tenant.id, userId) : undefined;
    const absenceForm = (<AbsenceForm ctx={ctx} t={t} absentWith={absence ? names.get(absence.deputy_id) ?? '–' : undefined} colleagues={colleagues} />) as string;
    return sendHtml(reply, <InboxPage ctx={ctx} t={t} view={view} rows={rows} counts={counts} names={names} service={service} search={search} absence={absenceForm} />);
  });

  // Bulk actions: each selected case on its own, with the version read now; the summary says what was refused.
  app.post(`${BASE}/sammelaktion`, { config }, async (request, reply) => {
    const { ctx } = request;
    const t = casesText(ctx.lang);
    const body = (request.body ?? {}) as Record<string, string | string[]>;
    const ids = ([] as string[]).concat(body.ids ?? []).filter((id) => /^[0-9a-f-]{36}$/i.test(id)).slice(0, 200);
    const bulk = String(body.bulk ?? '');
    const reason = String(body.reason ?? '');
    const units = await visibleUnits(db, ctx);
    const me = ctx.actor.kind === 'staff' ? ctx.actor.userId : null;
    const done: string[] = [];
    const refused: string[] = [];
    for (const id of ids) {
      const row = await findCase(db, ctx.tenant.id, id);
      if (!row || !units.includes(row.unit)) continue;
      try {
        if (bulk === 'claim') await assign(db, ctx.tenant.id, row.id, row.version, me, actor(ctx), 'claimed');
        else if (bulk === 'return') await assign(db, ctx.tenant.id, row.id, row.version, null, actor(ctx), 'returned');
        else {
          const to = CASE_STATES.find((state) => `status:${state}` === bulk);
          if (!to) throw new CaseConflict(row, 'notAllowed');
          await changeStatus(db, ctx.tenant.id, row.id, row.version, to, actor(ctx), reason);
        }
        done.push(row.number);
      } catch (error) {
        if (!(error instanceof CaseConflict)) throw error;
        refused.push(`${row.number}: ${refusal(t, error)}`);
      }
    }
    setFlash(reply, [t('bulk.done', { count: String(done.length), numbers: done.join(', ') || '–' }), ...(refused.length ? [t('bulk.refused', { list: refused.join('; ') })] : [])].join(' '));
    return reply.redirect(BASE, 303);
  });

  app.post(`${BASE}/abwesenheit`, { config }, async (request, reply) => {
    const { ctx } = request;
    const t = casesText(ctx.lang);
    const body = (request.body ?? {}) as Record<string, string>;
    const userId = ctx.actor.kind === 'staff' ? ctx.actor.userId : '';
    const deputy = (await colleaguesOf(deps, ctx)).find((colleague) => colleague.id === body.deputy && colleague.id !== userId);
    if (body.action === 'end') setFlash(reply, t('absence.ended', { count: String(await endAbsence(db, ctx.tenant.id, userId, actor(ctx))) }));
    else if (deputy) setFlash(reply, t('absence.started', { count: String(await startAbsence(db, ctx.tenant.id, userId, deputy.id, actor(ctx))) }));
    return reply.redirect(`${BASE}#absence`, 303);
  });

  app.get(`${BASE}/:id`, { config }, async (request, reply) => sendHtml(reply, await CaseView({ ctx: request.ctx, deps, row: await caseOf(request) })));

  app.post(`${BASE}/:id/status`, { config }, async (request, reply) => {
    const { ctx } = request;
    const row = await caseOf(request);
    const body = (request.body ?? {}) as Record<string, string>;
    const to = CASE_STATES.find((state) => state === body.to);
    try {
      if (!to) throw new CaseConflict(row, 'notAllowed');
      await changeStatus(db, ctx.tenant.id, row.id, Number(body.version), to, actor(ctx), body.reason);
    } catch (error) {
      if (!(error instanceof CaseConflict)) throw error;
      return sendHtml(reply, await CaseView({ ctx, deps, row: error.current ?? row, message: refusal(casesText(ctx.lang), error) }), 409);
    }
    setFlash(reply, casesText(ctx.lang)('changed'));
    return reply.redirect(`${BASE}/${row.id}`, 303);
  });

  // Internal notes: for colleagues only, never shown to the citizen.
  app.post(`${BASE}/:id/notiz`, { config }, async (request, reply) => {
    const { ctx } = request;
    const row = await caseOf(request);
    const text = String((request.body as { note?: unknown } | undefined)?.note ?? '').trim().slice(0, 2000);
    if (text) await recordCaseEvent(db, { case_id: row.id, actor_id: actorId(ctx.actor), actor_label: actorLabel(ctx.actor), kind: 'note', detail: { text } });
    return reply.redirect(`${BASE}/${row.id}`, 303);
  });

  app.post(`${BASE}/:id/zuweisung`, { config }, async (request, reply) => {
    const { ctx } = request;
    const row = await caseOf(request);
    const body = (request.body ?? {}) as Record<string, string>;
    const me = ctx.actor.kind === 'staff' ? ctx.actor.userId : null;
    const colleagues = await colleaguesOf(deps, ctx);
    const target = body.assignee === 'me' ? me : body.assignee ? colleagues.find((colleague) => colleague.id === body.assignee)?.id ?? null : null;
    const kind = body.assignee === 'me' ? 'claimed' : target ? 'assigned' : 'returned';
    try {
      await assign(db, ctx.tenant.id, row.id, Number(body.version), target, actor(ctx), kind);
    } catch (error) {
      if (!(error instanceof CaseConflict)) throw error;
      return sendHtml(reply, await CaseView({ ctx, deps, row: error.current ?? row, message: refusal(casesText(ctx.lang), error) }), 409);
    }
    setFlash(reply, casesText(ctx.lang)('changed'));
    return reply.redirect(`${BASE}/${row.id}`, 303);
  });
}
