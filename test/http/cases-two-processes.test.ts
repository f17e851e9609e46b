// Two app processes against one PostgreSQL while 500 cases become overdue: each case is escalated exactly once
// (one escalation row, one history event, one mail to the unit lead), whichever process runs the job.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { freePort, startServer, type TestServer } from '../support/server.js';
import { enqueue } from '../../src/platform/jobs/queue.js';
import { CASE_ESCALATION_JOB } from '../../src/modules/cases/index.js';

const postgres = Boolean(process.env.DATABASE_URL);
const count = async (server: TestServer, query: ReturnType<typeof sql<{ n: number }>>) => (await query.execute(server.db)).rows[0]!.n;

async function startProcess(databaseUrl: string): Promise<ChildProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', 'start'], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      DATA_DIR: mkdtempSync(join(tmpdir(), 'rathaus-proc-')),
      JOB_POLL_MS: '50',
      LOG_LEVEL: 'silent',
      BASE_URL: `http://127.0.0.1:${port}`,
    },
    stdio: 'ignore',
  });
  for (let attempt = 0; attempt < 200; attempt++) {
    const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then(
      (answer) => answer.ok,
      () => false,
    );
    if (ok) return child;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill();
  throw new Error('app process did not start');
}

describe('escalation with two app processes', { skip: !postgres && 'needs PostgreSQL (DATABASE_URL); CI runs it there' }, () => {
  let server: TestServer;
  const processes: ChildProcess[] = [];
  before(async () => {
    server = await startServer();
    const tenant = (await sql<{ id: string }>`select id from tenant where slug = 'hennef'`.execute(server.db)).rows[0]!.id;
    await sql`insert into case_record (tenant_id, number, source_kind, source_id, service, title, unit, due_at)
      select ${tenant}, '2026-' || lpad(n::text, 6, '0'), 'test', n::text, 'wahlhelfer', 'Testvorgang ' || n, 'FD 2.1', now() + interval '1 hour'
      from generate_series(1, 500) as n`.execute(server.db);
    processes.push(await startProcess(server.config.databaseUrl!), await startProcess(server.config.databaseUrl!));
  });
  after(async () => {
    for (const child of processes) child.kill();
    await new Promise((resolve) => setTimeout(resolve, 300));
    await server.close();
  });

  it('500 cases become overdue; every case is escalated exactly once', async () => {
    await sql`update case_record set due_at = now() - interval '1 minute' where source_kind = 'test'`.execute(server.db);
    for (let run = 0; run < 4; run++) await enqueue(server.db, { name: CASE_ESCALATION_JOB });
    for (let wait = 0; wait < 300; wait++) {
      const open = await count(
        server,
        sql<{ n: number }>`select count(*)::int as n from job where name = ${CASE_ESCALATION_JOB} and status in ('queued', 'running')`,
      );
      if (open === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const done = await count(
      server,
      sql<{ n: number }>`select count(*)::int as n from job where name = ${CASE_ESCALATION_JOB} and status = 'done'`,
    );
    assert.equal(await count(server, sql<{ n: number }>`select count(*)::int as n from case_escalation`), 500);
    assert.equal(await count(server, sql<{ n: number }>`select count(*)::int as n from case_event where kind = 'escalated'`), 500);
    assert.equal(
      await count(server, sql<{ n: number }>`select count(*)::int as n from mail_message where subject like 'Überfälliger Vorgang%'`),
      500,
      'one mail to the unit lead per case',
    );
    assert.equal(done, 4, 'the app processes ran all four jobs (this test process does not poll)');
  });
});
