// Password hashing with argon2id; verifying an unknown user still costs one hash, so timing does not reveal who exists.
import { hash, verify } from '@node-rs/argon2';

const options = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const; // argon2id, OWASP minimum

let dummyHash: Promise<string> | undefined;

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

export async function verifyPassword(storedHash: string | null, password: string): Promise<boolean> {
  if (!storedHash) {
    dummyHash ??= hashPassword('rathaus-dummy-password');
    await verify(await dummyHash, password).catch(() => false);
    return false;
  }
  return verify(storedHash, password).catch(() => false);
}

export const MIN_PASSWORD_LENGTH = 12;
