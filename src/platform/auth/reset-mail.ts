// Sends the link to set a new password: after "forgot password" and to a newly added staff member.
import type { Db } from '../db/database.js';
import type { RequestContext } from '../http/context.js';
import { queueMail } from '../mail/mailer.js';
import { createPasswordReset } from './staff-login.js';

/** Queues the mail when a staff account exists for the address; says nothing either way. */
export async function sendPasswordResetMail(db: Db, ctx: RequestContext, baseUrl: string, email: string): Promise<void> {
  const reset = await createPasswordReset(db, ctx.tenant.id, email);
  if (!reset) return;
  const town = ctx.tenant.name;
  const link = `${baseUrl}/bo/passwort-neu/${reset.token}`;
  await queueMail(db, { tenantId: ctx.tenant.id, to: reset.email, subject: ctx.t('reset.mailSubject', { town }), text: ctx.t('reset.mailBody', { link, town }) });
}
