import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { openDatabase } from '../../src/platform/db/database.js';
import { freePort, testDatabaseUrl } from '../support/server.js';

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
    for (const command of ['start', 'migrate', 'seed', 'user add', 'user reset-2fa', 'tenant add', 'audit verify'])
      assert.match(stdout, new RegExp(command));
  });

  it('a wrong configuration value stops with a message naming the variable', async () => {
    const result = await exec('node', ['bin/rathaus.mjs', 'migrate'], { env: { ...env, PORT: 'viele' } }).catch(
      (e: { code: number; stderr: string }) => e,
    );
    assert.equal((result as { code: number }).code, 1);
    assert.match((result as { stderr: string }).stderr, /PORT/);
  });

  it('seeds, adds a tenant and a clerk, and migrating twice changes nothing', async () => {
    assert.match((await rathaus('seed')).stdout, /Hennef demo tenant added/);
    assert.match((await rathaus('seed')).stdout, /exists/);
    assert.equal((await rathaus('migrate')).code, 0);
    assert.match(
      (await rathaus('tenant', 'add', '--slug', 'siegburg', '--name', 'Stadt Siegburg', '--host', 'siegburg.localhost')).stdout,
      /tenant siegburg added/,
    );
    const added = await rathaus(
      'user',
      'add',
      '--email',
      'neu@hennef.example',
      '--name',
      'Nora Neu',
      '--unit',
      'FD 2.2',
      '--role',
      'clerk',
      '--password',
      'ein-sicheres-passwort',
    );
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

  it('start serves the portal, stops cleanly on SIGTERM, and a second start reuses the data', async () => {
    for (const round of [1, 2]) {
      const port = await freePort();
      const child = spawn('node', ['bin/rathaus.mjs', 'start'], {
        env: { ...env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'info' },
      });
      let output = '';
      const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
      // Ready when the server says so (its `rathaus_started` line), however long a loaded machine takes.
      const started = new Promise<boolean>((resolve) => {
        child.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          if (output.includes('rathaus_started')) resolve(true);
        });
        void exited.then(() => resolve(false));
      });
      assert.ok(await started, `round ${round}: the server started (${output.slice(-500)})`);
      const home = await fetch(`http://127.0.0.1:${port}/`);
      assert.equal(home.status, 200, `round ${round}: the portal answers`);
      assert.match(await home.text(), /Stadt Hennef \(Sieg\)/);
      child.kill('SIGTERM');
      assert.equal(await exited, 0, `round ${round}: clean exit`);
      assert.match(output, /rathaus_stopping/);
      assert.doesNotMatch(output, /demo_tenant_seeded/, 'the tenant was seeded before, not again');
    }
  });
});
