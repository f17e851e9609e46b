// The staff login use cases: password check with lockout, second factor, password reset by e-mail link.
import type { Db } from '../db/database.js';
import { recordAudit } from '../audit/audit-log.js';
import { accountKey, blockedUntil, clearFailures, recordFailure, type ThrottlePolicy } from './login-throttle.js';
import { hashPassword, verifyPassword, MIN_PASSWORD_LENGTH } from './passwords.js';
import { effectiveRoles, isStaffRole, rolesRequiringTotp } from './roles.js';
import { hashToken, newToken, destroyUserSessions } from './sessions.js';
import { totpStep } from './totp.js';
import { claimTotpStep, findStaffByEmail, findUserById, membershipsOf, recordLoginSuccess, updateUser } from './users-repo.js';

/** `throttled`: too many failures for this address; the same answer whether an account exists or not. */
export type Refusal = { result: 'failed' } | { result: 'throttled'; until: Date };
export type PasswordOutcome = { result: 'ok'; userId: string; needsTotp: boolean; mustEnrol: boolean } | Refusal;

/** Checks e-mail and password. Known and unknown addresses take the same path: a password hash is verified,
 * a failure is counted and audited, so neither the answer nor its timing tells whether an account exists. */
export async function checkStaffPassword(
  db: Db,
  tenantId: string,
  email: string,
  password: string,
  policy: ThrottlePolicy,
): Promise<PasswordOutcome> {
  const key = accountKey(email);
  const until = await blockedUntil(db, tenantId, key);
  if (until) return { result: 'throttled', until };
  const user = await findStaffByEmail(db, tenantId, email);
  const valid = await verifyPassword(user?.password_hash ?? null, password);
  if (!user || !valid) return refuse(db, tenantId, key, user?.id ?? null, 'staff.login_failed', policy);
  const roles = effectiveRoles((await membershipsOf(db, tenantId, user.id)).map((m) => m.role).filter(isStaffRole), user.platform_admin);
  const required = [...roles].some((role) => rolesRequiringTotp.has(role));
  return { result: 'ok', userId: user.id, needsTotp: user.totp_enabled || required, mustEnrol: required && !user.totp_enabled };
}

/** Checks the second factor of a half-logged-in session: failures count against the same address as the
 * password's, a throttled address is refused here too, and each code is accepted once. */
export async function checkStaffTotp(
  db: Db,
  tenantId: string,
  userId: string,
  code: string,
  policy: ThrottlePolicy,
): Promise<{ result: 'ok' } | Refusal> {
  const user = await findUserById(db, tenantId, userId);
  if (!user?.totp_secret || !user.email) return { result: 'failed' };
  const key = accountKey(user.email);
  const until = await blockedUntil(db, tenantId, key);
  if (until) return { result: 'throttled', until };
  const step = totpStep(user.totp_secret, code);
  if (step !== undefined && (await claimTotpStep(db, tenantId, userId, step))) return { result: 'ok' };
  return refuse(db, tenantId, key, userId, 'staff.totp_failed', policy);
}

async function refuse(
  db: Db,
  tenantId: string,
  key: string,
  userId: string | null,
  action: string,
  policy: ThrottlePolicy,
): Promise<Refusal> {
  const until = await recordFailure(db, tenantId, key, policy);
  await recordAudit(db, {
    tenantId,
    actorId: userId,
    actorLabel: userId ? `staff:${userId}` : 'anonymous',
    action,
    objectType: 'user',
    objectId: userId,
  });
  return until ? { result: 'throttled', until } : { result: 'failed' };
}

export async function enrolTotp(db: Db, tenantId: string, userId: string, secret: string, code: string): Promise<boolean> {
  const step = totpStep(secret, code);
  if (step === undefined) return false;
  await updateUser(db, tenantId, userId, { totp_secret: secret, totp_enabled: true, totp_last_step: step });
  await recordAudit(db, {
    tenantId,
    actorId: userId,
    actorLabel: `staff:${userId}`,
    action: 'staff.totp_enrolled',
    objectType: 'user',
    objectId: userId,
  });
  return true;
}

export async function completeStaffLogin(db: Db, tenantId: string, userId: string, requestId: string) {
  const user = await recordLoginSuccess(db, tenantId, userId);
  if (user?.email) await clearFailures(db, tenantId, accountKey(user.email));
  await recordAudit(db, {
    tenantId,
    actorId: userId,
    actorLabel: `staff:${userId}`,
    action: 'staff.login',
    objectType: 'user',
    objectId: userId,
    requestId,
  });
}

/** Creates a reset token for a staff e-mail if such an account exists; the caller answers the same either way. */
export async function createPasswordReset(db: Db, tenantId: string, email: string): Promise<{ token: string; email: string } | undefined> {
  const user = await findStaffByEmail(db, tenantId, email);
  if (!user?.email) return undefined;
  const token = newToken();
  await db
    .insertInto('password_reset')
    .values({ token_hash: hashToken(token), tenant_id: tenantId, user_id: user.id, expires_at: new Date(Date.now() + 3_600_000) })
    .execute();
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
    await updateUser(trx, tenantId, reset.user_id, { password_hash: await hashPassword(password) });
    await destroyUserSessions(trx, tenantId, reset.user_id);
    await recordAudit(trx, {
      tenantId,
      actorId: reset.user_id,
      actorLabel: `staff:${reset.user_id}`,
      action: 'staff.password_reset',
      objectType: 'user',
      objectId: reset.user_id,
    });
    return 'ok';
  });
}
