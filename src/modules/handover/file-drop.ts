// The file drop for legacy specialist software: each delivery is written once below the consumer's folder as a
// directory named by the delivery id (the idempotency key) with `paket.json` and the attachments. It is
// written under a hidden temporary name and renamed, so the legacy system never sees half a delivery. When the
// legacy system has collected it (removed the directory), the delivery counts as acknowledged.
import { access, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Db } from '../../platform/db/database.js';
import type { BlobStore } from '../../platform/storage/storage.js';
import { findStoredFile } from '../../platform/storage/storage.js';
import { dueDrops, markCollected, recordDrop, writtenDrops } from './repo.js';
import { alertAfterFailures, retryAt } from './service.js';

type Drop = Awaited<ReturnType<typeof dueDrops>>[number];
type PackageAttachment = { attachmentId: string; filename: string };

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );
const safeName = (name: string) =>
  name
    .replace(/[^\p{L}\p{N}._-]+/gu, '_')
    .replace(/^\.+/, '')
    .slice(0, 120) || 'anlage';

async function writeDrop(db: Db, store: BlobStore, baseDir: string, drop: Drop) {
  const folder = join(baseDir, drop.drop_folder!);
  const target = join(folder, drop.id);
  if (await exists(target)) return;
  const temporary = join(folder, `.${drop.id}.tmp`);
  await rm(temporary, { recursive: true, force: true });
  await mkdir(join(temporary, 'anlagen'), { recursive: true });
  await writeFile(join(temporary, 'paket.json'), JSON.stringify(drop.package, null, 2));
  const metadata = drop.package.metadata as { contentStructure: { attachments: PackageAttachment[] } };
  for (const attachment of metadata.contentStructure.attachments) {
    const file = await findStoredFile(db, drop.tenant_id, attachment.attachmentId);
    if (!file) throw new Error(`attachment ${attachment.attachmentId} missing`);
    await writeFile(
      join(temporary, 'anlagen', `${attachment.attachmentId}-${safeName(attachment.filename)}`),
      await store.get(file.content_hash),
    );
  }
  await rename(temporary, target);
}

/** Writes due drops; a failure (folder not writable, disk full) waits and tries again, with an alert. */
export async function dropDue(db: Db, store: BlobStore, baseDir: string, now = new Date()): Promise<number> {
  let written = 0;
  for (const drop of await dueDrops(db, now)) {
    try {
      await writeDrop(db, store, baseDir, drop);
      await recordDrop(db, drop.id, { written: true });
      written++;
    } catch (error) {
      const attempts = drop.drop_attempts + 1;
      const message = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
      await recordDrop(db, drop.id, { written: false, error: message, attempts, nextAt: retryAt(now, attempts) });
      await alertAfterFailures(db, {
        tenantId: drop.tenant_id,
        consumer: drop.name,
        submissionId: drop.submission_id,
        attempts,
        error: message,
      });
    }
  }
  return written;
}

/** Written drops whose directory the legacy system has removed are collected. */
export async function collectDrops(db: Db, baseDir: string): Promise<number> {
  let collected = 0;
  for (const drop of await writtenDrops(db)) {
    if (await exists(join(baseDir, drop.drop_folder!, drop.id))) continue;
    await markCollected(db, drop.id);
    collected++;
  }
  return collected;
}
