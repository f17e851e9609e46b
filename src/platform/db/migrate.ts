// Applies the SQL migrations of the platform and of every module in timestamp order, each once,
// under an advisory lock so two processes starting at the same time do not race.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { sql } from 'kysely';
import type { Db } from './database.js';

const LOCK_KEY = 724_281_001;

export type Migration = { name: string; checksum: string; script: string };

export function findMigrations(dirs: string[]): Migration[] {
  const files = dirs.filter(existsSync).flatMap((dir) =>
    readdirSync(dir)
      .filter((file) => file.endsWith('.sql'))
      .map((file) => join(dir, file)),
  );
  return files
    .map((file) => {
      const script = readFileSync(file, 'utf8');
      return { name: basename(file, '.sql'), script, checksum: createHash('sha256').update(script).digest('hex') };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

export async function migrate(db: Db, migrations: Migration[]): Promise<string[]> {
  return db.connection().execute(async (conn) => {
    await sql`select pg_advisory_lock(${LOCK_KEY})`.execute(conn);
    try {
      await sql`create table if not exists schema_migration (
        name text primary key, checksum text not null, applied_at timestamptz not null default now())`.execute(conn);
      const done = new Map((await conn.selectFrom('schema_migration').selectAll().execute()).map((m) => [m.name, m.checksum]));
      const applied: string[] = [];
      for (const migration of migrations) {
        const known = done.get(migration.name);
        if (known && known !== migration.checksum) throw new Error(`Migration ${migration.name} was changed after it was applied`);
        if (known) continue;
        await conn.transaction().execute(async (trx) => {
          await sql.raw(migration.script).execute(trx);
          await trx.insertInto('schema_migration').values({ name: migration.name, checksum: migration.checksum }).execute();
        });
        applied.push(migration.name);
      }
      return applied;
    } finally {
      await sql`select pg_advisory_unlock(${LOCK_KEY})`.execute(conn);
    }
  });
}
