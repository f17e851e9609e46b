// Linked cases: a clerk links a case to another by its number (e.g. a dog registration and the later
// deregistration); the link shows on both, with the other case's state, and is recorded in both histories. Only
// cases of the clerk's own units can be linked or are listed with a link.
import type { FastifyInstance } from 'fastify';
import { visibleUnits } from '../../platform/auth/unit-scope.js';
import type { RequestContext } from '../../platform/http/context.js';
import type { Deps } from '../../platform/http/deps.js';
import { setFlash } from '../../platform/http/request-context.js';
import { Button, Form, TextField } from '../../platform/ui/components.js';
import { CASES } from './paths.js';
import { caseOf, clerkOf, stateLabels } from './access.js';
import { routes } from '../../platform/http/route.js';
import { recordParams } from '../../platform/validation/rules.js';
import { casesPolicy } from './policy.js';
import { linkBody, linkParams } from './schema.js';
import { findCase, findCaseByNumber, linkCases, linkedCases, recordCaseEvent, unlinkCases, type CaseRow } from './repo.js';
import { casesText } from './texts.js';
import { CaseView } from './case-page.js';
import { sendHtml } from '../../platform/ui/render.js';

export async function LinkedCases({
  ctx,
  deps,
  row,
  error,
  value,
}: {
  ctx: RequestContext;
  deps: Deps;
  row: CaseRow;
  error?: string;
  value?: string;
}) {
  const t = casesText(ctx.lang);
  const [linked, units] = await Promise.all([linkedCases(deps.db, ctx.tenant.id, row.id), visibleUnits(deps.db, ctx)]);
  const label = await stateLabels(deps.db, linked, ctx.lang);
  return (
    <section aria-labelledby="links">
      <h2 id="links" safe>
        {t('links')}
      </h2>
      {linked.length === 0 ? (
        <p safe>{t('links.none')}</p>
      ) : (
        <ul>
          {linked.map((other) => (
            <li>
              {units.includes(other.unit) ? (
                <a href={`${CASES}/${other.id}`} safe>
                  {other.number}
                </a>
              ) : (
                <span safe>{other.number}</span>
              )}
              <span safe>{` ${other.title} · ${label(other)} · ${other.unit} `}</span>
              <Form action={`${CASES}/${row.id}/verknuepfung/${other.id}/loesen`} csrf={ctx.csrfToken()}>
                <Button label={t('links.remove', { number: other.number })} kind="secondary" />
              </Form>
            </li>
          ))}
        </ul>
      )}
      <Form action={`${CASES}/${row.id}/verknuepfung`} csrf={ctx.csrfToken()}>
        <TextField name="number" label={t('links.number')} value={value ?? ''} error={error} />
        <Button label={t('links.add')} kind="secondary" />
      </Form>
    </section>
  );
}

export function registerLinkRoutes(app: FastifyInstance, deps: Deps) {
  const { db } = deps;
  const route = routes(app, db);
  const access = casesPolicy.process;

  route.post(`${CASES}/:id/verknuepfung`, { access, params: recordParams, body: linkBody }, async ({ request, reply, params, body }) => {
    const { ctx } = request;
    const t = casesText(ctx.lang);
    const row = await caseOf(db, request, params.id);
    const { number } = body;
    const other = number ? await findCaseByNumber(db, ctx.tenant.id, number) : undefined;
    const error =
      !other || !(await visibleUnits(db, ctx)).includes(other.unit)
        ? t('links.unknown', { number })
        : other.id === row.id
          ? t('links.self')
          : undefined;
    if (error || !other) return sendHtml(reply, await CaseView({ ctx, deps, row, link: { error: error ?? '', value: number } }), 400);
    const actor = clerkOf(ctx);
    if (await linkCases(db, ctx.tenant.id, row.id, other.id, actor.label)) {
      await recordCaseEvent(db, {
        tenant_id: row.tenant_id,
        case_id: row.id,
        actor_id: actor.id,
        actor_label: actor.label,
        kind: 'linked',
        detail: { number: other.number },
      });
      await recordCaseEvent(db, {
        tenant_id: other.tenant_id,
        case_id: other.id,
        actor_id: actor.id,
        actor_label: actor.label,
        kind: 'linked',
        detail: { number: row.number },
      });
    }
    setFlash(reply, t('links.added', { number: other.number }));
    return reply.redirect(`${CASES}/${row.id}#links`, 303);
  });

  route.post(`${CASES}/:id/verknuepfung/:other/loesen`, { access, params: linkParams }, async ({ request, reply, params }) => {
    const { ctx } = request;
    const row = await caseOf(db, request, params.id);
    const other = await findCase(db, ctx.tenant.id, params.other);
    if (other && (await unlinkCases(db, ctx.tenant.id, row.id, other.id))) {
      const actor = clerkOf(ctx);
      await recordCaseEvent(db, {
        tenant_id: row.tenant_id,
        case_id: row.id,
        actor_id: actor.id,
        actor_label: actor.label,
        kind: 'unlinked',
        detail: { number: other.number },
      });
      await recordCaseEvent(db, {
        tenant_id: other.tenant_id,
        case_id: other.id,
        actor_id: actor.id,
        actor_label: actor.label,
        kind: 'unlinked',
        detail: { number: row.number },
      });
    }
    setFlash(reply, casesText(ctx.lang)('links.removed'));
    return reply.redirect(`${CASES}/${row.id}#links`, 303);
  });
}
