// Use cases of the Postfach: deliver an item (with a content-free e-mail notification when the citizen wants
// one), the citizen's reply into the same case, and what a case's correspondence looks like to a clerk.
import type { Db } from '../../platform/db/database.js';
import { queueMail } from '../../platform/mail/mailer.js';
import { findUserById } from '../../platform/auth/users-repo.js';
import { recordAudit } from '../../platform/audit/audit-log.js';
import type { Lang } from '../../platform/i18n/index.js';
import { insertItem, notifiesByEmail, type MailboxItem, type NewItem } from './repo.js';
import type { Attachment } from './tables.js';
import { mailboxText } from './texts.js';

export type Delivery = {
  tenantId: string;
  userId: string;
  kind: 'receipt' | 'notice' | 'message' | 'request';
  subject: string;
  body: string;
  case?: { kind: string; id: string };
  senderLabel: string;
  attachments?: Attachment[];
  notify: { baseUrl: string; town: string; lang: Lang };
};

export async function deliver(db: Db, delivery: Delivery): Promise<MailboxItem> {
  const item = await insertItem(db, {
    tenant_id: delivery.tenantId,
    user_id: delivery.userId,
    direction: 'to_citizen',
    kind: delivery.kind,
    subject: delivery.subject.slice(0, 200),
    body: delivery.body,
    case_kind: delivery.case?.kind ?? null,
    case_id: delivery.case?.id ?? null,
    sender_label: delivery.senderLabel,
    attachments: delivery.attachments,
  });
  if (await notifiesByEmail(db, delivery.tenantId, delivery.userId)) {
    const user = await findUserById(db, delivery.tenantId, delivery.userId);
    const email = (user?.claims as Record<string, unknown> | undefined)?.email;
    const t = mailboxText(delivery.notify.lang);
    if (typeof email === 'string' && email) {
      await queueMail(db, {
        tenantId: delivery.tenantId,
        to: email,
        subject: t('mail.subject', { town: delivery.notify.town }),
        text: t('mail.body', { town: delivery.notify.town, link: `${delivery.notify.baseUrl}/postfach` }),
      });
    }
  }
  return item;
}

/** The citizen answers an item: the answer lands in the same case, visible to the clerk there. */
export async function reply(
  db: Db,
  original: MailboxItem,
  text: string,
  attachments: Attachment[],
  senderLabel: string,
  onReply?: (db: Db, item: MailboxItem) => Promise<void>,
): Promise<MailboxItem> {
  const item: NewItem = {
    tenant_id: original.tenant_id,
    user_id: original.user_id,
    direction: 'from_citizen',
    kind: 'reply',
    subject: original.subject.startsWith('AW: ') ? original.subject : `AW: ${original.subject}`.slice(0, 200),
    body: text,
    case_kind: original.case_kind,
    case_id: original.case_id,
    sender_label: senderLabel,
    attachments,
    reply_to: original.id,
  };
  return db.transaction().execute(async (trx) => {
    const saved = await insertItem(trx, item);
    await onReply?.(trx, saved);
    await recordAudit(trx, {
      tenantId: original.tenant_id,
      actorId: original.user_id,
      actorLabel: `citizen:${original.user_id}`,
      action: 'mailbox.replied',
      objectType: original.case_kind ?? 'mailbox',
      objectId: original.case_id ?? original.id,
      summary: { attachments: attachments.length },
    });
    return saved;
  });
}
