// Outgoing mail goes through the job queue. Without SMTP_URL the message is captured in the database and
// readable at /admin/mail (demo and development only); with it, nodemailer delivers through the relay.
import nodemailer from 'nodemailer';
import type { Db } from '../db/database.js';
import { enqueue, type JobHandler } from '../jobs/queue.js';

export const SEND_MAIL_JOB = 'mail.send';

export async function queueMail(db: Db, mail: { tenantId: string; to: string; subject: string; text: string }) {
  const row = await db
    .insertInto('mail_message')
    .values({ tenant_id: mail.tenantId, recipient: mail.to, subject: mail.subject, body_text: mail.text })
    .returning('id')
    .executeTakeFirstOrThrow();
  await enqueue(db, { name: SEND_MAIL_JOB, tenantId: mail.tenantId, payload: { mailId: row.id } });
}

export function sendMailJob(db: Db, options: { smtpUrl: string | undefined; from: string }): JobHandler {
  const transport = options.smtpUrl ? nodemailer.createTransport(options.smtpUrl) : undefined;
  return async (payload, job) => {
    const mail = await db
      .selectFrom('mail_message')
      .selectAll()
      .where('id', '=', String(payload.mailId))
      .where('tenant_id', '=', job.tenantId ?? '')
      .executeTakeFirst();
    if (!mail || mail.status === 'sent' || mail.status === 'captured') return;
    // The Message-ID is the outbox row's: when a process dies between handing the mail to the relay and noting
    // it as sent, the retry carries the same id, and mail systems that see it twice keep one.
    const messageId = `<${mail.id}@${options.from.split('@')[1] ?? 'rathaus'}>`;
    if (transport)
      await transport.sendMail({ from: options.from, to: mail.recipient, subject: mail.subject, text: mail.body_text, messageId });
    await db
      .updateTable('mail_message')
      .set({ status: transport ? 'sent' : 'captured', sent_at: new Date() })
      .where('id', '=', mail.id)
      .execute();
  };
}

export function listMail(db: Db, tenantId: string, limit = 50) {
  return db.selectFrom('mail_message').selectAll().where('tenant_id', '=', tenantId).orderBy('created_at', 'desc').limit(limit).execute();
}

export function findMail(db: Db, tenantId: string, id: string) {
  return db.selectFrom('mail_message').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
}

/** Mail bodies hold links and names: they are kept 30 days, then deleted by the scheduled clean-up. */
export async function deleteOldMail(db: Db, days = 30): Promise<number> {
  const result = await db
    .deleteFrom('mail_message')
    .where('created_at', '<', new Date(Date.now() - days * 86_400_000))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
