import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Database } from '../db/database.js';
import { migrate } from '../db/migrate.js';
import { allMigrations } from '../db/migrations-list.js';
import { addTenant } from '../tenancy/tenants.js';
import { FileTooLarge, FileTypeNotAllowed, documentTypes, localStore, storeUpload } from './storage.js';

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
    await assert.rejects(storeUpload(deps(), { tenantId, bytes: Buffer.from('#!/bin/sh\nrm -rf /\n'), originalName: 'bescheid.pdf', allowed: documentTypes }), FileTypeNotAllowed);
  });

  it('refuses files over the size limit', async () => {
    await assert.rejects(storeUpload(deps(), { tenantId, bytes: Buffer.concat([png, Buffer.alloc(2000)]), originalName: 'gross.png', allowed: documentTypes }), FileTooLarge);
  });
});
