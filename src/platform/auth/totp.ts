// Time-based one-time passwords (RFC 6238) for the staff's second factor.
import { Secret, TOTP } from 'otpauth';

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

function totp(secret: string, label: string, issuer: string) {
  return new TOTP({ issuer, label, secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: PERIOD_SECONDS });
}

export function totpUri(secret: string, label: string, issuer: string): string {
  return totp(secret, label, issuer).toString();
}

const PERIOD_SECONDS = 30;

/** The time step a code belongs to, accepting the steps just before and after for clocks that drift a little. */
export function totpStep(secret: string, code: string, now = Date.now()): number | undefined {
  const cleaned = code.replace(/\s/g, '');
  if (!/^\d{6}$/.test(cleaned)) return undefined;
  const delta = totp(secret, 'x', 'x').validate({ token: cleaned, timestamp: now, window: 1 });
  return delta === null ? undefined : Math.floor(now / 1000 / PERIOD_SECONDS) + delta;
}

export function currentTotp(secret: string): string {
  return totp(secret, 'x', 'x').generate();
}
