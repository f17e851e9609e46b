// Opens the database: the embedded PGlite in DATA_DIR by default, the PostgreSQL server when DATABASE_URL is set.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Kysely, PostgresDialect, sql } from 'kysely';
import type { Tables } from './tables.js';
import { PGlitePool } from './pglite-pool.js';
import { WriteWatch } from './write-watch.js';

export type Db = Kysely<Tables>;
/** `dump`: the embedded database's data directory as a gzipped tarball (for templates). */
export type Database = { db: Db; kind: 'pglite' | 'postgres'; close(): Promise<void>; dump?: () => Promise<Blob> };

/** `template`: a dump a new embedded database starts from instead of an empty one (see pglite-template.ts). */
export async function openDatabase(options: { databaseUrl?: string; dataDir: string; template?: Blob }): Promise<Database> {
  const pool =
    options.databaseUrl && !options.databaseUrl.startsWith('memory:')
      ? await serverPool(options.databaseUrl)
      : await embeddedPool(options.databaseUrl ? undefined : join(options.dataDir, 'pglite'), options.template);
  const db = new Kysely<Tables>({ dialect: new PostgresDialect({ pool: pool.pool as never }), plugins: [new WriteWatch()] });
  return { db, kind: pool.kind, close: () => db.destroy(), dump: 'dump' in pool ? pool.dump : undefined };
}

async function serverPool(url: string) {
  const pg = await import('pg');
  // bigint counts as numbers: our counts and sequence values stay far below 2^53.
  pg.default.types.setTypeParser(20, (value: string) => Number(value));
  const pool = new pg.default.Pool({ connectionString: url, max: 10 });
  // An idle connection the server closes (restart, failover, admin command) must not crash the process: the
  // pool drops it and opens a new one on the next query.
  pool.on('error', () => undefined);
  return { kind: 'postgres' as const, pool };
}

async function embeddedPool(dir: string | undefined, template: Blob | undefined) {
  const { PGlite } = await import('@electric-sql/pglite');
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  if (dir) mkdirSync(dir, { recursive: true });
  const fresh = !dir || !existsSync(join(dir, 'PG_VERSION'));
  const pg = await PGlite.create(dir ?? 'memory://', {
    extensions: { pg_trgm },
    parsers: { 20: (value: string) => Number(value) },
    ...(fresh && template ? { loadDataDir: template } : {}),
  });
  return { kind: 'pglite' as const, pool: new PGlitePool(pg), dump: () => pg.dumpDataDir('gzip') as Promise<Blob> };
}

export async function isDatabaseReady(db: Db): Promise<boolean> {
  try {
    await sql`select 1`.execute(db);
    return true;
  } catch {
    return false;
  }
}

/** Runs `work` in a transaction, or inside the caller's transaction when it already is one. */
export function inTransaction<T>(db: Db, work: (trx: Db) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction().execute(work);
}
