// Sends the link to set a new password: after "forgot password" and to a newly added staff member.
import type { Db } from '../db/database.js';
import type { Deps } from '../http/deps.js';
import type { Tenant } from '../http/context.js';
import { parseLang, translator, type Lang } from '../i18n/index.js';
import { enqueue, type JobHandler } from '../jobs/queue.js';
import { queueMail } from '../mail/mailer.js';
import { findTenantById } from '../tenancy/tenants.js';
import { createPasswordReset } from './staff-login.js';

export const PASSWORD_RESET_JOB = 'staff.password_reset';

/** "Forgot password": only queued here, and looked up by the job, so the answer costs the same whether an account exists. */
export function requestPasswordReset(db: Db, tenantId: string, lang: Lang, email: string) {
  return enqueue(db, { name: PASSWORD_RESET_JOB, tenantId, payload: { email, lang } });
}

/** Queues the mail when a staff account exists for the address; says nothing either way. */
export async function sendPasswordResetMail(
  db: Db,
  tenant: Pick<Tenant, 'id' | 'name'>,
  lang: Lang,
  baseUrl: string,
  email: string,
): Promise<void> {
  const reset = await createPasswordReset(db, tenant.id, email);
  if (!reset) return;
  const t = translator(lang);
  const link = `${baseUrl}/bo/passwort-neu/${reset.token}`;
  await queueMail(db, {
    tenantId: tenant.id,
    to: reset.email,
    subject: t('reset.mailSubject', { town: tenant.name }),
    text: t('reset.mailBody', { link, town: tenant.name }),
  });
}

export function passwordResetJob(deps: Deps): JobHandler {
  return async (payload, job) => {
    const tenant = job.tenantId ? await findTenantById(deps.db, job.tenantId) : undefined;
    if (!tenant || typeof payload.email !== 'string') return;
    await deps.db
      .transaction()
      .execute((trx) => sendPasswordResetMail(trx, tenant, parseLang(payload.lang) ?? 'de', deps.baseUrl, String(payload.email)));
  };
}
