// Files at rest are sealed with AES-256-GCM: unreadable on disk, tamper-evident, and older plain files stay readable.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { encryptedStore, FileDecryptionFailed } from './encryption.js';
import { localStore } from './storage.js';

test('a stored file is unreadable on disk, reads back unchanged, and a changed file is detected', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'rathaus-enc-'));
  const key = randomBytes(32);
  const store = encryptedStore(localStore(dir), key);
  const secret = Buffer.from('Geburtsurkunde von Erika Mustermann');
  await store.put('ab12', secret);
  const onDisk = readFileSync(join(dir, 'ab', 'ab12'));
  assert.ok(!onDisk.includes(secret));
  assert.deepEqual(await store.get('ab12'), secret);
  await assert.rejects(encryptedStore(localStore(dir), randomBytes(32)).get('ab12'), FileDecryptionFailed, 'another key cannot read it');
  onDisk[onDisk.length - 1] ^= 1;
  writeFileSync(join(dir, 'ab', 'ab12'), onDisk);
  await assert.rejects(store.get('ab12'), FileDecryptionFailed, 'a changed byte is detected');
});

test('files stored before encryption was switched on are still readable', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'rathaus-enc-'));
  mkdirSync(join(dir, 'cd'));
  writeFileSync(join(dir, 'cd', 'cd34'), '%PDF-1.4 old');
  assert.equal((await encryptedStore(localStore(dir), randomBytes(32)).get('cd34')).toString(), '%PDF-1.4 old');
});
