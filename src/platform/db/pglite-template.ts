// A migrated embedded database kept as a dump of its data directory: a new PGlite database is loaded from it in
// about a second instead of running initdb and every migration (several seconds on a small machine). The dump is
// named after the PGlite version and the migrations' checksums, so a changed migration never loads a stale one.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Migration } from './migrate.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const CACHE_DIR = join(root, 'node_modules', '.cache', 'rathaus');

function pgliteVersion(): string {
  const require = createRequire(import.meta.url);
  const manifest = join(dirname(require.resolve('@electric-sql/pglite')), '..', 'package.json');
  return existsSync(manifest) ? (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version : 'unknown';
}

/** Where the dump of a database migrated with exactly these migrations is kept. */
export function migratedTemplatePath(migrations: Migration[]): string {
  const key = createHash('sha256')
    .update(pgliteVersion())
    .update(migrations.map((m) => `${m.name}:${m.checksum}`).join('\n'))
    .digest('hex')
    .slice(0, 16);
  return join(CACHE_DIR, `pglite-migrated-${key}.tar.gz`);
}

export function readTemplate(path: string | undefined): Blob | undefined {
  return path && existsSync(path) ? new Blob([readFileSync(path)]) : undefined;
}

/** Written beside and renamed into place, so that a reader never sees half a file. */
export async function writeTemplate(path: string, dump: Blob): Promise<void> {
  mkdirSync(dirname(path), { recursive: true });
  const partial = `${path}.${process.pid}.partial`;
  writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
  renameSync(partial, path);
}

/** Builds the migrated template (once after `npm ci`, see scripts/prepare-database.mts); returns its path. */
export async function buildMigratedTemplate(migrations: Migration[]): Promise<string> {
  const path = migratedTemplatePath(migrations);
  if (existsSync(path)) return path;
  const { openDatabase } = await import('./database.js');
  const { migrate } = await import('./migrate.js');
  const database = await openDatabase({ databaseUrl: 'memory://', dataDir: '' });
  try {
    await migrate(database.db, migrations);
    await writeTemplate(path, await database.dump!());
  } finally {
    await database.close();
  }
  return path;
}
