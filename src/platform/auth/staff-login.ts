// The staff login use cases: password check with lockout, second factor, password reset by e-mail link.
import type { Db } from '../db/database.js';
import { recordAudit } from '../audit/audit-log.js';
import { hashPassword, verifyPassword, MIN_PASSWORD_LENGTH } from './passwords.js';
import { effectiveRoles, isStaffRole, rolesRequiringTotp } from './roles.js';
import { hashToken, newToken, destroyUserSessions } from './sessions.js';
import { checkTotp } from './totp.js';
import { findStaffByEmail, findUserById, membershipsOf, recordLoginFailure, recordLoginSuccess, updateUser } from './users-repo.js';

export type PasswordOutcome =
  | { result: 'ok'; userId: string; needsTotp: boolean; mustEnrol: boolean }
  | { result: 'failed' }
  | { result: 'locked'; until: Date };

type LoginPolicy = { maxFailures: number; lockMinutes: number };

export async function checkStaffPassword(db: Db, tenantId: string, email: string, password: string, policy: LoginPolicy): Promise<PasswordOutcome> {
  const user = await findStaffByEmail(db, tenantId, email);
  if (user?.locked_until && user.locked_until.getTime() > Date.now()) return { result: 'locked', until: user.locked_until };
  const valid = await verifyPassword(user?.password_hash ?? null, password);
  if (!user) return { result: 'failed' };
  if (!valid) {
    const after = await recordLoginFailure(db, tenantId, user.id, policy.maxFailures, policy.lockMinutes);
    await recordAudit(db, { tenantId, actorId: user.id, actorLabel: `staff:${user.id}`, action: 'staff.login_failed', objectType: 'user', objectId: user.id, summary: { failures: after.failed_logins } });
    if (after.locked_until && after.locked_until.getTime() > Date.now()) return { result: 'locked', until: after.locked_until };
    return { result: 'failed' };
  }
  const roles = effectiveRoles((await membershipsOf(db, tenantId, user.id)).map((m) => m.role).filter(isStaffRole), user.platform_admin);
  const required = [...roles].some((role) => rolesRequiringTotp.has(role));
  return { result: 'ok', userId: user.id, needsTotp: user.totp_enabled || required, mustEnrol: required && !user.totp_enabled };
}

export async function checkStaffTotp(db: Db, tenantId: string, userId: string, code: string, policy: LoginPolicy): Promise<boolean> {
  const user = await findUserById(db, tenantId, userId);
  if (!user?.totp_secret) return false;
  if (checkTotp(user.totp_secret, code)) return true;
  await recordLoginFailure(db, tenantId, userId, policy.maxFailures, policy.lockMinutes);
  return false;
}

export async function enrolTotp(db: Db, tenantId: string, userId: string, secret: string, code: string): Promise<boolean> {
  if (!checkTotp(secret, code)) return false;
  await updateUser(db, tenantId, userId, { totp_secret: secret, totp_enabled: true });
  await recordAudit(db, { tenantId, actorId: userId, actorLabel: `staff:${userId}`, action: 'staff.totp_enrolled', objectType: 'user', objectId: userId });
  return true;
}

export async function completeStaffLogin(db: Db, tenantId: string, userId: string, requestId: string) {
  await recordLoginSuccess(db, tenantId, userId);
  await recordAudit(db, { tenantId, actorId: userId, actorLabel: `staff:${userId}`, action: 'staff.login', objectType: 'user', objectId: userId, requestId });
}

/** Creates a reset token for a staff e-mail if such an account exists; the caller answers the same either way. */
export async function createPasswordReset(db: Db, tenantId: string, email: string): Promise<{ token: string; email: string } | undefined> {
  const user = await findStaffByEmail(db, tenantId, email);
  if (!user?.email) return undefined;
  const token = newToken();
  await db.insertInto('password_reset').values({ token_hash: hashToken(token), tenant_id: tenantId, user_id: user.id, expires_at: new Date(Date.now() + 3_600_000) }).execute();
  return { token, email: user.email };
}

export async function findValidReset(db: Db, tenantId: string, token: string) {
  return db
    .selectFrom('password_reset')
    .selectAll()
    .where('token_hash', '=', hashToken(token))
    .where('tenant_id', '=', tenantId)
    .where('used_at', 'is', null)
    .where('expires_at', '>', new Date())
    .executeTakeFirst();
}

export async function resetPassword(db: Db, tenantId: string, token: string, password: string): Promise<'ok' | 'invalid' | 'too_short'> {
  if (password.length < MIN_PASSWORD_LENGTH) return 'too_short';
  return db.transaction().execute(async (trx) => {
    const reset = await findValidReset(trx, tenantId, token);
    if (!reset) return 'invalid';
    await trx.updateTable('password_reset').set({ used_at: new Date() }).where('token_hash', '=', reset.token_hash).execute();
    await updateUser(trx, tenantId, reset.user_id, { password_hash: await hashPassword(password), failed_logins: 0, locked_until: null });
    await destroyUserSessions(trx, tenantId, reset.user_id);
    await recordAudit(trx, { tenantId, actorId: reset.user_id, actorLabel: `staff:${reset.user_id}`, action: 'staff.password_reset', objectType: 'user', objectId: reset.user_id });
    return 'ok';
  });
}
