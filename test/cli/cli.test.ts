import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { openDatabase } from '../../src/platform/db/database.js';
import { testDatabaseUrl } from '../support/server.js';

const exec = promisify(execFile);

describe('the rathaus command line', () => {
  let dataDir: string;
  let database: Awaited<ReturnType<typeof testDatabaseUrl>>;
  let env: NodeJS.ProcessEnv;

  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'rathaus-cli-'));
    database = await testDatabaseUrl();
    env = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent', DATABASE_URL: database.url === 'memory://' ? '' : database.url };
  });
  after(async () => {
    await database.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const rathaus = (...args: string[]) =>
    exec('node', ['bin/rathaus.mjs', ...args], { env }).then(
      (out) => ({ code: 0, ...out }),
      (error: { code: number; stdout: string; stderr: string }) => error,
    );

  it('--help lists the commands', async () => {
    const { stdout } = await rathaus('--help');
    for (const command of ['start', 'migrate', 'seed', 'user add', 'user reset-2fa', 'tenant add', 'audit verify']) assert.match(stdout, new RegExp(command));
  });

  it('a wrong configuration value stops with a message naming the variable', async () => {
    const result = await exec('node', ['bin/rathaus.mjs', 'migrate'], { env: { ...env, PORT: 'viele' } }).catch((e: { code: number; stderr: string }) => e);
    assert.equal((result as { code: number }).code, 1);
    assert.match((result as { stderr: string }).stderr, /PORT/);
  });

  it('seeds, adds a tenant and a clerk, and migrating twice changes nothing', async () => {
    assert.match((await rathaus('seed')).stdout, /Hennef demo tenant added/);
    assert.match((await rathaus('seed')).stdout, /exists/);
    assert.equal((await rathaus('migrate')).code, 0);
    assert.match((await rathaus('tenant', 'add', '--slug', 'siegburg', '--name', 'Stadt Siegburg', '--host', 'siegburg.localhost')).stdout, /tenant siegburg added/);
    const added = await rathaus('user', 'add', '--email', 'neu@hennef.example', '--name', 'Nora Neu', '--unit', 'FD 2.2', '--role', 'clerk', '--password', 'ein-sicheres-passwort');
    assert.match(added.stdout, /clerk in Fachdienst Standesamt/);
    const wrongRole = await rathaus('user', 'add', '--email', 'x@hennef.example', '--name', 'X', '--unit', 'FD 2.2', '--role', 'chef');
    assert.equal(wrongRole.code, 1);
    assert.match(wrongRole.stderr, /--role must be one of/);
    assert.match((await rathaus('user', 'reset-2fa', '--email', 'sachbearbeitung@hennef.example')).stdout, /second factor reset/);
  });

  it('audit verify passes on an intact log and fails after a row was changed', async () => {
    const intact = await rathaus('audit', 'verify');
    assert.equal(intact.code, 0);
    assert.match(intact.stdout, /audit log intact: [1-9]\d* entries/);
    const { db, close } = await openDatabase({ databaseUrl: env.DATABASE_URL || undefined, dataDir });
    await sql`update audit_log set actor_label = 'jemand-anders' where seq = (select min(seq) from audit_log)`.execute(db);
    await close();
    const broken = await rathaus('audit', 'verify');
    assert.equal(broken.code, 1);
    assert.match(broken.stderr, /BROKEN at entry/);
  });
});
