// Prepares the database every test file starts from, once per test run: migrated and seeded with Hennef.
// PGlite: a dump of the data directory, written to the path given; PostgreSQL: a template database on the server,
// which each file copies with CREATE DATABASE … TEMPLATE. Prints what it made as one JSON line.
import pg from 'pg';
import { randomBytes } from 'node:crypto';
import { openDatabase } from '../src/platform/db/database.js';
import { migrate } from '../src/platform/db/migrate.js';
import { allMigrations } from '../src/platform/db/migrations-list.js';
import { writeTemplate } from '../src/platform/db/pglite-template.js';
import { modules } from '../src/modules/index.js';
import { seedHennef } from '../seed/hennef.js';

const [target] = process.argv.slice(2);
const server = process.env.DATABASE_URL;

async function prepare(databaseUrl: string) {
  const database = await openDatabase({ databaseUrl, dataDir: '' });
  try {
    await migrate(database.db, allMigrations(modules));
    await seedHennef(database.db);
    return database.dump ? await database.dump() : undefined;
  } finally {
    await database.close();
  }
}

if (server) {
  const name = `rathaus_template_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(server);
  url.pathname = `/${name}`;
  await prepare(url.href);
  console.log(JSON.stringify({ database: name }));
} else {
  await writeTemplate(target!, (await prepare('memory://'))!);
  console.log(JSON.stringify({ file: target }));
}
