// What every case route needs: who may use the back office, the case if it belongs to one of the clerk's units
// (another unit's case by URL gets 403), the colleagues to assign to, the acting clerk, and how a refused
// change is explained.
import type { FastifyRequest } from 'fastify';
import { visibleUnits } from '../../platform/auth/unit-scope.js';
import { listRoleHolders, listStaff, listUnitMembers, listUnits } from '../../platform/auth/users-repo.js';
import type { Db } from '../../platform/db/database.js';
import { actorId, actorLabel, type RequestContext } from '../../platform/http/context.js';
import { Forbidden, NotFound } from '../../platform/http/errors.js';
import { isUuid } from '../../platform/http/ids.js';
import type { Lang } from '../../platform/i18n/index.js';
import { findCase, findWorkflowIds, type CaseRow } from './repo.js';
import { workflowOf, type CaseActor, type CaseConflict } from './service.js';
import type { CasesTranslate } from './texts.js';
import { DEFAULT_WORKFLOW, findTransition, stateLabel, type Workflow } from './workflow.js';

export type Colleague = { id: string; name: string };

export { isUuid };

export async function caseOf(db: Db, request: FastifyRequest, id: string): Promise<CaseRow> {
  const row = await findCase(db, request.ctx.tenant.id, id);
  if (!row) throw new NotFound('case');
  if (!(await visibleUnits(db, request.ctx)).includes(row.unit)) throw new Forbidden();
  return row;
}

export async function colleaguesOf(db: Db, ctx: RequestContext): Promise<Colleague[]> {
  const roles = ['clerk', 'unit_lead', 'tenant_admin'] as const;
  const holders = (await Promise.all(roles.map((role) => listRoleHolders(db, ctx.tenant.id, role)))).flat();
  return [...new Map(holders.map((holder) => [holder.id, { id: holder.id, name: holder.display_name }])).values()];
}

/** Who may work on a case of this unit: its clerks and leads, and the leads of the unit above it. */
export async function assigneesOf(db: Db, tenantId: string, unitName: string): Promise<Colleague[]> {
  const unit = (await listUnits(db, tenantId)).find((candidate) => (candidate.short_name ?? candidate.name) === unitName);
  if (!unit) return [];
  const members = await listUnitMembers(db, tenantId, unit.parent_id ? [unit.id, unit.parent_id] : [unit.id]);
  const eligible = members.filter((member) => member.role === 'unit_lead' || (member.role === 'clerk' && member.unit_id === unit.id));
  return [...new Map(eligible.map((member) => [member.id, { id: member.id, name: member.display_name }])).values()];
}

/** Every member of staff by id, for naming the people in a case's history. */
export async function staffNames(db: Db, tenantId: string): Promise<Map<string, string>> {
  return new Map((await listStaff(db, tenantId)).map((person) => [person.id, person.display_name]));
}

export const clerkOf = (ctx: RequestContext): CaseActor => ({
  id: actorId(ctx.actor),
  label: actorLabel(ctx.actor),
  roles: ctx.actor.kind === 'staff' ? ctx.actor.roles : new Set(),
});

/** Every workflow cases of this installation follow (the default and those stored), for filters and bulk actions. */
export async function workflowsInUse(db: Db): Promise<Workflow[]> {
  return [DEFAULT_WORKFLOW, ...(await Promise.all((await findWorkflowIds(db)).map((id) => workflowOf(db, id))))];
}

/** The label of a case's state in its own workflow. */
export async function stateLabels(
  db: Db,
  rows: Pick<CaseRow, 'workflow_id' | 'status'>[],
  lang: Lang,
): Promise<(row: Pick<CaseRow, 'workflow_id' | 'status'>) => string> {
  const workflows = new Map(
    await Promise.all([...new Set(rows.map((row) => row.workflow_id))].map(async (id) => [id, await workflowOf(db, id)] as const)),
  );
  return (row) => stateLabel(workflows.get(row.workflow_id) ?? DEFAULT_WORKFLOW, row.status, lang);
}

/** Why a change was refused, with the current state, in the clerk's language. */
export async function refusal(db: Db, t: CasesTranslate, lang: Lang, error: CaseConflict, to?: string): Promise<string> {
  const workflow = await workflowOf(db, error.current?.workflow_id ?? null);
  const status = error.current ? stateLabel(workflow, error.current.status, lang) : '–';
  const transition = error.current && to ? findTransition(workflow, error.current.status, to) : undefined;
  switch (error.reason) {
    case 'fieldsMissing':
      return t('fieldsMissing', {
        fields: error.missing.map((name) => transition?.requires.find((field) => field.name === name)?.label[lang] ?? name).join(', '),
      });
    case 'roleMissing':
      return t('roleMissing', { roles: (transition?.roles ?? []).map((role) => t(`role.${role}`)).join(' / ') });
    default:
      return t(error.reason, { status });
  }
}
