// TOTP codes for test logins. A code is accepted once per account, so a helper that logs the same account in
// again within 30 seconds takes the next time step the server still accepts, and waits when none is left.
import { Secret, TOTP } from 'otpauth';
import { DEMO_TOTP_SECRET } from '../../seed/hennef.js';

const PERIOD_MS = 30_000;
const lastStep = new Map<string, number>();

export async function freshTotp(account: string, secret = DEMO_TOTP_SECRET): Promise<string> {
  const now = Math.floor(Date.now() / PERIOD_MS);
  const step = Math.max(now, (lastStep.get(account) ?? -Infinity) + 1);
  if (step > now + 1) await new Promise((resolve) => setTimeout(resolve, (step - 1) * PERIOD_MS - Date.now() + 50));
  lastStep.set(account, step);
  return new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30 }).generate({ timestamp: step * PERIOD_MS });
}
