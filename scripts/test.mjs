// Runs the test files with node's test runner: unit and HTTP tests by default, browser journeys with `e2e`.
// Every test file's database starts as a copy of one migrated and seeded template made here first
// (scripts/test-template.mts): a dump for PGlite, a template database on the PostgreSQL server.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

// `npm test -- test/http/mailbox.test.ts …` runs only the files named.
const e2e = process.argv[2] === 'e2e';
const named = process.argv.slice(e2e ? 3 : 2);
const roots = e2e ? ['test/e2e'] : ['src', 'test'];

function find(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return !e2e && path === join('test', 'e2e') ? [] : find(path);
    return /\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

function prepareTemplate(dir) {
  const made = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/test-template.mts', join(dir, 'template.tar.gz')], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (made.status !== 0) process.exit(made.status ?? 1);
  const line = made.stdout.trim().split('\n').at(-1);
  return JSON.parse(line);
}

async function dropTemplate(name) {
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.end();
}

const files = named.length > 0 ? named : roots.flatMap(find).sort();
const dir = mkdtempSync(join(tmpdir(), 'rathaus-template-'));
const template = prepareTemplate(dir);
const env = {
  ...process.env,
  ...(template.file ? { RATHAUS_TEST_TEMPLATE_FILE: template.file } : { RATHAUS_TEST_TEMPLATE_DB: template.database }),
};
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', ...files], { stdio: 'inherit', env });
if (template.database) await dropTemplate(template.database);
rmSync(dir, { recursive: true, force: true });
process.exit(result.status ?? 1);
