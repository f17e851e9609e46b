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

/** Figures for the unit lead: open cases by state and average age, cases received and finished per ISO week
 * (last 8), median days from receipt to decision per service, overdue cases, open cases per assignee. */
export async function dashboardFigures(db: Db, tenantId: string, units: string[]) {
  const empty = { open: [], weeks: [], medians: [], overdue: [], workload: [] };
  if (units.length === 0) return empty;
  const inUnits = sql.join(units.map((unit) => sql`${unit}`));
  const [open, weeks, medians, overdue, workload] = await Promise.all([
    sql<{ status: string; count: number; average_age_days: number | null }>`select status, count(*)::int as count, round(avg(extract(epoch from now() - created_at) / 86400)::numeric, 1)::float as average_age_days
      from case_record where tenant_id = ${tenantId} and unit in (${inUnits}) and status in ('received', 'in_progress', 'waiting') group by status order by status`.execute(db),
    sql<{ week: string; received: number; finished: number }>`with weeks as (select to_char(date_trunc('week', now() - (n || ' weeks')::interval), 'IYYY-"W"IW') as week, date_trunc('week', now() - (n || ' weeks')::interval) as start from generate_series(0, 7) as n)
      select w.week,
        (select count(*)::int from case_record c where c.tenant_id = ${tenantId} and c.unit in (${inUnits}) and c.created_at >= w.start and c.created_at < w.start + interval '1 week') as received,
        (select count(*)::int from case_event e join case_record c on c.id = e.case_id where c.tenant_id = ${tenantId} and c.unit in (${inUnits}) and e.kind = 'status' and e.to_status in ('decided', 'rejected', 'withdrawn') and e.at >= w.start and e.at < w.start + interval '1 week') as finished
      from weeks w order by w.start desc`.execute(db),
    sql<{ title: string; median_days: number | null; finished: number }>`select c.title, (percentile_cont(0.5) within group (order by extract(epoch from e.at - c.created_at) / 86400))::float as median_days, count(*)::int as finished
      from case_record c join case_event e on e.case_id = c.id and e.kind = 'status' and e.to_status in ('decided', 'rejected')
      where c.tenant_id = ${tenantId} and c.unit in (${inUnits}) group by c.title order by c.title`.execute(db),
    sql<{ number: string; title: string; due_at: Date }>`select number, title, due_at from case_record where tenant_id = ${tenantId} and unit in (${inUnits}) and status in ('received', 'in_progress') and due_at < now() order by due_at limit 50`.execute(db),
    sql<{ assignee_id: string | null; count: number; overdue: number }>`select assignee_id, count(*)::int as count, count(*) filter (where due_at < now() and status in ('received', 'in_progress'))::int as overdue
      from case_record where tenant_id = ${tenantId} and unit in (${inUnits}) and status in ('received', 'in_progress', 'waiting') group by assignee_id order by count(*) desc`.execute(db),
  ]);
  return { open: open.rows, weeks: weeks.rows, medians: medians.rows, overdue: overdue.rows, workload: workload.rows };
}
