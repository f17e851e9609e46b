// Starts a real Rathaus server for a test file: its own database (in-memory PGlite, or a fresh database on the
// PostgreSQL server when DATABASE_URL is set), migrated and seeded with Hennef, listening on a free port.
// The test process is the trusted proxy, so each Visitor's X-Forwarded-For stands for a client of its own.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import { buildApp } from '../../src/app.js';
import { loadConfig, type Config } from '../../src/config.js';
import { openDatabase, type Db } from '../../src/platform/db/database.js';
import { migrate } from '../../src/platform/db/migrate.js';
import { allMigrations } from '../../src/platform/db/migrations-list.js';
import { readTemplate } from '../../src/platform/db/pglite-template.js';
import { modules } from '../../src/modules/index.js';
import { seedHennef } from '../../seed/hennef.js';
import { announceTestDatabase } from './totp.js';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** A database of its own for this test file: on the server a fresh database, dropped afterwards; `seeded`: a copy
 * of the run's migrated and seeded template when `npm test` made one. */
export async function testDatabaseUrl(options: { seeded?: boolean } = {}): Promise<{ url: string; drop(): Promise<void> }> {
  const server = process.env.DATABASE_URL;
  if (!server) return { url: 'memory://', drop: async () => {} };
  const name = `rathaus_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  const template = options.seeded ? process.env.RATHAUS_TEST_TEMPLATE_DB : undefined;
  await admin.query(`create database ${name}${template ? ` template ${template}` : ''}`);
  await admin.end();
  const url = new URL(server);
  url.pathname = `/${name}`;
  return {
    url: url.href,
    async drop() {
      const client = new pg.Client({ connectionString: server });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

export type TestServer = Awaited<ReturnType<typeof startServer>>;

/** The README's defaults for a browser: no BASE_URL, so the demo answers on http://localhost:PORT as `npm start` does. */
export const README_DEFAULTS = { BASE_URL: '' };

export async function startServer(env: Record<string, string> = {}) {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'rathaus-test-'));
  const database = await testDatabaseUrl({ seeded: true });
  const listenUrl = `http://127.0.0.1:${port}`;
  const config: Config = loadConfig({
    DATA_DIR: dataDir,
    DATABASE_URL: database.url,
    LOG_LEVEL: 'silent',
    PORT: String(port),
    BASE_URL: listenUrl,
    JOB_POLL_MS: '100000',
    TRUST_PROXY: '127.0.0.1',
    ...env,
  });
  // The public address may differ from where the server listens (an https URL behind a proxy); requests go to the latter.
  const baseUrl = config.baseUrl ?? `http://localhost:${port}`;
  // PGlite starts from the run's migrated and seeded dump when `npm test` made one; migrate and seed then find nothing to do.
  const db = await openDatabase({ ...config, template: readTemplate(process.env.RATHAUS_TEST_TEMPLATE_FILE) });
  await migrate(db.db, allMigrations(modules));
  await seedHennef(db.db);
  const built = await buildApp(config, db, { baseUrl, internalOrigin: listenUrl });
  // "localhost" makes Fastify listen on every address the name resolves to (127.0.0.1 and ::1), as a browser expects.
  await built.app.listen({ port, host: 'localhost' });
  const url = config.baseUrl ? listenUrl : baseUrl;
  announceTestDatabase(url, db.db);
  return {
    ...built,
    url,
    port,
    db: db.db,
    config,
    async close() {
      await built.app.close();
      await built.jobs.stop();
      await db.close();
      await database.drop();
      rmSync(dataDir, { recursive: true, force: true });
      // Every successful change of the file's journeys wrote an audit entry (see platform/audit/audit-scope.ts).
      if (built.unaudited.size > 0) throw new Error(`changes without an audit entry: ${[...built.unaudited.keys()].join(', ')}`);
    },
  };
}

/** The demo town's tenant id, for tests that write its data directly. */
export async function hennefTenantId(db: Db): Promise<string> {
  return (await sql<{ id: string }>`select id from tenant where slug = 'hennef'`.execute(db)).rows[0]!.id;
}
