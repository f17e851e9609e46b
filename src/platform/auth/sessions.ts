// Server-side sessions in the database. The cookie holds a random id; the database only its hash.
// Idle and absolute timeouts are enforced on every load; logging in always starts a fresh session id.
import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../db/database.js';

export type SessionData = { pendingUserId?: string; next?: string; enrolSecret?: string };
export type SessionTimeouts = { idleMinutes: number; absoluteHours: number };
export type LoadedSession = { idHash: string; userId: string | null; data: SessionData };

export const SESSION_COOKIE = 'rh_sid';

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export async function createSession(db: Db, tenantId: string, userId: string | null, data: SessionData, timeouts: SessionTimeouts) {
  const token = newToken();
  const now = Date.now();
  await db
    .insertInto('session')
    .values({
      id_hash: hashToken(token),
      tenant_id: tenantId,
      user_id: userId,
      data: JSON.stringify(data),
      last_seen_at: new Date(now),
      expires_at: new Date(now + timeouts.absoluteHours * 3_600_000),
    })
    .execute();
  return token;
}

/** Returns the live session, or 'expired' when the cookie names one that timed out (so the login page can say so). */
export async function loadSession(
  db: Db,
  tenantId: string,
  token: string,
  timeouts: SessionTimeouts,
): Promise<LoadedSession | 'expired' | undefined> {
  const idHash = hashToken(token);
  const row = await db.selectFrom('session').selectAll().where('id_hash', '=', idHash).where('tenant_id', '=', tenantId).executeTakeFirst();
  if (!row) return undefined;
  const now = Date.now();
  const idleLimit = now - timeouts.idleMinutes * 60_000;
  if (row.expires_at.getTime() <= now || row.last_seen_at.getTime() <= idleLimit) {
    await db.deleteFrom('session').where('id_hash', '=', idHash).execute();
    return 'expired';
  }
  if (now - row.last_seen_at.getTime() > 60_000) {
    await db
      .updateTable('session')
      .set({ last_seen_at: new Date(now) })
      .where('id_hash', '=', idHash)
      .execute();
  }
  return { idHash, userId: row.user_id, data: row.data as SessionData };
}

export function destroySession(db: Db, tenantId: string, token: string) {
  return db.deleteFrom('session').where('id_hash', '=', hashToken(token)).where('tenant_id', '=', tenantId).execute();
}

export async function destroyUserSessions(db: Db, tenantId: string, userId: string): Promise<number> {
  const result = await db.deleteFrom('session').where('tenant_id', '=', tenantId).where('user_id', '=', userId).executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function deleteExpiredSessions(db: Db, idleMinutes: number): Promise<number> {
  const result = await db
    .deleteFrom('session')
    .where((eb) => eb.or([eb('expires_at', '<=', new Date()), eb('last_seen_at', '<=', new Date(Date.now() - idleMinutes * 60_000))]))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
