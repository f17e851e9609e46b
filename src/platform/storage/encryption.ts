// Encryption at rest for stored files: AES-256-GCM around any blob store, so a copied disk or bucket alone
// reveals nothing. Each file gets its own random IV; the auth tag detects tampering. Files stored before
// encryption was switched on (no header) are read as they are.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { BlobStore } from './storage.js';

const MAGIC = Buffer.from('RHE1');
const IV_BYTES = 12;
const TAG_BYTES = 16;

export class FileDecryptionFailed extends Error {
  constructor(readonly hash: string) {
    super('stored file could not be decrypted (wrong key or changed file)');
  }
}

/** `key`: 32 bytes (FILE_ENCRYPTION_KEY, or a platform secret kept in the database). */
export function encryptedStore(inner: BlobStore, key: Buffer): BlobStore {
  if (key.length !== 32) throw new Error('file encryption key must be 32 bytes');
  return {
    put(hash, bytes) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(Buffer.from(hash));
      const sealed = Buffer.concat([cipher.update(bytes), cipher.final()]);
      return inner.put(hash, Buffer.concat([MAGIC, iv, cipher.getAuthTag(), sealed]));
    },
    async get(hash) {
      const stored = await inner.get(hash);
      if (!stored.subarray(0, MAGIC.length).equals(MAGIC)) return stored;
      const iv = stored.subarray(MAGIC.length, MAGIC.length + IV_BYTES);
      const tag = stored.subarray(MAGIC.length + IV_BYTES, MAGIC.length + IV_BYTES + TAG_BYTES);
      const decipher = createDecipheriv('aes-256-gcm', key, iv);
      decipher.setAAD(Buffer.from(hash));
      decipher.setAuthTag(tag);
      try {
        return Buffer.concat([decipher.update(stored.subarray(MAGIC.length + IV_BYTES + TAG_BYTES)), decipher.final()]);
      } catch {
        throw new FileDecryptionFailed(hash);
      }
    },
  };
}
