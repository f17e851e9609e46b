// Time-based one-time passwords (RFC 6238) for the staff's second factor.
import { Secret, TOTP } from 'otpauth';

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

function totp(secret: string, label: string, issuer: string) {
  return new TOTP({ issuer, label, secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 });
}

export function totpUri(secret: string, label: string, issuer: string): string {
  return totp(secret, label, issuer).toString();
}

/** Accepts the current code and the ones just before and after, for clocks that drift a little. */
export function checkTotp(secret: string, code: string): boolean {
  const cleaned = code.replace(/\s/g, '');
  if (!/^\d{6}$/.test(cleaned)) return false;
  return totp(secret, 'x', 'x').validate({ token: cleaned, window: 1 }) !== null;
}

export function currentTotp(secret: string): string {
  return totp(secret, 'x', 'x').generate();
}
