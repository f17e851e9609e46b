// Throttles staff logins per typed e-mail address: after a few free failures each further one doubles the wait,
// up to a ceiling. Addresses without an account are throttled the same way, so the answers never tell whether an
// account exists, and nobody can lock a colleague out for longer than the ceiling.
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../db/database.js';

export type ThrottlePolicy = { freeFailures: number; maxDelayMinutes: number };

const FIRST_DELAY_MS = 30_000;

export function accountKey(email: string): string {
  return createHash('sha256').update(email.trim().toLowerCase()).digest('hex');
}

/** When the account may try again, if it has to wait now. */
export async function blockedUntil(db: Db, tenantId: string, key: string): Promise<Date | undefined> {
  const row = await db
    .selectFrom('login_throttle')
    .select('blocked_until')
    .where('tenant_id', '=', tenantId)
    .where('account_key', '=', key)
    .executeTakeFirst();
  return row?.blocked_until && row.blocked_until.getTime() > Date.now() ? row.blocked_until : undefined;
}

export function delayAfter(failures: number, policy: ThrottlePolicy): number {
  if (failures < policy.freeFailures) return 0;
  return Math.min(FIRST_DELAY_MS * 2 ** (failures - policy.freeFailures), policy.maxDelayMinutes * 60_000);
}

/** Counts a failed password or code; returns when the next attempt is allowed (undefined: at once). */
export async function recordFailure(db: Db, tenantId: string, key: string, policy: ThrottlePolicy): Promise<Date | undefined> {
  const row = await db
    .insertInto('login_throttle')
    .values({ tenant_id: tenantId, account_key: key, failures: 1 })
    .onConflict((oc) =>
      oc.columns(['tenant_id', 'account_key']).doUpdateSet({ failures: sql`login_throttle.failures + 1`, updated_at: new Date() }),
    )
    .returning('failures')
    .executeTakeFirstOrThrow();
  const delay = delayAfter(row.failures, policy);
  if (delay === 0) return undefined;
  const until = new Date(Date.now() + delay);
  await db
    .updateTable('login_throttle')
    .set({ blocked_until: until })
    .where('tenant_id', '=', tenantId)
    .where('account_key', '=', key)
    .execute();
  return until;
}

export function clearFailures(db: Db, tenantId: string, key: string) {
  return db.deleteFrom('login_throttle').where('tenant_id', '=', tenantId).where('account_key', '=', key).execute();
}

/** Rows of addresses that have not failed for a day are of no use any more. */
export async function deleteStaleThrottles(db: Db): Promise<number> {
  const result = await db
    .deleteFrom('login_throttle')
    .where('updated_at', '<', new Date(Date.now() - 86_400_000))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
