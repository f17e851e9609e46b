import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Database } from '../db/database.js';
import { migrate } from '../db/migrate.js';
import { allMigrations } from '../db/migrations-list.js';
import { addTenant } from '../tenancy/tenants.js';
import { createServer, type Server } from 'node:http';
import { FileTooLarge, FileTypeNotAllowed, documentTypes, localStore, s3Store, storeUpload } from './storage.js';

// The smallest valid PNG (1×1 pixel).
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

describe('file storage', () => {
  let database: Database;
  let dir: string;
  let tenantId: string;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'rathaus-files-'));
    database = await openDatabase({ databaseUrl: 'memory://', dataDir: dir });
    await migrate(database.db, allMigrations([]));
    tenantId = (await addTenant(database.db, { slug: 't', name: 'T', hosts: [], settings: {} })).id;
  });
  after(async () => {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const deps = () => ({ db: database.db, store: localStore(join(dir, 'files')), maxBytes: 1000 });

  it('stores an allowed file by content hash and reads it back', async () => {
    const row = await storeUpload(deps(), { tenantId, bytes: png, originalName: 'foto.png', allowed: documentTypes });
    assert.equal(row.media_type, 'image/png');
    assert.equal(row.content_hash.length, 64);
    assert.deepEqual(await deps().store.get(row.content_hash), png);
  });

  it('sniffs the type from the bytes: a script named .pdf is refused', async () => {
    await assert.rejects(
      storeUpload(deps(), { tenantId, bytes: Buffer.from('#!/bin/sh\nrm -rf /\n'), originalName: 'bescheid.pdf', allowed: documentTypes }),
      FileTypeNotAllowed,
    );
  });

  it('refuses files over the size limit', async () => {
    await assert.rejects(
      storeUpload(deps(), { tenantId, bytes: Buffer.concat([png, Buffer.alloc(2000)]), originalName: 'gross.png', allowed: documentTypes }),
      FileTooLarge,
    );
  });

  it('the S3 store signs its requests (SigV4) and round-trips a file through an S3-speaking stand-in', async () => {
    const objects = new Map<string, Buffer>();
    const authorizations: string[] = [];
    const standIn: Server = createServer((request, response) => {
      const auth = request.headers.authorization ?? '';
      authorizations.push(auth);
      if (
        !auth.startsWith('AWS4-HMAC-SHA256 Credential=test-key/') ||
        !request.headers['x-amz-date'] ||
        !request.headers['x-amz-content-sha256']
      ) {
        response.writeHead(403).end('<Error><Code>AccessDenied</Code></Error>');
        return;
      }
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        if (request.method === 'PUT') {
          objects.set(request.url!, Buffer.concat(chunks));
          response.writeHead(200).end();
        } else if (objects.has(request.url!)) response.writeHead(200).end(objects.get(request.url!));
        else response.writeHead(404).end('<Error><Code>NoSuchKey</Code></Error>');
      });
    });
    await new Promise<void>((resolve) => standIn.listen(0, '127.0.0.1', resolve));
    const port = (standIn.address() as { port: number }).port;
    try {
      const store = s3Store({
        endpoint: `http://127.0.0.1:${port}/rathaus-files`,
        accessKeyId: 'test-key',
        secretAccessKey: 'test-secret',
        region: 'eu-central-1',
      });
      const row = await storeUpload(
        { db: database.db, store, maxBytes: 1000 },
        { tenantId, bytes: png, originalName: 'foto.png', allowed: documentTypes },
      );
      assert.ok(objects.has(`/rathaus-files/${row.content_hash}`));
      assert.deepEqual(await store.get(row.content_hash), png);
      assert.match(authorizations[0], /eu-central-1\/s3\/aws4_request, SignedHeaders=.*, Signature=[0-9a-f]{64}$/);
      await assert.rejects(store.get('0'.repeat(64)), /storage_get_failed 404/);
    } finally {
      standIn.close();
    }
  });
});
