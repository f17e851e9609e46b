// One case (/bo/vorgaenge/{id}): its facts, the submission as the owning module renders it (answers, attachments
// with preview, fee), the steps its workflow allows now (with the fields a step requires), assignment, linked
// cases, internal notes and the full history. A refused change shows the current state and keeps what was typed.
import type { FastifyInstance } from 'fastify';
import type { RequestContext } from '../../platform/http/context.js';
import { actorId, actorLabel } from '../../platform/http/context.js';
import type { Deps } from '../../platform/http/deps.js';
import { setFlash } from '../../platform/http/request-context.js';
import { formatDate, formatDateTime } from '../../platform/i18n/index.js';
import { Alert, Button, Form, SelectField, TableScroll, TextField } from '../../platform/ui/components.js';
import { Page } from '../../platform/ui/layout.js';
import { sendHtml } from '../../platform/ui/render.js';
import { CASES } from './paths.js';
import { assigneesOf, caseOf, clerkOf, refusal, staffNames, type Colleague } from './access.js';
import { routes } from '../../platform/http/route.js';
import { recordParams } from '../../platform/validation/rules.js';
import { casesPolicy } from './policy.js';
import { assignBody, noteBody, statusBody } from './schema.js';
import { LinkedCases } from './links.js';
import { eventsOfCase, recordCaseEvent, type CaseRow } from './repo.js';
import { renderCaseSource } from './sources.js';
import { assign, CaseConflict, changeStatus, workflowOf } from './service.js';
import { casesText, type CasesTranslate } from './texts.js';
import { findTransition, isOpenPhase, mayPerform, stateLabel, stateOf, transitionsFrom, type Workflow } from './workflow.js';

type Refused = { message: string; values: Record<string, string> };

function StatusActions({
  ctx,
  t,
  row,
  workflow,
  version,
  values,
}: {
  ctx: RequestContext;
  t: CasesTranslate;
  row: CaseRow;
  workflow: Workflow;
  version: string;
  values: Record<string, string>;
}) {
  const roles = ctx.actor.kind === 'staff' ? ctx.actor.roles : undefined;
  const allowed = transitionsFrom(workflow, row.status).filter((transition) => mayPerform(transition, roles ?? new Set()));
  if (allowed.length === 0) return '';
  const hidden = <input type="hidden" name="version" value={version} />;
  const simple = allowed.filter((transition) => transition.requires.length === 0);
  const firstOpen = simple.find((transition) => stateOf(workflow, transition.to).phase === 'open');
  return (
    <section aria-labelledby="status-actions">
      <h2 id="status-actions" safe>
        {t('actions.status')}
      </h2>
      {simple.length > 0 && (
        <Form action={`${CASES}/${row.id}/status`} csrf={ctx.csrfToken()}>
          {hidden}
          <div class="actions">
            {simple.map((transition) => (
              <Button
                label={transition.label[ctx.lang]}
                name="to"
                value={transition.to}
                kind="secondary"
                shortcut={transition === firstOpen ? 'b' : undefined}
              />
            ))}
          </div>
        </Form>
      )}
      {allowed
        .filter((transition) => transition.requires.length > 0)
        .map((transition) => (
          <details open={values.to === transition.to ? true : undefined}>
            <summary safe>{transition.label[ctx.lang]}</summary>
            <Form action={`${CASES}/${row.id}/status`} csrf={ctx.csrfToken()}>
              {hidden}
              <input type="hidden" name="to" value={transition.to} />
              {transition.requires.map((field) => (
                <TextField
                  name={field.name}
                  id={`f-${transition.to}-${field.name}`}
                  label={field.label[ctx.lang]}
                  value={values.to === transition.to ? (values[field.name] ?? '') : ''}
                />
              ))}
              <Button
                label={transition.label[ctx.lang]}
                kind={stateOf(workflow, transition.to).phase === 'closed' ? 'danger' : 'secondary'}
              />
            </Form>
          </details>
        ))}
    </section>
  );
}

function Assignment({
  ctx,
  t,
  row,
  version,
  colleagues,
}: {
  ctx: RequestContext;
  t: CasesTranslate;
  row: CaseRow;
  version: string;
  colleagues: Colleague[];
}) {
  const me = ctx.actor.kind === 'staff' ? ctx.actor.userId : '';
  const hidden = <input type="hidden" name="version" value={version} />;
  return (
    <div class="actions">
      {row.assignee_id !== me && (
        <Form action={`${CASES}/${row.id}/zuweisung`} csrf={ctx.csrfToken()}>
          {hidden}
          <input type="hidden" name="assignee" value="me" />
          <Button label={t('claim')} shortcut="u" />
        </Form>
      )}
      {row.assignee_id && (
        <Form action={`${CASES}/${row.id}/zuweisung`} csrf={ctx.csrfToken()}>
          {hidden}
          <input type="hidden" name="assignee" value="" />
          <Button label={t('return')} kind="secondary" />
        </Form>
      )}
      <Form action={`${CASES}/${row.id}/zuweisung`} csrf={ctx.csrfToken()}>
        {hidden}
        <SelectField
          name="assignee"
          label={t('assignTo')}
          options={colleagues.map((colleague) => ({ value: colleague.id, label: colleague.name }))}
        />
        <Button label={t('assign')} kind="secondary" />
      </Form>
    </div>
  );
}

function eventText(
  t: CasesTranslate,
  workflow: Workflow,
  lang: RequestContext['lang'],
  event: Awaited<ReturnType<typeof eventsOfCase>>[number],
): string {
  const detail = event.detail;
  if (event.kind === 'status') {
    const fields = findTransition(workflow, event.from_status ?? '', event.to_status ?? '')?.requires ?? [];
    const given = Object.entries(detail)
      .map(([name, value]) => ` – ${fields.find((field) => field.name === name)?.label[lang] ?? name}: ${String(value)}`)
      .join('');
    return `${t('event.status', { from: stateLabel(workflow, event.from_status ?? '', lang), to: stateLabel(workflow, event.to_status ?? '', lang) })}${given}`;
  }
  if (event.kind === 'note') return `${t('event.note')}: ${String(detail.text ?? '')}`;
  return t(`event.${event.kind as 'created'}`, {
    level: String(detail.level ?? ''),
    number: String(detail.number ?? ''),
    unit: String(detail.unit ?? ''),
  });
}

export async function CaseView({
  ctx,
  deps,
  row,
  refused,
  link,
}: {
  ctx: RequestContext;
  deps: Deps;
  row: CaseRow;
  refused?: Refused;
  link?: { error: string; value: string };
}) {
  const t = casesText(ctx.lang);
  const [events, colleagues, names, source, workflow] = await Promise.all([
    eventsOfCase(deps.db, row.tenant_id, row.id),
    assigneesOf(deps.db, row.tenant_id, row.unit),
    staffNames(deps.db, row.tenant_id),
    renderCaseSource(deps, ctx, row.source_kind, row.source_id),
    workflowOf(deps.db, row.workflow_id),
  ]);
  const version = String(row.version);
  return (
    <Page
      ctx={ctx}
      title={`${row.number} – ${row.title}`}
      crumbs={[{ label: ctx.t('site.backoffice'), href: '/bo' }, { label: t('title'), href: CASES }, { label: row.number }]}
    >
      {refused && <Alert kind="error" text={refused.message} />}
      {link && <Alert kind="error" text={link.error} />}
      <h1 safe>{`${row.number}: ${row.title}`}</h1>
      <dl class="facts">
        <dt safe>{t('facts.status')}</dt>
        <dd safe>{stateLabel(workflow, row.status, ctx.lang)}</dd>
        <dt safe>{t('facts.assignee')}</dt>
        <dd safe>{row.assignee_id ? (names.get(row.assignee_id) ?? '–') : t('unassigned')}</dd>
        <dt safe>{t('facts.due')}</dt>
        <dd safe>{formatDate(ctx.lang, row.due_at)}</dd>
        <dt safe>{t('facts.unit')}</dt>
        <dd safe>{row.unit}</dd>
      </dl>
      {row.source_kind === 'submission' && (
        <p>
          <a href={`/bo/antraege/${row.source_id}`} safe>
            {t('facts.source')}
          </a>
        </p>
      )}
      {source}
      {isOpenPhase(row.phase) && <Assignment ctx={ctx} t={t} row={row} version={version} colleagues={colleagues} />}
      <StatusActions ctx={ctx} t={t} row={row} workflow={workflow} version={version} values={refused?.values ?? {}} />
      {await LinkedCases({ ctx, deps, row, error: link?.error, value: link?.value })}
      <Form action={`${CASES}/${row.id}/notiz`} csrf={ctx.csrfToken()}>
        <TextField name="note" label={t('note')} />
        <Button label={t('noteAdd')} kind="secondary" />
      </Form>
      <h2 safe>{t('history')}</h2>
      <TableScroll label={t('history')}>
        <table>
          <caption class="visually-hidden" safe>
            {t('history')}
          </caption>
          <thead>
            <tr>
              <th scope="col" safe>
                {t('history.at')}
              </th>
              <th scope="col" safe>
                {t('history.who')}
              </th>
              <th scope="col" safe>
                {t('history.what')}
              </th>
            </tr>
          </thead>
          <tbody>
            {events.map((event) => (
              <tr>
                <td safe>{formatDateTime(ctx.lang, event.at)}</td>
                <td safe>{(event.actor_id && names.get(event.actor_id)) || event.actor_label}</td>
                <td safe>{eventText(t, workflow, ctx.lang, event)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </Page>
  );
}

export function registerCasePage(app: FastifyInstance, deps: Deps) {
  const { db } = deps;
  const route = routes(app, db);
  const access = casesPolicy.process;

  route.get(`${CASES}/:id`, { access, params: recordParams }, async ({ request, reply, params }) =>
    sendHtml(reply, await CaseView({ ctx: request.ctx, deps, row: await caseOf(db, request, params.id) })),
  );

  route.post(`${CASES}/:id/status`, { access, params: recordParams, body: statusBody }, async ({ request, reply, params, body }) => {
    const { ctx } = request;
    const row = await caseOf(db, request, params.id);
    const to = /^[a-z][a-z0-9_]{0,39}$/.test(body.to ?? '') ? body.to! : '';
    try {
      await changeStatus(db, ctx.tenant.id, row.id, Number(body.version), to, clerkOf(ctx), body);
    } catch (error) {
      if (!(error instanceof CaseConflict)) throw error;
      const message = await refusal(db, casesText(ctx.lang), ctx.lang, error, to);
      return sendHtml(reply, await CaseView({ ctx, deps, row: error.current ?? row, refused: { message, values: body } }), 409);
    }
    setFlash(reply, casesText(ctx.lang)('changed'));
    return reply.redirect(`${CASES}/${row.id}`, 303);
  });

  // Internal notes: for colleagues only, never shown to the citizen.
  route.post(`${CASES}/:id/notiz`, { access, params: recordParams, body: noteBody }, async ({ request, reply, params, body }) => {
    const { ctx } = request;
    const row = await caseOf(db, request, params.id);
    const text = body.note;
    if (text)
      await recordCaseEvent(db, {
        tenant_id: row.tenant_id,
        case_id: row.id,
        actor_id: actorId(ctx.actor),
        actor_label: actorLabel(ctx.actor),
        kind: 'note',
        detail: { text },
      });
    return reply.redirect(`${CASES}/${row.id}`, 303);
  });

  route.post(`${CASES}/:id/zuweisung`, { access, params: recordParams, body: assignBody }, async ({ request, reply, params, body }) => {
    const { ctx } = request;
    const row = await caseOf(db, request, params.id);
    const me = ctx.actor.kind === 'staff' ? ctx.actor.userId : null;
    const colleagues = await assigneesOf(db, ctx.tenant.id, row.unit);
    const target =
      body.assignee === 'me' ? me : body.assignee ? (colleagues.find((colleague) => colleague.id === body.assignee)?.id ?? null) : null;
    if (body.assignee && body.assignee !== 'me' && !target) {
      return sendHtml(
        reply,
        await CaseView({ ctx, deps, row, refused: { message: casesText(ctx.lang)('assigneeNotAllowed'), values: {} } }),
        400,
      );
    }
    const kind = body.assignee === 'me' ? 'claimed' : target ? 'assigned' : 'returned';
    try {
      await assign(db, ctx.tenant.id, row.id, Number(body.version), target, clerkOf(ctx), kind);
    } catch (error) {
      if (!(error instanceof CaseConflict)) throw error;
      const message = await refusal(db, casesText(ctx.lang), ctx.lang, error);
      return sendHtml(reply, await CaseView({ ctx, deps, row: error.current ?? row, refused: { message, values: {} } }), 409);
    }
    setFlash(reply, casesText(ctx.lang)('changed'));
    return reply.redirect(`${CASES}/${row.id}`, 303);
  });
}
