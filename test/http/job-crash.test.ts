// A process dies in the middle of a job: its mail is with a relay that hangs when the process is killed (-9).
// Another process starts on the same database, takes the job over once the dead one's lease has run out, and the
// mail reaches the relay exactly once, under the Message-ID of its outbox row.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config.js';
import { openDatabase, type Database } from '../../src/platform/db/database.js';
import { freePort, testDatabaseUrl } from '../support/server.js';
import { startSmtp } from '../support/smtp.js';
import { Visitor } from '../support/visitor.js';

async function until(condition: () => boolean | Promise<boolean>, what: string, ms = 90_000) {
  for (const started = Date.now(); Date.now() - started < ms; ) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function startProcess(env: Record<string, string>): Promise<{ child: ChildProcess; url: string }> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', 'start'], {
    env: { ...process.env, ...env, PORT: String(port), BASE_URL: url, JOB_POLL_MS: '50', JOB_LEASE_SECONDS: '2', LOG_LEVEL: 'silent' },
    stdio: 'ignore',
  });
  await until(
    () =>
      fetch(`${url}/healthz`).then(
        (answer) => answer.ok,
        () => false,
      ),
    'the app process',
  );
  return { child, url };
}

const exited = (child: ChildProcess) =>
  new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve(undefined) : child.once('exit', resolve)));

describe('a job whose process was killed', () => {
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let database: Awaited<ReturnType<typeof testDatabaseUrl>>;
  const dataDir = mkdtempSync(join(tmpdir(), 'rathaus-crash-'));
  const children: ChildProcess[] = [];
  before(async () => {
    smtp = await startSmtp();
    database = await testDatabaseUrl();
  });
  after(async () => {
    for (const child of children) child.kill('SIGKILL');
    await smtp.close();
    await database.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('is taken over by the next process and its mail is sent exactly once', { timeout: 300_000 }, async () => {
    const env = {
      DATA_DIR: dataDir,
      SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
      MAIL_FROM: 'rathaus@hennef.example',
      ...(process.env.DATABASE_URL ? { DATABASE_URL: database.url } : {}),
    };
    const first = await startProcess(env);
    children.push(first.child);
    smtp.stall();
    const clerk = new Visitor(first.url);
    await clerk.get('/bo/passwort-vergessen');
    await clerk.post('/bo/passwort-vergessen', { email: 'redaktion@hennef.example' });
    await until(() => smtp.stalled() === 1, 'the first process to connect to the relay');
    first.child.kill('SIGKILL');
    await exited(first.child);
    assert.equal(smtp.received.length, 0);

    const second = await startProcess(env);
    children.push(second.child);
    await until(() => smtp.received.length === 1, 'the mail to arrive');
    await new Promise((resolve) => setTimeout(resolve, 3000));
    assert.equal(smtp.received.length, 1, 'delivered once, not again after another lease');
    second.child.kill('SIGTERM');
    await exited(second.child);

    const opened: Database = await openDatabase(loadConfig({ ...env, LOG_LEVEL: 'silent' }));
    try {
      const job = await opened.db
        .selectFrom('job')
        .select(['status', 'attempts'])
        .where('name', '=', 'mail.send')
        .executeTakeFirstOrThrow();
      assert.deepEqual(job, { status: 'done', attempts: 2 });
      const mail = await opened.db.selectFrom('mail_message').select(['id', 'status']).executeTakeFirstOrThrow();
      assert.equal(mail.status, 'sent');
      assert.match(smtp.received[0]!.data, new RegExp(`Message-ID: <${mail.id}@hennef\\.example>`, 'i'));
      assert.match(smtp.received[0]!.data, /Subject: =\?UTF-8\?Q\?Passwort_zur=C3=BCcksetzen/);
    } finally {
      await opened.close();
    }
  });
});
