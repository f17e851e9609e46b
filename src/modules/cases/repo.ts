// The only code that touches the cases tables. Every query is filtered by tenant.
import { sql, type ExpressionBuilder, type Selectable } from 'kysely';
import { recordAudit } from '../../platform/audit/audit-log.js';
import type { Db } from '../../platform/db/database.js';
import type { CasesTables } from './tables.js';
import { INBOX_VIEWS, type InboxView } from './paths.js';
import { OPEN_PHASES, RUNNING_PHASES } from './workflow.js';

const cases = (db: Db) => db.withTables<CasesTables>();

/** Every column but the search vector, which only the search reads. */
const COLUMNS = [
  'id',
  'tenant_id',
  'number',
  'source_kind',
  'source_id',
  'service',
  'title',
  'unit',
  'status',
  'phase',
  'workflow_id',
  'assignee_id',
  'due_at',
  'waiting_since',
  'version',
  'created_at',
  'updated_at',
  'closed_at',
  'deputy_for',
] as const;
export type CaseRow = Omit<Selectable<CasesTables['case_record']>, 'search_vector'>;
export const INBOX_SORTS = ['due', 'received', 'number', 'status'] as const;
export type InboxSort = (typeof INBOX_SORTS)[number];

type NewCase = Pick<
  CaseRow,
  'tenant_id' | 'number' | 'source_kind' | 'source_id' | 'service' | 'title' | 'unit' | 'status' | 'phase' | 'workflow_id' | 'due_at'
> & { searchText: string };

export function insertCase(db: Db, values: NewCase) {
  const { searchText, ...row } = values;
  return cases(db)
    .insertInto('case_record')
    .values({ ...row, search_vector: sql`to_tsvector('german', ${searchText})` } as never)
    .onConflict((oc) => oc.columns(['tenant_id', 'source_kind', 'source_id']).doNothing())
    .returning(COLUMNS)
    .executeTakeFirst();
}

export function findCase(db: Db, tenantId: string, id: string) {
  return cases(db).selectFrom('case_record').select(COLUMNS).where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
}

export function findCaseByNumber(db: Db, tenantId: string, number: string) {
  return cases(db)
    .selectFrom('case_record')
    .select(COLUMNS)
    .where('tenant_id', '=', tenantId)
    .where('number', '=', number)
    .executeTakeFirst();
}

export function findCaseOfSource(db: Db, tenantId: string, kind: string, id: string) {
  return cases(db)
    .selectFrom('case_record')
    .select(COLUMNS)
    .where('tenant_id', '=', tenantId)
    .where('source_kind', '=', kind)
    .where('source_id', '=', id)
    .executeTakeFirst();
}

/** Changes a case only if nobody else changed it since `version` was read; returns undefined when stale. */
export function updateCase(
  db: Db,
  tenantId: string,
  id: string,
  version: number,
  changes: Partial<
    Pick<
      CaseRow,
      'status' | 'phase' | 'assignee_id' | 'waiting_since' | 'closed_at' | 'due_at' | 'deputy_for' | 'unit' | 'title' | 'service'
    >
  >,
) {
  return cases(db)
    .updateTable('case_record')
    .set((eb) => ({ ...changes, updated_at: new Date(), version: eb('version', '+', 1) }))
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .where('version', '=', version)
    .returning(COLUMNS)
    .executeTakeFirst();
}

/** Stores a workflow once under its content hash. */
export function saveWorkflow(db: Db, id: string, definition: unknown) {
  return cases(db)
    .insertInto('case_workflow')
    .values({ id, definition: JSON.stringify(definition) })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
}

export async function findWorkflowIds(db: Db): Promise<string[]> {
  return (await cases(db).selectFrom('case_workflow').select('id').orderBy('created_at').execute()).map((row) => row.id);
}

export function findWorkflow(db: Db, id: string) {
  return cases(db).selectFrom('case_workflow').select('definition').where('id', '=', id).executeTakeFirst();
}

/** What of an event's detail the audit keeps: who and where, not the text a clerk or citizen wrote. */
const AUDITED_DETAIL = ['assignee', 'for', 'number', 'unit', 'level', 'state'];

/** A step in the case's history, audited with it: the audit entry names what changed, never a note's text. */
export async function recordCaseEvent(
  db: Db,
  event: {
    tenant_id: string;
    case_id: string;
    actor_id: string | null;
    actor_label: string;
    kind: string;
    from_status?: string | null;
    to_status?: string | null;
    to_phase?: string | null;
    detail?: Record<string, unknown>;
  },
) {
  await cases(db)
    .insertInto('case_event')
    .values({
      ...event,
      from_status: event.from_status ?? null,
      to_status: event.to_status ?? null,
      to_phase: event.to_phase ?? null,
      detail: JSON.stringify(event.detail ?? {}),
    })
    .execute();
  const detail = Object.fromEntries(Object.entries(event.detail ?? {}).filter(([key]) => AUDITED_DETAIL.includes(key)));
  const summary = { from: event.from_status ?? undefined, to: event.to_status ?? undefined, ...detail };
  await recordAudit(db, {
    tenantId: event.tenant_id,
    actorId: event.actor_id,
    actorLabel: event.actor_label,
    action: `cases.${event.kind}`,
    objectType: 'case',
    objectId: event.case_id,
    summary,
  });
}

export function eventsOfCase(db: Db, tenantId: string, caseId: string) {
  return cases(db)
    .selectFrom('case_event')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('case_id', '=', caseId)
    .orderBy('id')
    .execute();
}

/** `search`: the text as typed (for number and title) and its words as a prefix tsquery (for the case data). */
export type InboxFilter = {
  service?: string;
  status?: string;
  search?: { text: string; words?: string };
  receivedFrom?: Date;
  receivedTo?: Date;
  sort?: InboxSort;
  descending?: boolean;
};
type InboxQuery = InboxFilter & { tenantId: string; units: string[]; userId: string; view: InboxView; now?: Date };

const SORT_COLUMNS: Record<InboxSort, 'due_at' | 'created_at' | 'number' | 'status'> = {
  due: 'due_at',
  received: 'created_at',
  number: 'number',
  status: 'status',
};

export function listInbox(db: Db, query: InboxQuery) {
  const now = query.now ?? new Date();
  const soon = new Date(now.getTime() + 3 * 86_400_000);
  if (query.units.length === 0) return Promise.resolve([] as CaseRow[]);
  let q = cases(db).selectFrom('case_record').select(COLUMNS).where('tenant_id', '=', query.tenantId).where('unit', 'in', query.units);
  q = q.where((eb) => viewCondition(eb, query.view, query.userId, now, soon));
  if (query.service) q = q.where('service', '=', query.service);
  if (query.status) q = q.where('status', '=', query.status);
  if (query.receivedFrom) q = q.where('created_at', '>=', query.receivedFrom);
  if (query.receivedTo) q = q.where('created_at', '<', query.receivedTo);
  if (query.search) {
    const like = `%${query.search.text.replace(/[%_\\]/g, '\\$&')}%`;
    const words = query.search.words;
    q = q.where((eb) =>
      eb.or([
        eb('number', 'ilike', like),
        eb('title', 'ilike', like),
        ...(words ? [sql<boolean>`search_vector @@ to_tsquery('german', ${words})`] : []),
      ]),
    );
  }
  const column = SORT_COLUMNS[query.sort ?? 'due'];
  return q
    .orderBy(column, query.descending ? 'desc' : 'asc')
    .orderBy('number')
    .limit(200)
    .execute();
}

/** The condition of an inbox view: new (unassigned), mine, my unit (open), due within 3 days, overdue, waiting, closed. */
function viewCondition(eb: ExpressionBuilder<CasesTables, 'case_record'>, view: InboxView, userId: string, now: Date, soon: Date) {
  const open = [...OPEN_PHASES];
  const running = [...RUNNING_PHASES];
  switch (view) {
    case 'new':
      return eb.and([eb('phase', '=', 'received'), eb('assignee_id', 'is', null)]);
    case 'mine':
      return eb.and([eb('assignee_id', '=', userId), eb('phase', 'in', open)]);
    case 'unit':
      return eb('phase', 'in', open);
    case 'due':
      return eb.and([eb('phase', 'in', running), eb('due_at', '>=', now), eb('due_at', '<', soon)]);
    case 'overdue':
      return eb.and([eb('phase', 'in', running), eb('due_at', '<', now)]);
    case 'waiting':
      return eb('phase', '=', 'waiting');
    case 'closed':
      return eb('phase', 'not in', open);
  }
}

/** Finished cases are counted up to this many ("1,000+"): their number only grows, and counting all would scan
 * the unit's whole history on every look at the inbox. */
export const CLOSED_COUNT_CAP = 1000;

/** The number of cases per inbox view: the open views from the open cases (an index on unit and phase), the
 * finished ones counted up to CLOSED_COUNT_CAP + 1. */
export async function inboxCounts(
  db: Db,
  tenantId: string,
  units: string[],
  userId: string,
  now = new Date(),
): Promise<Record<InboxView, number>> {
  const soon = new Date(now.getTime() + 3 * 86_400_000);
  const counts = Object.fromEntries(INBOX_VIEWS.map((view) => [view, 0])) as Record<InboxView, number>;
  if (units.length === 0) return counts;
  const [row, closed] = await Promise.all([
    cases(db)
      .selectFrom('case_record')
      .select([
        sql<number>`count(*) filter (where phase = 'received' and assignee_id is null)::int`.as('new'),
        sql<number>`count(*) filter (where assignee_id = ${userId})::int`.as('mine'),
        sql<number>`count(*)::int`.as('unit'),
        sql<number>`count(*) filter (where phase in ('received', 'open') and due_at >= ${now} and due_at < ${soon})::int`.as('due'),
        sql<number>`count(*) filter (where phase in ('received', 'open') and due_at < ${now})::int`.as('overdue'),
        sql<number>`count(*) filter (where phase = 'waiting')::int`.as('waiting'),
      ])
      .where('tenant_id', '=', tenantId)
      .where('unit', 'in', units)
      .where('phase', 'in', [...OPEN_PHASES])
      .executeTakeFirst(),
    sql<{ n: number }>`select count(*)::int as n from (select 1 from case_record where tenant_id = ${tenantId}
      and unit in (${sql.join(units)}) and phase not in (${sql.join([...OPEN_PHASES])}) limit ${CLOSED_COUNT_CAP + 1}) finished`.execute(
      db,
    ),
  ]);
  return { ...counts, ...(row as Omit<Record<InboxView, number>, 'closed'>), closed: closed.rows[0]!.n };
}

/** The clerk's open cases whose last step was the citizen's answer: work that came back to them. */
export function answeredCases(db: Db, tenantId: string, userId: string) {
  return cases(db)
    .selectFrom('case_record as c')
    .select(COLUMNS.map((column) => `c.${column}` as const))
    .where('c.tenant_id', '=', tenantId)
    .where('c.assignee_id', '=', userId)
    .where('c.phase', 'in', [...OPEN_PHASES])
    .where(
      sql<string>`(select e.actor_label from case_event e where e.tenant_id = c.tenant_id and e.case_id = c.id order by e.id desc limit 1)`,
      '=',
      'citizen',
    )
    .orderBy('c.due_at')
    .limit(50)
    .execute();
}

/** Per unit: open cases, the overdue among them, and cases finished in the last 30 days (for the lead's start page). */
export async function unitFigures(db: Db, tenantId: string, units: string[], now = new Date()) {
  if (units.length === 0) return [];
  const since = new Date(now.getTime() - 30 * 86_400_000);
  return cases(db)
    .selectFrom('case_record')
    .select([
      'unit',
      sql<number>`count(*) filter (where phase in ('received', 'open', 'waiting'))::int`.as('open'),
      sql<number>`count(*) filter (where phase in ('received', 'open') and due_at < ${now})::int`.as('overdue'),
      sql<number>`count(*) filter (where phase in ('decided', 'closed') and coalesce(closed_at, updated_at) >= ${since})::int`.as(
        'finished',
      ),
    ])
    .where('tenant_id', '=', tenantId)
    .where('unit', 'in', units)
    .groupBy('unit')
    .orderBy('unit')
    .execute();
}

/** Open cases past their due date that have not been escalated at `level` yet. */
export function overdueUnescalated(db: Db, tenantId: string, level: number, now = new Date(), limit = 1000) {
  return cases(db)
    .selectFrom('case_record as c')
    .leftJoin('case_escalation as e', (join) => join.onRef('e.case_id', '=', 'c.id').on('e.level', '=', level))
    .select(COLUMNS.map((column) => `c.${column}` as const))
    .where('c.tenant_id', '=', tenantId)
    .where('c.phase', 'in', [...RUNNING_PHASES])
    .where('c.due_at', '<', now)
    .where('e.case_id', 'is', null)
    .limit(limit)
    .execute();
}

/** Claims the escalation of a case at a level; true only for the one caller that inserted it. */
export async function claimEscalation(db: Db, tenantId: string, caseId: string, level: number): Promise<boolean> {
  const row = await cases(db)
    .insertInto('case_escalation')
    .values({ tenant_id: tenantId, case_id: caseId, level })
    .onConflict((oc) => oc.columns(['case_id', 'level']).doNothing())
    .returning('case_id')
    .executeTakeFirst();
  return Boolean(row);
}

export function escalatedCases(db: Db, tenantId: string, units: string[]) {
  if (units.length === 0) return Promise.resolve([]);
  return cases(db)
    .selectFrom('case_record as c')
    .innerJoin('case_escalation as e', (join) => join.onRef('e.case_id', '=', 'c.id').onRef('e.tenant_id', '=', 'c.tenant_id'))
    .select(COLUMNS.map((column) => `c.${column}` as const))
    .select(['e.level', 'e.at as escalated_at'])
    .where('c.tenant_id', '=', tenantId)
    .where('c.unit', 'in', units)
    .where('c.phase', 'in', [...RUNNING_PHASES])
    .orderBy('c.due_at')
    .execute();
}

export function findAbsence(db: Db, tenantId: string, userId: string) {
  return cases(db)
    .selectFrom('case_absence')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

export function saveAbsence(db: Db, tenantId: string, userId: string, deputyId: string) {
  return cases(db)
    .insertInto('case_absence')
    .values({ tenant_id: tenantId, user_id: userId, deputy_id: deputyId })
    .onConflict((oc) => oc.columns(['tenant_id', 'user_id']).doUpdateSet({ deputy_id: deputyId }))
    .execute();
}

export function deleteAbsence(db: Db, tenantId: string, userId: string) {
  return cases(db).deleteFrom('case_absence').where('tenant_id', '=', tenantId).where('user_id', '=', userId).execute();
}

export function openCasesAssignedTo(db: Db, tenantId: string, userId: string) {
  return cases(db)
    .selectFrom('case_record')
    .select(COLUMNS)
    .where('tenant_id', '=', tenantId)
    .where('assignee_id', '=', userId)
    .where('phase', 'in', [...OPEN_PHASES])
    .execute();
}

export function casesHeldFor(db: Db, tenantId: string, absentId: string) {
  return cases(db)
    .selectFrom('case_record')
    .select(COLUMNS)
    .where('tenant_id', '=', tenantId)
    .where('deputy_for', '=', absentId)
    .where('phase', 'in', [...OPEN_PHASES])
    .execute();
}

/** How far back the processing-time medians look (the weekly throughput looks back eight weeks). */
export const MEDIAN_DAYS = 90;

/** Figures for the unit lead: open cases by state and average age, cases received and finished per ISO week
 * (last 8), median days from receipt to the first decision or closing per service (last MEDIAN_DAYS days),
 * overdue cases, open cases per assignee. Each reads only open or recent cases, never the whole history. */
export async function dashboardFigures(db: Db, tenantId: string, units: string[]) {
  const empty = { open: [], weeks: [], medians: [], overdue: [], workload: [] };
  if (units.length === 0) return empty;
  const inUnits = sql.join(units.map((unit) => sql`${unit}`));
  // Cases first finished (decided or closed) within the last MEDIAN_DAYS, when: found from the recent finishing
  // events (an index on tenant and time), so a case decided long ago and filed now counts when it was decided.
  const finished = sql`(select c.id, c.title, c.created_at, first.at from
      (select e.case_id from case_event e where e.tenant_id = ${tenantId} and e.to_phase in ('decided', 'closed')
         and e.at >= now() - make_interval(days => ${MEDIAN_DAYS}) group by e.case_id) recent
      join case_record c on c.id = recent.case_id and c.tenant_id = ${tenantId} and c.unit in (${inUnits})
      cross join lateral (select min(e.at) as at from case_event e where e.case_id = c.id and e.to_phase in ('decided', 'closed')) first
      where first.at >= now() - make_interval(days => ${MEDIAN_DAYS}))`;
  const [open, weeks, medians, overdue, workload] = await Promise.all([
    sql<{
      status: string;
      workflow_id: string | null;
      count: number;
      average_age_days: number | null;
    }>`select status, min(workflow_id) as workflow_id, count(*)::int as count, round(avg(extract(epoch from now() - created_at) / 86400)::numeric, 1)::float as average_age_days
      from case_record where tenant_id = ${tenantId} and unit in (${inUnits}) and phase in ('received', 'open', 'waiting') group by status order by min(phase), status`.execute(
      db,
    ),
    sql<{
      week: string;
      received: number;
      finished: number;
    }>`with weeks as (select date_trunc('week', now()) - make_interval(weeks => n) as start from generate_series(0, 7) as n),
      received as (select date_trunc('week', created_at) as start, count(*)::int as n from case_record
        where tenant_id = ${tenantId} and unit in (${inUnits}) and created_at >= date_trunc('week', now()) - interval '7 weeks' group by 1),
      done as (select date_trunc('week', f.at) as start, count(*)::int as n from ${finished} f group by 1)
      select to_char(w.start, 'IYYY-"W"IW') as week, coalesce(r.n, 0) as received, coalesce(d.n, 0) as finished
      from weeks w left join received r on r.start = w.start left join done d on d.start = w.start order by w.start desc`.execute(db),
    sql<{
      title: string;
      median_days: number | null;
      finished: number;
    }>`select f.title, (percentile_cont(0.5) within group (order by extract(epoch from f.at - f.created_at) / 86400))::float as median_days, count(*)::int as finished
      from ${finished} f group by f.title order by f.title`.execute(db),
    sql<{
      number: string;
      title: string;
      due_at: Date;
    }>`select number, title, due_at from case_record where tenant_id = ${tenantId} and unit in (${inUnits}) and phase in ('received', 'open') and due_at < now() order by due_at limit 50`.execute(
      db,
    ),
    sql<{
      assignee_id: string | null;
      count: number;
      overdue: number;
    }>`select assignee_id, count(*)::int as count, count(*) filter (where due_at < now() and phase in ('received', 'open'))::int as overdue
      from case_record where tenant_id = ${tenantId} and unit in (${inUnits}) and phase in ('received', 'open', 'waiting') group by assignee_id order by count(*) desc`.execute(
      db,
    ),
  ]);
  return { open: open.rows, weeks: weeks.rows, medians: medians.rows, overdue: overdue.rows, workload: workload.rows };
}

/** Links two cases once, whichever side links; false when they were linked already. */
export async function linkCases(db: Db, tenantId: string, one: string, other: string, by: string): Promise<boolean> {
  const [case_a, case_b] = [one, other].sort() as [string, string];
  const row = await cases(db)
    .insertInto('case_link')
    .values({ tenant_id: tenantId, case_a, case_b, created_by: by })
    .onConflict((oc) => oc.columns(['case_a', 'case_b']).doNothing())
    .returning('case_a')
    .executeTakeFirst();
  return Boolean(row);
}

/** Removes the link; false when there was none. */
export async function unlinkCases(db: Db, tenantId: string, one: string, other: string): Promise<boolean> {
  const [case_a, case_b] = [one, other].sort() as [string, string];
  const result = await cases(db)
    .deleteFrom('case_link')
    .where('tenant_id', '=', tenantId)
    .where('case_a', '=', case_a)
    .where('case_b', '=', case_b)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function linkedCases(db: Db, tenantId: string, caseId: string) {
  const result = await sql<
    Pick<CaseRow, 'id' | 'number' | 'title' | 'status' | 'workflow_id' | 'unit'>
  >`select c.id, c.number, c.title, c.status, c.workflow_id, c.unit from case_link l
    join case_record c on c.id = case when l.case_a = ${caseId} then l.case_b else l.case_a end
    where l.tenant_id = ${tenantId} and (l.case_a = ${caseId} or l.case_b = ${caseId}) order by c.created_at`.execute(db);
  return result.rows;
}

/** Status changes of one kind of case in a time window, oldest first (e.g. the updates Open311 clients fetch). */
export async function statusEventsBetween(db: Db, tenantId: string, sourceKind: string, from: Date, until: Date, limit = 1000) {
  const result = await sql<{
    id: number;
    source_id: string;
    to_status: string;
    at: Date;
    detail: Record<string, unknown>;
  }>`select e.id::int as id, c.source_id, e.to_status, e.at, e.detail from case_event e
    join case_record c on c.id = e.case_id
    where e.tenant_id = ${tenantId} and c.tenant_id = ${tenantId} and c.source_kind = ${sourceKind} and e.to_status is not null and e.at >= ${from} and e.at < ${until}
    order by e.id limit ${limit}`.execute(db);
  return result.rows;
}
