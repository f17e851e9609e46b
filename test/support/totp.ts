// TOTP codes for test logins. A code is accepted once per account (the server keeps the last time step used), so
// a helper that logs the same account in again within 30 seconds takes the next step the server still accepts.
// When none is left, it clears the account's last step in that server's database (as if 30 seconds had passed)
// instead of waiting: tests log the same clerk in many times a minute, people do not.
import { Secret, TOTP } from 'otpauth';
import { sql } from 'kysely';
import { DEMO_TOTP_SECRET } from '../../seed/hennef.js';
import type { Db } from '../../src/platform/db/database.js';

const PERIOD_MS = 30_000;
const lastStep = new Map<string, number>();
const databases = new Map<string, Db>();

/** Test servers announce their database under their URL, so that the helper can turn their clock for an account. */
export function announceTestDatabase(url: string, db: Db) {
  databases.set(url, db);
}

export async function freshTotp(base: string, email: string, secret = DEMO_TOTP_SECRET): Promise<string> {
  const account = `${base} ${email}`;
  const now = Math.floor(Date.now() / PERIOD_MS);
  let step = Math.max(now, (lastStep.get(account) ?? -Infinity) + 1);
  const db = databases.get(base);
  if (step > now + 1 && db) {
    await sql`update app_user set totp_last_step = null where lower(email) = ${email.toLowerCase()}`.execute(db);
    step = now;
  } else if (step > now + 1) {
    await new Promise((resolve) => setTimeout(resolve, (step - 1) * PERIOD_MS - Date.now() + 50));
  }
  lastStep.set(account, step);
  return new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30 }).generate({ timestamp: step * PERIOD_MS });
}
