// The platform's own background jobs: sending mail, password-reset requests, the nightly full verification of the
// audit chain, and deleting expired sessions, login throttles, old mail and finished jobs.
import type { Deps } from '../http/deps.js';
import { SEND_MAIL_JOB, deleteOldMail, sendMailJob } from '../mail/mailer.js';
import { deleteExpiredSessions } from '../auth/sessions.js';
import { deleteStaleThrottles } from '../auth/login-throttle.js';
import { PASSWORD_RESET_JOB, passwordResetJob } from '../auth/reset-mail.js';
import type { JobHandler } from './queue.js';
import { deleteFinishedJobs, schedule } from './queue.js';
import type { Db } from '../db/database.js';
import { verifyAuditChain } from '../audit/audit-verify.js';

export const CLEANUP_JOB = 'platform.cleanup';
export const AUDIT_VERIFY_JOB = 'platform.audit-verify';

export function platformJobs(deps: Deps): Record<string, JobHandler> {
  return {
    [SEND_MAIL_JOB]: sendMailJob(deps.db, { smtpUrl: deps.config.smtpUrl, from: deps.config.mailFrom }),
    [PASSWORD_RESET_JOB]: passwordResetJob(deps),
    [AUDIT_VERIFY_JOB]: async () => {
      await verifyAuditChain(deps.db);
    },
    [CLEANUP_JOB]: async () => {
      await deleteExpiredSessions(deps.db, deps.config.sessionIdleMinutes);
      await deleteStaleThrottles(deps.db);
      await deleteOldMail(deps.db);
      await deleteFinishedJobs(deps.db);
    },
  };
}

export async function schedulePlatformJobs(db: Db) {
  await schedule(db, { jobName: CLEANUP_JOB, cron: '*/15 * * * *' });
  await schedule(db, { jobName: AUDIT_VERIFY_JOB, cron: '30 2 * * *' });
}
