// The only code that touches the mailbox tables. Every query is filtered by tenant and, for citizens, by owner.
import type { Selectable } from 'kysely';
import type { Db } from '../../platform/db/database.js';
import type { Attachment, MailboxTables } from './tables.js';

const mailbox = (db: Db) => db.withTables<MailboxTables>();

export type MailboxItem = Selectable<MailboxTables['mailbox_item']>;
export type NewItem = Omit<MailboxTables['mailbox_item'], 'id' | 'created_at' | 'read_at' | 'deleted_at' | 'attachments' | 'reply_to'> & {
  attachments?: Attachment[];
  reply_to?: string | null;
};

export function insertItem(db: Db, item: NewItem) {
  return mailbox(db)
    .insertInto('mailbox_item')
    .values({ ...item, reply_to: item.reply_to ?? null, attachments: JSON.stringify(item.attachments ?? []) })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function listItems(db: Db, tenantId: string, userId: string, search?: string) {
  let query = mailbox(db)
    .selectFrom('mailbox_item')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('user_id', '=', userId)
    .where('deleted_at', 'is', null);
  if (search) {
    const like = `%${search.replace(/[%_\\]/g, '\\$&')}%`;
    query = query.where((eb) => eb.or([eb('subject', 'ilike', like), eb('body', 'ilike', like), eb('sender_label', 'ilike', like)]));
  }
  return query.orderBy('created_at', 'desc').limit(200).execute();
}

export function findOwnItem(db: Db, tenantId: string, userId: string, id: string) {
  return mailbox(db)
    .selectFrom('mailbox_item')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('user_id', '=', userId)
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

/** Marks an item read; returns it only the first time (for the date of first access). */
export function markRead(db: Db, tenantId: string, id: string) {
  return mailbox(db)
    .updateTable('mailbox_item')
    .set({ read_at: new Date() })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .where('read_at', 'is', null)
    .returningAll()
    .executeTakeFirst();
}

export function deleteForCitizen(db: Db, tenantId: string, userId: string, id: string) {
  return mailbox(db)
    .updateTable('mailbox_item')
    .set({ deleted_at: new Date() })
    .where('tenant_id', '=', tenantId)
    .where('user_id', '=', userId)
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

export function itemsOfCase(db: Db, tenantId: string, caseKind: string, caseId: string) {
  return mailbox(db)
    .selectFrom('mailbox_item')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('case_kind', '=', caseKind)
    .where('case_id', '=', caseId)
    .orderBy('created_at')
    .execute();
}

export async function unreadCount(db: Db, tenantId: string, userId: string): Promise<number> {
  const row = await mailbox(db)
    .selectFrom('mailbox_item')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('tenant_id', '=', tenantId)
    .where('user_id', '=', userId)
    .where('direction', '=', 'to_citizen')
    .where('read_at', 'is', null)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function notifiesByEmail(db: Db, tenantId: string, userId: string): Promise<boolean> {
  const row = await mailbox(db)
    .selectFrom('mailbox_setting')
    .select('notify_by_email')
    .where('tenant_id', '=', tenantId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row?.notify_by_email ?? true;
}

export function saveSetting(db: Db, tenantId: string, userId: string, notifyByEmail: boolean) {
  return mailbox(db)
    .insertInto('mailbox_setting')
    .values({ tenant_id: tenantId, user_id: userId, notify_by_email: notifyByEmail })
    .onConflict((oc) => oc.columns(['tenant_id', 'user_id']).doUpdateSet({ notify_by_email: notifyByEmail }))
    .execute();
}
