// The only code that touches the reports tables. Every query is filtered by tenant.
import { sql, type Insertable, type Selectable } from 'kysely';
import { recordAudit } from '../../platform/audit/audit-log.js';
import { sharedPagesChanged } from '../../platform/http/shared-page.js';
import type { Db } from '../../platform/db/database.js';
import type { ReportsTables } from './tables.js';

const reports = (db: Db) => db.withTables<ReportsTables>();

export type CategoryRow = Selectable<ReportsTables['report_category']>;
export type ReportRow = Selectable<ReportsTables['report']>;

/** The scope of the shared public Mängelmelder pages: every write below renews them. */
export const REPORT_PAGES = 'reports';
/** How long another process may show a shared page after a change made elsewhere (as the GeoJSON's cache). */
export const SHARED_SECONDS = 10;

export function insertCategories(db: Db, rows: Insertable<ReportsTables['report_category']>[]) {
  return reports(db)
    .insertInto('report_category')
    .values(rows)
    .onConflict((oc) => oc.columns(['tenant_id', 'code']).doNothing())
    .execute();
}

export function listCategories(db: Db, tenantId: string) {
  return reports(db)
    .selectFrom('report_category')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('active', '=', true)
    .orderBy('position')
    .execute();
}

/** Every category, switched off ones too (for editors). */
export function allCategories(db: Db, tenantId: string) {
  return reports(db).selectFrom('report_category').selectAll().where('tenant_id', '=', tenantId).orderBy('position').execute();
}

export function updateCategory(
  db: Db,
  tenantId: string,
  code: string,
  values: { name_de: string; name_en: string; unit: string; target_days: number; active: boolean; questions: string },
) {
  sharedPagesChanged(tenantId, REPORT_PAGES);
  return reports(db).updateTable('report_category').set(values).where('tenant_id', '=', tenantId).where('code', '=', code).execute();
}

/** A global sequence: numbers never collide, however many processes take one at once. */
export async function nextReportNumber(db: Db, year: number): Promise<string> {
  const { rows } = await sql<{ n: number }>`select nextval('report_number_seq')::int as n`.execute(db);
  return `M${year}-${String(rows[0]!.n).padStart(6, '0')}`;
}

export function insertReport(db: Db, row: Insertable<ReportsTables['report']>) {
  sharedPagesChanged(row.tenant_id, REPORT_PAGES);
  return reports(db).insertInto('report').values(row).returningAll().executeTakeFirstOrThrow();
}

export function findReport(db: Db, tenantId: string, id: string) {
  return reports(db).selectFrom('report').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
}

export type PublicFilter = {
  categories?: string[];
  status?: ReportRow['status'];
  since?: Date;
  /** Only reports older than this one (keyset on date and number): the next page of a list. */
  before?: { created_at: Date; number: string };
};

/** Reports as the public sees them (no personal data; the description only as a moderator published it), newest first. */
export function publicReports(db: Db, tenantId: string, filter: PublicFilter = {}, limit = 500) {
  let query = reports(db)
    .selectFrom('report')
    .select([
      'id',
      'number',
      'category_code',
      'status',
      'lat',
      'lng',
      'address',
      'address_approximate',
      'public_answer',
      'public_description',
      'supporters',
      'created_at',
      'updated_at',
    ])
    .where('tenant_id', '=', tenantId);
  if (filter.categories) query = query.where('category_code', 'in', filter.categories);
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.since) query = query.where('created_at', '>=', filter.since);
  if (filter.before) query = query.where(sql<boolean>`(created_at, number) < (${filter.before.created_at}, ${filter.before.number})`);
  return query.orderBy('created_at', 'desc').orderBy('number', 'desc').limit(limit).execute();
}

export const recentReports = (db: Db, tenantId: string, limit = 50) => publicReports(db, tenantId, {}, limit);

export function findReportByNumber(db: Db, tenantId: string, number: string) {
  return reports(db).selectFrom('report').selectAll().where('tenant_id', '=', tenantId).where('number', '=', number).executeTakeFirst();
}

/** The statuses that close a report; the first of them sets `closed_at`. */
const FINAL_STATUSES: ReportRow['status'][] = ['fixed', 'closed', 'not_responsible', 'duplicate'];

/** The public state and answer, as the case's workflow set them. */
export function updateReportStatus(db: Db, tenantId: string, id: string, status: ReportRow['status'], publicAnswer: string | undefined) {
  sharedPagesChanged(tenantId, REPORT_PAGES);
  return reports(db)
    .updateTable('report')
    .set({
      status,
      updated_at: new Date(),
      ...(FINAL_STATUSES.includes(status) ? { closed_at: sql<Date>`coalesce(closed_at, now())` } : {}),
      ...(publicAnswer ? { public_answer: publicAnswer } : {}),
    })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .execute();
}

export function updateReportCategory(db: Db, tenantId: string, id: string, category: string) {
  sharedPagesChanged(tenantId, REPORT_PAGES);
  return reports(db)
    .updateTable('report')
    .set({ category_code: category, updated_at: new Date() })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .execute();
}

export function addSupporter(db: Db, tenantId: string, id: string) {
  sharedPagesChanged(tenantId, REPORT_PAGES);
  return reports(db)
    .updateTable('report')
    .set((eb) => ({ supporters: eb('supporters', '+', 1) }))
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .execute();
}

export function insertPhoto(db: Db, row: Insertable<ReportsTables['report_photo']>) {
  return reports(db).insertInto('report_photo').values(row).execute();
}

export function photosOf(db: Db, reportId: string) {
  return reports(db).selectFrom('report_photo').selectAll().where('report_id', '=', reportId).orderBy('position').execute();
}

/** A moderator releases a photo for the public view, or takes it back. */
export function setPhotoPublic(db: Db, reportId: string, position: number, visible: boolean) {
  return reports(db)
    .updateTable('report_photo')
    .set({ public: visible })
    .where('report_id', '=', reportId)
    .where('position', '=', position)
    .execute();
}

/** A moderator publishes the description as they edited it, or takes it back (null). */
export function setPublicDescription(db: Db, tenantId: string, id: string, text: string | null) {
  sharedPagesChanged(tenantId, REPORT_PAGES);
  return reports(db)
    .updateTable('report')
    .set({ public_description: text, updated_at: new Date() })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .execute();
}

/** Open reports of a category within `meters` of a place, nearest first. */
export async function nearbyOpenReports(db: Db, tenantId: string, category: string, place: { lat: number; lng: number }, meters = 75) {
  const degrees = meters / 111_320;
  const result = await sql<
    Pick<ReportRow, 'id' | 'number' | 'lat' | 'lng' | 'address' | 'address_approximate' | 'supporters' | 'created_at' | 'status'>
  >`select id, number, lat, lng, address, address_approximate, supporters, created_at, status from report
    where tenant_id = ${tenantId} and category_code = ${category} and status in ('new', 'in_progress')
      and lat between ${place.lat - degrees} and ${place.lat + degrees}
      and power(lat - ${place.lat}, 2) + power((lng - ${place.lng}) * cos(radians(${place.lat})), 2) < ${degrees * degrees}
    order by power(lat - ${place.lat}, 2) + power((lng - ${place.lng}) * cos(radians(${place.lat})), 2) limit 5`.execute(db);
  return result.rows;
}

/** Records support once per e-mail address (anonymous support always counts); true when it counted. Call it in a
 * transaction: the supporter and the counter are stored together or not at all. */
export async function recordSupport(db: Db, tenantId: string, reportId: string, email: string | null): Promise<boolean> {
  sharedPagesChanged(tenantId, REPORT_PAGES);
  const inserted =
    await sql`insert into report_support (tenant_id, report_id, email) values (${tenantId}, ${reportId}, ${email}) on conflict do nothing returning report_id`.execute(
      db,
    );
  if (inserted.rows.length === 0) return false;
  await addSupporter(db, tenantId, reportId);
  await recordAudit(db, {
    tenantId,
    actorId: null,
    actorLabel: 'public',
    action: 'reports.supported',
    objectType: 'report',
    objectId: reportId,
  });
  return true;
}

export async function supporterEmails(db: Db, tenantId: string, reportId: string): Promise<string[]> {
  return (
    await reports(db)
      .selectFrom('report_support')
      .select('email')
      .where('tenant_id', '=', tenantId)
      .where('report_id', '=', reportId)
      .where('email', 'is not', null)
      .execute()
  ).map((row) => row.email!);
}

export function insertClient(db: Db, row: { tenant_id: string; name: string; key_hash: string }) {
  return reports(db).insertInto('open311_client').values(row).returningAll().executeTakeFirstOrThrow();
}

export function listClients(db: Db, tenantId: string) {
  return reports(db).selectFrom('open311_client').selectAll().where('tenant_id', '=', tenantId).orderBy('created_at').execute();
}

export function findActiveClient(db: Db, tenantId: string, keyHash: string) {
  return reports(db)
    .selectFrom('open311_client')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('key_hash', '=', keyHash)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
}

export function revokeClient(db: Db, tenantId: string, id: string) {
  return reports(db)
    .updateTable('open311_client')
    .set({ revoked_at: new Date() })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
}

export async function reportsOfClientSince(db: Db, clientId: string, since: Date): Promise<number> {
  const row = await reports(db)
    .selectFrom('report')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('open311_client_id', '=', clientId)
    .where('created_at', '>=', since)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export type RequestQuery = {
  numbers?: string[];
  categories?: string[];
  statuses?: ReportRow['status'][];
  from?: Date;
  until?: Date;
  offset: number;
  limit: number;
};

/** Reports for Open311 clients, newest first. */
export function queryRequests(db: Db, tenantId: string, query: RequestQuery) {
  let q = reports(db).selectFrom('report').selectAll().where('tenant_id', '=', tenantId);
  if (query.numbers) q = q.where('number', 'in', query.numbers.length ? query.numbers : ['']);
  if (query.categories) q = q.where('category_code', 'in', query.categories.length ? query.categories : ['']);
  if (query.statuses) q = q.where('status', 'in', query.statuses);
  if (query.from) q = q.where('created_at', '>=', query.from);
  if (query.until) q = q.where('created_at', '<=', query.until);
  return q.orderBy('created_at', 'desc').orderBy('number', 'desc').offset(query.offset).limit(query.limit).execute();
}

/** The first released photo of each report, by report id. */
export async function firstPublicPhotos(db: Db, reportIds: string[]): Promise<Map<string, number>> {
  if (reportIds.length === 0) return new Map();
  const rows = await reports(db)
    .selectFrom('report_photo')
    .select(['report_id', (eb) => eb.fn.min('position').as('position')])
    .where('report_id', 'in', reportIds)
    .where('public', '=', true)
    .groupBy('report_id')
    .execute();
  return new Map(rows.map((row) => [row.report_id, Number(row.position)]));
}

export function reportsOfUser(db: Db, tenantId: string, userId: string) {
  return reports(db)
    .selectFrom('report')
    .select(['id', 'number', 'category_code', 'status', 'created_at'])
    .where('tenant_id', '=', tenantId)
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .limit(50)
    .execute();
}

/** Reports received since a date, with what the statistics group by. */
/** The year's figures for the statistics page, aggregated by the database: per category (with the median days to
 * closing), per Berlin month, and per village (kept on each report when it is made). */
export async function reportFigures(db: Db, tenantId: string, since: Date) {
  const [categories, months, places] = await Promise.all([
    sql<{ category_code: string; count: number; closed: number; median_days: number | null }>`select category_code, count(*)::int as count,
        count(closed_at)::int as closed,
        (percentile_cont(0.5) within group (order by extract(epoch from closed_at - created_at) / 86400))::float as median_days
      from report where tenant_id = ${tenantId} and created_at >= ${since} group by category_code order by count(*) desc, category_code`.execute(
      db,
    ),
    sql<{
      month: string;
      count: number;
    }>`select to_char(created_at at time zone 'Europe/Berlin', 'YYYY-MM') as month, count(*)::int as count
      from report where tenant_id = ${tenantId} and created_at >= ${since} group by 1 order by 1`.execute(db),
    sql<{ name: string; count: number }>`select locality as name, count(*)::int as count from report
      where tenant_id = ${tenantId} and created_at >= ${since} and locality is not null group by locality order by count(*) desc, locality`.execute(
      db,
    ),
  ]);
  return { categories: categories.rows, months: months.rows, places: places.rows };
}
