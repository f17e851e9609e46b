// The clerk's inbox (/bo/vorgaenge): views with counts, filters by service, status and date of receipt, full-text
// search over the case data, sorting, bulk actions with a summary of what was refused, and absence with deputy.
import type { FastifyInstance } from 'fastify';
import { visibleUnits } from '../../platform/auth/unit-scope.js';
import type { RequestContext } from '../../platform/http/context.js';
import type { Deps } from '../../platform/http/deps.js';
import { setFlash } from '../../platform/http/request-context.js';
import { allPrefixes } from '../../platform/db/text-search.js';
import { formatDate, formatNumber, parseBerlinDay, type Lang } from '../../platform/i18n/index.js';
import { Button, ErrorSummary, Form, SelectField, TableScroll, TextField } from '../../platform/ui/components.js';
import { Page } from '../../platform/ui/layout.js';
import { sendHtml } from '../../platform/ui/render.js';
import { CASE_LIST_VIEWS, CASES, INBOX_VIEWS, inboxPath, type CaseListView, type InboxView } from './paths.js';
import { clerkOf, colleaguesOf, refusal, stateLabels, workflowsInUse, type Colleague } from './access.js';
import type { z } from 'zod';
import { routes } from '../../platform/http/route.js';
import { isAllowed } from '../../platform/http/routes.js';
import { casesPolicy } from './policy.js';
import { absenceBody, bulkBody, inboxQuery } from './schema.js';
import {
  CLOSED_COUNT_CAP,
  escalatedCases,
  findAbsence,
  findCase,
  inboxCounts,
  INBOX_SORTS,
  listInbox,
  type CaseRow,
  type InboxFilter,
  type InboxSort,
} from './repo.js';
import { assign, CaseConflict, changeStatus, endAbsence, startAbsence } from './service.js';
import { casesText, type CasesTranslate } from './texts.js';
import { RUNNING_PHASES } from './workflow.js';

type Query = z.infer<typeof inboxQuery>;
type Option = { value: string; label: string };

/** A view's count as a reader reads it; a capped count says "1.000+". */
const shownCount = (count: number, lang: Lang) =>
  count > CLOSED_COUNT_CAP ? `${formatNumber(lang, CLOSED_COUNT_CAP)}+` : formatNumber(lang, count);

function AbsenceForm({
  ctx,
  t,
  absentWith,
  colleagues,
}: {
  ctx: RequestContext;
  t: CasesTranslate;
  absentWith?: string;
  colleagues: Colleague[];
}) {
  const me = ctx.actor.kind === 'staff' ? ctx.actor.userId : '';
  return (
    <section aria-labelledby="absence">
      <h2 id="absence" safe>
        {t('absence')}
      </h2>
      <Form action={`${CASES}/abwesenheit`} csrf={ctx.csrfToken()}>
        {absentWith ? (
          <>
            <p safe>{t('absence.active', { deputy: absentWith })}</p>
            <Button label={t('absence.end')} name="action" value="end" kind="secondary" />
          </>
        ) : (
          <>
            <SelectField
              name="deputy"
              label={t('absence.deputy')}
              options={colleagues
                .filter((colleague) => colleague.id !== me)
                .map((colleague) => ({ value: colleague.id, label: colleague.name }))}
            />
            <Button label={t('absence.start')} name="action" value="start" kind="secondary" />
          </>
        )}
      </Form>
    </section>
  );
}

function FilterForm({
  t,
  view,
  query,
  statuses,
  errors,
}: {
  t: CasesTranslate;
  view: string;
  query: Query;
  statuses: Option[];
  errors: Record<string, string>;
}) {
  return (
    <Form action={CASES} csrf="" method="get">
      <input type="hidden" name="ansicht" value={view} />
      <TextField name="suche" label={t('filter.search')} type="search" value={query.suche ?? ''} />
      <TextField name="leistung" label={t('filter.service')} value={query.leistung ?? ''} />
      <SelectField
        name="status"
        label={t('filter.status')}
        value={query.status ?? ''}
        options={[{ value: '', label: t('filter.all') }, ...statuses]}
      />
      <TextField name="von" label={t('filter.from')} value={query.von ?? ''} error={errors.von} />
      <TextField name="bis" label={t('filter.to')} value={query.bis ?? ''} error={errors.bis} />
      <SelectField
        name="sortierung"
        label={t('filter.sort')}
        value={query.sortierung ?? 'due'}
        options={INBOX_SORTS.map((sort) => ({ value: sort, label: t(`sort.${sort}`) }))}
      />
      <Button label={t('filter.submit')} kind="secondary" />
    </Form>
  );
}

function CaseTable({
  ctx,
  t,
  view,
  rows,
  names,
  label,
  bulkOptions,
}: {
  ctx: RequestContext;
  t: CasesTranslate;
  view: string;
  rows: CaseRow[];
  names: Map<string, string>;
  label: (row: CaseRow) => string;
  bulkOptions: Option[];
}) {
  const now = Date.now();
  const overdue = (row: CaseRow) => row.due_at.getTime() < now && RUNNING_PHASES.includes(row.phase);
  return (
    <Form action={`${CASES}/sammelaktion`} csrf={ctx.csrfToken()}>
      <TableScroll label={t(`view.${view as InboxView}`)}>
        <table>
          <caption safe>{t(`view.${view as InboxView}`)}</caption>
          <thead>
            <tr>
              <th scope="col">
                <span class="visually-hidden" safe>
                  {t('bulk.select')}
                </span>
              </th>
              {[t('col.number'), t('col.title'), t('col.status'), t('col.assignee'), t('col.received'), t('col.due')].map((head) => (
                <th scope="col" safe>
                  {head}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr>
                <td>
                  <input
                    type="checkbox"
                    name="ids"
                    value={row.id}
                    id={`select-${row.id}`}
                    aria-label={t('bulk.selectOne', { number: row.number })}
                  />
                </td>
                <td>
                  <a href={`${CASES}/${row.id}`} safe>
                    {row.number}
                  </a>
                </td>
                <td safe>{row.title}</td>
                <td safe>{label(row)}</td>
                <td safe>{row.assignee_id ? (names.get(row.assignee_id) ?? '–') : t('unassigned')}</td>
                <td safe>{formatDate(ctx.lang, row.created_at)}</td>
                <td safe>{`${formatDate(ctx.lang, row.due_at)}${overdue(row) ? ` (${t('overdue')})` : ''}`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <SelectField
        name="bulk"
        label={t('bulk.action')}
        options={[{ value: 'claim', label: t('claim') }, { value: 'return', label: t('return') }, ...bulkOptions]}
      />
      <TextField name="reason" label={t('bulk.reason')} />
      <Button label={t('bulk.apply')} kind="secondary" />
    </Form>
  );
}

/** The filters as the repository takes them, and a message per field that could not be read. */
function readFilter(query: Query, t: CasesTranslate): { filter: InboxFilter; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const day = (name: 'von' | 'bis') => {
    const value = (query[name] ?? '').trim();
    if (!value) return undefined;
    const parsed = parseBerlinDay(value);
    if (!parsed) errors[name] = t('filter.invalidDate');
    return parsed;
  };
  const receivedFrom = day('von');
  const until = day('bis');
  const receivedTo = until ? new Date(until.getTime() + 86_400_000) : undefined;
  if (receivedFrom && until && until < receivedFrom) errors.bis = t('filter.invalidRange');
  const text = (query.suche ?? '').trim().slice(0, 100);
  const sort = (INBOX_SORTS as readonly string[]).includes(query.sortierung ?? '') ? (query.sortierung as InboxSort) : 'due';
  return {
    errors,
    filter: {
      service: /^[a-z0-9-]{1,80}$/.test(query.leistung ?? '') ? query.leistung : undefined,
      status: /^[a-z][a-z0-9_]{0,39}$/.test(query.status ?? '') ? query.status : undefined,
      search: text ? { text, words: allPrefixes(text) } : undefined,
      receivedFrom: errors.von ? undefined : receivedFrom,
      receivedTo: errors.bis ? undefined : receivedTo,
      sort,
      descending: sort === 'received',
    },
  };
}

export function registerInbox(app: FastifyInstance, deps: Deps) {
  const { db } = deps;
  const route = routes(app, db);
  const access = casesPolicy.process;

  route.get(CASES, { access, query: inboxQuery }, async ({ request, reply, query }) => {
    const { ctx } = request;
    const t = casesText(ctx.lang);
    const units = await visibleUnits(db, ctx);
    const userId = ctx.actor.kind === 'staff' ? ctx.actor.userId : '';
    const { filter, errors } = readFilter(query, t);
    const view = (CASE_LIST_VIEWS as readonly string[]).includes(query.ansicht ?? '') ? (query.ansicht as CaseListView) : 'unit';
    if (query.ansicht && view !== query.ansicht) errors.ansicht = t('filter.unknownView');
    const [rows, counts, colleagues, workflows] = await Promise.all([
      view === 'escalated'
        ? escalatedCases(db, ctx.tenant.id, units)
        : listInbox(db, { tenantId: ctx.tenant.id, units, userId, view, ...filter }),
      inboxCounts(db, ctx.tenant.id, units, userId),
      colleaguesOf(db, ctx),
      workflowsInUse(db),
    ]);
    const statuses = [
      ...new Map(
        workflows.flatMap((workflow) => workflow.states).map((state) => [state.id, { value: state.id, label: state.label[ctx.lang] }]),
      ).values(),
    ];
    const targets = new Set(workflows.flatMap((workflow) => workflow.transitions.map((transition) => transition.to)));
    const bulkOptions = statuses
      .filter((state) => targets.has(state.value))
      .map((state) => ({ value: `status:${state.value}`, label: `${t('bulk.setStatus')}: ${state.label}` }));
    const names = new Map(colleagues.map((colleague) => [colleague.id, colleague.name]));
    const absence = userId ? await findAbsence(db, ctx.tenant.id, userId) : undefined;
    const isLead = isAllowed(casesPolicy.overview, ctx);
    const label = await stateLabels(db, rows, ctx.lang);
    return sendHtml(
      reply,
      <Page ctx={ctx} title={t('title')} crumbs={[{ label: ctx.t('site.backoffice'), href: '/bo' }, { label: t('title') }]}>
        <ErrorSummary errors={Object.keys(errors).length ? errors : undefined} t={ctx.t} />
        <h1 safe>{t('title')}</h1>
        {isLead && (
          <p>
            <a href={`${CASES}/uebersicht`} safe>
              {t('dash.link')}
            </a>
          </p>
        )}
        <nav aria-label={t('title')} class="tabs">
          <ul>
            {INBOX_VIEWS.map((name) => (
              <li>
                <a
                  href={inboxPath(name)}
                  aria-current={name === view ? 'page' : undefined}
                  safe
                >{`${t(`view.${name}`)} (${shownCount(counts[name], ctx.lang)})`}</a>
              </li>
            ))}
            <li>
              <a href={inboxPath('escalated')} aria-current={view === 'escalated' ? 'page' : undefined} safe>
                {t('view.escalated')}
              </a>
            </li>
          </ul>
        </nav>
        <p class="hint" safe>
          {t('shortcuts')}
        </p>
        <FilterForm t={t} view={view} query={query} statuses={statuses} errors={errors} />
        {rows.length === 0 ? (
          <p safe>{t('none')}</p>
        ) : (
          <CaseTable ctx={ctx} t={t} view={view} rows={rows} names={names} label={label} bulkOptions={bulkOptions} />
        )}
        <AbsenceForm ctx={ctx} t={t} absentWith={absence ? (names.get(absence.deputy_id) ?? '–') : undefined} colleagues={colleagues} />
      </Page>,
      Object.keys(errors).length ? 400 : 200,
    );
  });

  // Bulk actions: each selected case on its own, with the version read now; the summary says what was refused.
  route.post(`${CASES}/sammelaktion`, { access, body: bulkBody }, async ({ request, reply, body: { ids, bulk, reason } }) => {
    const { ctx } = request;
    const t = casesText(ctx.lang);
    const units = await visibleUnits(db, ctx);
    const me = ctx.actor.kind === 'staff' ? ctx.actor.userId : null;
    const done: string[] = [];
    const refused: string[] = [];
    for (const id of ids) {
      const row = await findCase(db, ctx.tenant.id, id);
      if (!row || !units.includes(row.unit)) continue;
      const to = bulk.startsWith('status:') ? bulk.slice('status:'.length) : undefined;
      try {
        if (bulk === 'claim') await assign(db, ctx.tenant.id, row.id, row.version, me, clerkOf(ctx), 'claimed');
        else if (bulk === 'return') await assign(db, ctx.tenant.id, row.id, row.version, null, clerkOf(ctx), 'returned');
        else if (to) await changeStatus(db, ctx.tenant.id, row.id, row.version, to, clerkOf(ctx), { reason });
        else throw new CaseConflict(row, 'notAllowed');
        done.push(row.number);
      } catch (error) {
        if (!(error instanceof CaseConflict)) throw error;
        refused.push(`${row.number}: ${await refusal(db, t, ctx.lang, error, to)}`);
      }
    }
    setFlash(
      reply,
      [
        t('bulk.done', { count: String(done.length), numbers: done.join(', ') || '–' }),
        ...(refused.length ? [t('bulk.refused', { list: refused.join('; ') })] : []),
      ].join(' '),
    );
    return reply.redirect(CASES, 303);
  });

  route.post(`${CASES}/abwesenheit`, { access, body: absenceBody }, async ({ request, reply, body }) => {
    const { ctx } = request;
    const t = casesText(ctx.lang);
    const userId = ctx.actor.kind === 'staff' ? ctx.actor.userId : '';
    const deputy = (await colleaguesOf(db, ctx)).find((colleague) => colleague.id === body.deputy && colleague.id !== userId);
    if (body.action === 'end')
      setFlash(reply, t('absence.ended', { count: String(await endAbsence(db, ctx.tenant.id, userId, clerkOf(ctx))) }));
    else if (deputy)
      setFlash(reply, t('absence.started', { count: String(await startAbsence(db, ctx.tenant.id, userId, deputy.id, clerkOf(ctx))) }));
    return reply.redirect(`${CASES}#absence`, 303);
  });
}
