// The only code that touches the cases tables. Every query is filtered by tenant.
import { sql, type ExpressionBuilder, type Selectable } from 'kysely';
import type { Db } from '../../platform/db/database.js';
import type { CasesTables } from './tables.js';
import { OPEN_STATES, type CaseState } from './workflow.js';

const cases = (db: Db) => db.withTables<CasesTables>();

export type CaseRow = Selectable<CasesTables['case_record']>;
export type InboxView = 'new' | 'mine' | 'unit' | 'due' | 'overdue' | 'waiting' | 'closed';
export const INBOX_VIEWS: readonly InboxView[] = ['new', 'mine', 'unit', 'due', 'overdue', 'waiting', 'closed'];

export function insertCase(db: Db, values: Omit<CasesTables['case_record'], 'id' | 'status' | 'assignee_id' | 'waiting_since' | 'version' | 'created_at' | 'updated_at' | 'closed_at' | 'deputy_for'>) {
  return cases(db).insertInto('case_record').values(values).onConflict((oc) => oc.columns(['tenant_id', 'source_kind', 'source_id']).doNothing()).returningAll().executeTakeFirst();
}

export function findCase(db: Db, tenantId: string, id: string) {
  return cases(db).selectFrom('case_record').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
}

export function findCaseOfSource(db: Db, tenantId: string, kind: string, id: string) {
  return cases(db).selectFrom('case_record').selectAll().where('tenant_id', '=', tenantId).where('source_kind', '=', kind).where('source_id', '=', id).executeTakeFirst();
}

/** Changes a case only if nobody else changed it since `version` was read; returns undefined when stale. */
export function updateCase(db: Db, tenantId: string, id: string, version: number, changes: Partial<Pick<CaseRow, 'status' | 'assignee_id' | 'waiting_since' | 'closed_at' | 'due_at' | 'deputy_for'>>) {
  return cases(db)
    .updateTable('case_record')
    .set((eb) => ({ ...changes, updated_at: new Date(), version: eb('version', '+', 1) }))
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

export function recordCaseEvent(db: Db, event: { case_id: string; actor_id: string | null; actor_label: string; kind: string; from_status?: string | null; to_status?: string | null; detail?: Record<string, unknown> }) {
  return cases(db).insertInto('case_event').values({ ...event, from_status: event.from_status ?? null, to_status: event.to_status ?? null, detail: JSON.stringify(event.detail ?? {}) }).execute();
}

export function eventsOfCase(db: Db, caseId: string) {
  return cases(db).selectFrom('case_event').selectAll().where('case_id', '=', caseId).orderBy('id').execute();
}

type InboxQuery = { tenantId: string; units: string[]; userId: string; view: InboxView; service?: string; search?: string; now?: Date };

export function listInbox(db: Db, query: InboxQuery) {
  const now = query.now ?? new Date();
  const soon = new Date(now.getTime() + 3 * 86_400_000);
  if (query.units.length === 0) return Promise.resolve([] as CaseRow[]);
  let q = cases(db).selectFrom('case_record').selectAll().where('tenant_id', '=', query.tenantId).where('unit', 'in', query.units);
  q = q.where((eb) => viewCondition(eb, query.view, query.userId, now, soon));
  if (query.service) q = q.where('service', '=', query.service);
  if (query.search) {
    const like = `%${query.search.replace(/[%_\\]/g, '\\$&')}%`;
    q = q.where((eb) => eb.or([eb('number', 'ilike', like), eb('title', 'ilike', like)]));
  }
  return q.orderBy('due_at').limit(200).execute();
}

/** The condition of an inbox view: new (unassigned), mine, my unit (open), due within 3 days, overdue, waiting, closed. */
function viewCondition(eb: ExpressionBuilder<CasesTables, 'case_record'>, view: InboxView, userId: string, now: Date, soon: Date) {
  const open = [...OPEN_STATES];
  switch (view) {
    case 'new': return eb.and([eb('status', '=', 'received'), eb('assignee_id', 'is', null)]);
    case 'mine': return eb.and([eb('assignee_id', '=', userId), eb('status', 'in', open)]);
    case 'unit': return eb('status', 'in', open);
    case 'due': return eb.and([eb('status', 'in', ['received', 'in_progress']), eb('due_at', '>=', now), eb('due_at', '<', soon)]);
    case 'overdue': return eb.and([eb('status', 'in', ['received', 'in_progress']), eb('due_at', '<', now)]);
    case 'waiting': return eb('status', '=', 'waiting');
    case 'closed': return eb('status', 'not in', open);
  }
}

export async function inboxCounts(db: Db, tenantId: string, units: string[], userId: string, now = new Date()): Promise<Record<InboxView, number>> {
  const soon = new Date(now.getTime() + 3 * 86_400_000);
  const counts = Object.fromEntries(INBOX_VIEWS.map((view) => [view, 0])) as Record<InboxView, number>;
  if (units.length === 0) return counts;
  const row = await cases(db)
    .selectFrom('case_record')
    .select([
      sql<number>`count(*) filter (where status = 'received' and assignee_id is null)::int`.as('new'),
      sql<number>`count(*) filter (where assignee_id = ${userId} and status in ('received', 'in_progress', 'waiting'))::int`.as('mine'),
      sql<number>`count(*) filter (where status in ('received', 'in_progress', 'waiting'))::int`.as('unit'),
      sql<number>`count(*) filter (where status in ('received', 'in_progress') and due_at >= ${now} and due_at < ${soon})::int`.as('due'),
      sql<number>`count(*) filter (where status in ('received', 'in_progress') and due_at < ${now})::int`.as('overdue'),
      sql<number>`count(*) filter (where status = 'waiting')::int`.as('waiting'),
      sql<number>`count(*) filter (where status not in ('received', 'in_progress', 'waiting'))::int`.as('closed'),
    ])
    .where('tenant_id', '=', tenantId)
    .where('unit', 'in', units)
    .executeTakeFirst();
  return { ...counts, ...(row as Record<InboxView, number>) };
}

/** Open cases past their due date that have not been escalated at `level` yet. */
export function overdueUnescalated(db: Db, level: number, now = new Date(), limit = 1000) {
  return cases(db)
    .selectFrom('case_record as c')
    .leftJoin('case_escalation as e', (join) => join.onRef('e.case_id', '=', 'c.id').on('e.level', '=', level))
    .selectAll('c')
    .where('c.status', 'in', ['received', 'in_progress'])
    .where('c.due_at', '<', now)
    .where('e.case_id', 'is', null)
    .limit(limit)
    .execute();
}

/** Claims the escalation of a case at a level; true only for the one caller that inserted it. */
export async function claimEscalation(db: Db, caseId: string, level: number): Promise<boolean> {
  const row = await cases(db).insertInto('case_escalation').values({ case_id: caseId, level }).onConflict((oc) => oc.columns(['case_id', 'level']).doNothing()).returning('case_id').executeTakeFirst();
  return Boolean(row);
}

export function escalatedCases(db: Db, tenantId: string, units: string[]) {
  if (units.length === 0) return Promise.resolve([]);
  return cases(db).selectFrom('case_record as c').innerJoin('case_escalation as e', 'e.case_id', 'c.id').selectAll('c').select(['e.level', 'e.at as escalated_at']).where('c.tenant_id', '=', tenantId).where('c.unit', 'in', units).where('c.status', 'in', ['received', 'in_progress']).orderBy('c.due_at').execute();
}

export type { CaseState };

export function findAbsence(db: Db, tenantId: string, userId: string) {
  return cases(db).selectFrom('case_absence').selectAll().where('tenant_id', '=', tenantId).where('user_id', '=', userId).executeTakeFirst();
}

export function saveAbsence(db: Db, tenantId: string, userId: string, deputyId: string) {
  return cases(db).insertInto('case_absence').values({ tenant_id: tenantId, user_id: userId, deputy_id: deputyId }).onConflict((oc) => oc.columns(['tenant_id', 'user_id']).doUpdateSet({ deputy_id: deputyId })).execute();
}

export function deleteAbsence(db: Db, tenantId: string, userId: string) {
  return cases(db).deleteFrom('case_absence').where('tenant_id', '=', tenantId).where('user_id', '=', userId).execute();
}

export function openCasesAssignedTo(db: Db, tenantId: string, userId: string) {
  return cases(db).selectFrom('case_record').selectAll().where('tenant_id', '=', tenantId).where('assignee_id', '=', userId).where('status', 'in', [...OPEN_STATES]).execute();
}

export function casesHeldFor(db: Db, tenantId: string, absentId: string) {
  return cases(db).selectFrom('case_record').selectAll().where('tenant_id', '=', tenantId).where('deputy_for', '=', absentId).where('status', 'in', [...OPEN_STATES]).execute();
}
