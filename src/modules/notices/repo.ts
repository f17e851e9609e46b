// The only code that touches the notices tables. Every query is filtered by tenant, or (by id) follows one that was.
import { sql, type Selectable } from 'kysely';
import type { Db } from '../../platform/db/database.js';
import type { NoticesTables } from './tables.js';

const notices = (db: Db) => db.withTables<NoticesTables>();

export type NoticeRow = Selectable<NoticesTables['notice']>;

export function findTemplate(db: Db, tenantId: string, service: string) {
  return notices(db)
    .selectFrom('notice_template')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('service', '=', service)
    .executeTakeFirst();
}

export function listTemplates(db: Db, tenantId: string) {
  return notices(db).selectFrom('notice_template').select(['service', 'updated_at']).where('tenant_id', '=', tenantId).execute();
}

export function saveTemplate(
  db: Db,
  values: { tenant_id: string; service: string; body: string; legal_remedy: string; updated_by: string | null },
) {
  return notices(db)
    .insertInto('notice_template')
    .values(values)
    .onConflict((oc) =>
      oc
        .columns(['tenant_id', 'service'])
        .doUpdateSet({ body: values.body, legal_remedy: values.legal_remedy, updated_by: values.updated_by, updated_at: new Date() }),
    )
    .execute();
}

export async function nextNoticeNumber(db: Db, year: number): Promise<string> {
  const { rows } = await sql<{ n: number }>`select nextval('notice_number_seq')::int as n`.execute(db);
  return `B-${year}-${String(rows[0]!.n).padStart(6, '0')}`;
}

/** The next running number of a service in a year ("2026-0007"): a dog tag, a permit number. */
export async function nextRunningNumber(db: Db, tenantId: string, service: string, year: number): Promise<string> {
  const row = await notices(db)
    .insertInto('notice_running_number')
    .values({ tenant_id: tenantId, service, year, last: 1 })
    .onConflict((oc) => oc.columns(['tenant_id', 'service', 'year']).doUpdateSet({ last: sql`notice_running_number.last + 1` }))
    .returning('last')
    .executeTakeFirstOrThrow();
  return `${year}-${String(row.last).padStart(4, '0')}`;
}

export function insertNotice(db: Db, values: Omit<NoticesTables['notice'], 'id' | 'issued_at' | 'first_accessed_at'>) {
  return notices(db).insertInto('notice').values(values).returningAll().executeTakeFirstOrThrow();
}

export function linkMailboxItem(db: Db, noticeId: string, itemId: string) {
  return notices(db).updateTable('notice').set({ mailbox_item_id: itemId }).where('id', '=', noticeId).execute();
}

export function noticesOfCase(db: Db, tenantId: string, kind: string, id: string) {
  return notices(db)
    .selectFrom('notice')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('case_kind', '=', kind)
    .where('case_id', '=', id)
    .orderBy('issued_at')
    .execute();
}

export function findByVerifyCode(db: Db, tenantId: string, code: string) {
  return notices(db).selectFrom('notice').selectAll().where('tenant_id', '=', tenantId).where('verify_code', '=', code).executeTakeFirst();
}

export function recordFirstAccess(db: Db, where: { mailboxItemId?: string; noticeId?: string }) {
  let query = notices(db).updateTable('notice').set({ first_accessed_at: new Date() }).where('first_accessed_at', 'is', null);
  query = where.mailboxItemId ? query.where('mailbox_item_id', '=', where.mailboxItemId) : query.where('id', '=', where.noticeId!);
  return query.execute();
}

export function insertPickup(db: Db, values: { notice_id: string; token_hash: string; code_hash: string; expires_at: Date }) {
  return notices(db).insertInto('notice_pickup').values(values).execute();
}

/** The pickup of a notice of this tenant by its link's token. */
export function findPickup(db: Db, tenantId: string, tokenHash: string) {
  return notices(db)
    .selectFrom('notice_pickup as p')
    .innerJoin('notice as n', 'n.id', 'p.notice_id')
    .selectAll('p')
    .where('n.tenant_id', '=', tenantId)
    .where('p.token_hash', '=', tokenHash)
    .executeTakeFirst();
}

export function countPickupAttempt(db: Db, noticeId: string) {
  return notices(db)
    .updateTable('notice_pickup')
    .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
    .where('notice_id', '=', noticeId)
    .returning('attempts')
    .executeTakeFirst();
}

/** Uses the pickup once; undefined when it was used already (a second download, or a race). */
export function usePickup(db: Db, noticeId: string) {
  return notices(db)
    .updateTable('notice_pickup')
    .set({ used_at: new Date() })
    .where('notice_id', '=', noticeId)
    .where('used_at', 'is', null)
    .returning('notice_id')
    .executeTakeFirst();
}

export function findNotice(db: Db, tenantId: string, id: string) {
  return notices(db).selectFrom('notice').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
}
