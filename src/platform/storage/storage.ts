// File storage addressed by content hash: a local directory by default, an S3-compatible bucket by config.
// Uploads are size-limited and their type is sniffed from the bytes (file-type), never taken from the name.
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile, access } from 'node:fs/promises';
import { join } from 'node:path';
import { AwsClient } from 'aws4fetch';
import { fileTypeFromBuffer } from 'file-type';
import type { Config } from '../../config.js';
import type { Db } from '../db/database.js';
import type { VirusScanner } from './virus-scan.js';

export interface BlobStore {
  put(hash: string, bytes: Buffer): Promise<void>;
  get(hash: string): Promise<Buffer>;
}

export class FileTooLarge extends Error {
  constructor(readonly maxBytes: number) {
    super('file too large');
  }
}

export class FileTypeNotAllowed extends Error {
  constructor(readonly allowed: string[]) {
    super('file type not allowed');
  }
}

export function localStore(dir: string): BlobStore {
  const pathOf = (hash: string) => join(dir, hash.slice(0, 2), hash);
  return {
    async put(hash, bytes) {
      const path = pathOf(hash);
      const exists = await access(path).then(
        () => true,
        () => false,
      );
      if (exists) return;
      await mkdir(join(dir, hash.slice(0, 2)), { recursive: true });
      await writeFile(path, bytes);
    },
    get: (hash) => readFile(pathOf(hash)),
  };
}

export function s3Store(options: { endpoint: string; accessKeyId: string; secretAccessKey: string; region: string }): BlobStore {
  const client = new AwsClient({
    accessKeyId: options.accessKeyId,
    secretAccessKey: options.secretAccessKey,
    region: options.region,
    service: 's3',
  });
  const urlOf = (hash: string) => `${options.endpoint.replace(/\/$/, '')}/${hash}`;
  return {
    async put(hash, bytes) {
      const response = await client.fetch(urlOf(hash), { method: 'PUT', body: new Uint8Array(bytes) });
      if (!response.ok) throw new Error(`storage_put_failed ${response.status}`);
    },
    async get(hash) {
      const response = await client.fetch(urlOf(hash));
      if (!response.ok) throw new Error(`storage_get_failed ${response.status}`);
      return Buffer.from(await response.arrayBuffer());
    },
  };
}

export function createBlobStore(config: Config['storage']): BlobStore {
  return config.kind === 'local' ? localStore(config.dir) : s3Store(config);
}

export class FileInfected extends Error {
  constructor(readonly signature: string) {
    super('file infected');
  }
}

export const documentTypes = ['application/pdf', 'image/jpeg', 'image/png'];

export async function storeUpload(
  deps: { db: Db; store: BlobStore; maxBytes: number; scanner?: VirusScanner },
  upload: { tenantId: string; bytes: Buffer; originalName: string; allowed: string[] },
) {
  if (upload.bytes.length > deps.maxBytes) throw new FileTooLarge(deps.maxBytes);
  const sniffed = await fileTypeFromBuffer(upload.bytes);
  if (!sniffed || !upload.allowed.includes(sniffed.mime)) throw new FileTypeNotAllowed(upload.allowed);
  if (deps.scanner) {
    const scan = await deps.scanner(upload.bytes);
    if (scan.infected) throw new FileInfected(scan.signature);
  }
  const hash = createHash('sha256').update(upload.bytes).digest('hex');
  await deps.store.put(hash, upload.bytes);
  return deps.db
    .insertInto('stored_file')
    .values({
      tenant_id: upload.tenantId,
      content_hash: hash,
      size_bytes: upload.bytes.length,
      media_type: sniffed.mime,
      original_name: upload.originalName.slice(0, 200),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function findStoredFile(db: Db, tenantId: string, id: string) {
  return db.selectFrom('stored_file').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
}
