import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openDatabase, type Database } from '../db/database.js';
import { migrate } from '../db/migrate.js';
import { allMigrations } from '../db/migrations-list.js';
import { testDatabaseUrl } from '../../../test/support/server.js';
import { createJobRunner, deleteFinishedJobs, enqueue, schedule } from './queue.js';

describe('durable job queue', () => {
  let database: Database;
  let url: Awaited<ReturnType<typeof testDatabaseUrl>>;
  before(async () => {
    url = await testDatabaseUrl();
    database = await openDatabase({ databaseUrl: url.url, dataDir: '/tmp' });
    await migrate(database.db, allMigrations([]));
  });
  after(async () => {
    await database.close();
    await url.drop();
  });

  it('runs each job once even when two workers poll at the same time', async () => {
    const seen: string[] = [];
    const handler = async (payload: Record<string, unknown>) => {
      seen.push(String(payload.n));
    };
    for (let n = 0; n < 20; n++) await enqueue(database.db, { name: 'count', payload: { n } });
    const one = createJobRunner(database.db, { count: handler }, { pollMs: 10, leaseMs: 60_000 });
    const two = createJobRunner(database.db, { count: handler }, { pollMs: 10, leaseMs: 60_000 });
    const [a, b] = await Promise.all([one.runDue(), two.runDue()]);
    assert.equal(a + b, 20);
    assert.equal(new Set(seen).size, 20);
    assert.equal(seen.length, 20);
  });

  it('retries a failing job later with backoff, and gives up after the last attempt', async () => {
    let calls = 0;
    await enqueue(database.db, { name: 'flaky', payload: {} });
    const runner = createJobRunner(
      database.db,
      {
        flaky: async () => {
          calls++;
          throw new Error('smtp down');
        },
      },
      { pollMs: 10, leaseMs: 60_000 },
    );
    await runner.runDue();
    const job = await database.db.selectFrom('job').selectAll().where('name', '=', 'flaky').executeTakeFirstOrThrow();
    assert.equal(calls, 1);
    assert.equal(job.status, 'queued');
    assert.equal(job.last_error, 'smtp down');
    assert.ok(job.run_at.getTime() > Date.now() + 1000, 'next try is pushed back');
    await database.db
      .updateTable('job')
      .set({ run_at: new Date(0), attempts: job.max_attempts - 1 })
      .where('id', '=', job.id)
      .execute();
    await runner.runDue();
    const failed = await database.db.selectFrom('job').select('status').where('id', '=', job.id).executeTakeFirstOrThrow();
    assert.equal(failed.status, 'failed');
  });

  it('a job left running by a process that died returns once its lease ran out; a job whose worker still renews stays with it', async () => {
    await enqueue(database.db, { name: 'lease', payload: { n: 'orphan' } });
    await enqueue(database.db, { name: 'lease', payload: { n: 'held' } });
    const rows = await database.db.selectFrom('job').select(['id', 'payload']).where('name', '=', 'lease').execute();
    const orphan = rows.find((row) => row.payload.n === 'orphan')!;
    const held = rows.find((row) => row.payload.n === 'held')!;
    await database.db
      .updateTable('job')
      .set({ status: 'running', attempts: 1, locked_by: 'dead', lease_until: new Date(Date.now() - 1000) })
      .where('id', '=', orphan.id)
      .execute();
    await database.db
      .updateTable('job')
      .set({ status: 'running', attempts: 1, locked_by: 'alive', lease_until: new Date(Date.now() + 60_000) })
      .where('id', '=', held.id)
      .execute();
    const seen: unknown[] = [];
    await createJobRunner(
      database.db,
      {
        lease: async (payload) => {
          seen.push(payload.n);
        },
      },
      { pollMs: 10, leaseMs: 60_000 },
    ).runDue();
    assert.deepEqual(seen, ['orphan']);
    const after = await database.db.selectFrom('job').select(['id', 'status', 'attempts']).where('name', '=', 'lease').execute();
    assert.deepEqual(
      after.find((row) => row.id === orphan.id),
      { id: orphan.id, status: 'done', attempts: 2 },
    );
    assert.equal(after.find((row) => row.id === held.id)?.status, 'running');
  });

  it('a long job keeps its lease while it runs, so no second worker takes it', async () => {
    await enqueue(database.db, { name: 'slow', payload: {} });
    let runs = 0;
    const handlers = {
      slow: async () => {
        runs++;
        await new Promise((resolve) => setTimeout(resolve, 600));
      },
    };
    const first = createJobRunner(database.db, handlers, { pollMs: 10, leaseMs: 200 }).runDue();
    await new Promise((resolve) => setTimeout(resolve, 350));
    await createJobRunner(database.db, handlers, { pollMs: 10, leaseMs: 200 }).runDue();
    await first;
    assert.equal(runs, 1);
  });

  it('a job whose process died on every attempt is given up, not run for ever', async () => {
    await enqueue(database.db, { name: 'poison', payload: {} });
    await database.db
      .updateTable('job')
      .set((eb) => ({ status: 'running', attempts: eb.ref('max_attempts'), lease_until: new Date(Date.now() - 1000) }))
      .where('name', '=', 'poison')
      .execute();
    let runs = 0;
    await createJobRunner(
      database.db,
      {
        poison: async () => {
          runs++;
        },
      },
      { pollMs: 10, leaseMs: 60_000 },
    ).runDue();
    const job = await database.db.selectFrom('job').select(['status', 'last_error']).where('name', '=', 'poison').executeTakeFirstOrThrow();
    assert.equal(runs, 0);
    assert.equal(job.status, 'failed');
  });

  it('finished jobs are deleted after 30 days with their payloads; open and recent ones stay', async () => {
    for (const n of ['old', 'recent', 'open'])
      await enqueue(database.db, { name: 'cleanup-probe', payload: { email: `${n}@example.org` } });
    await database.db
      .updateTable('job')
      .set({ status: 'done', finished_at: new Date(Date.now() - 31 * 86_400_000) })
      .where('name', '=', 'cleanup-probe')
      .where(({ ref }) => ref('payload', '->>').key('email'), '=', 'old@example.org')
      .execute();
    await database.db
      .updateTable('job')
      .set({ status: 'done', finished_at: new Date() })
      .where('name', '=', 'cleanup-probe')
      .where(({ ref }) => ref('payload', '->>').key('email'), '=', 'recent@example.org')
      .execute();
    assert.equal(await deleteFinishedJobs(database.db), 1);
    const left = await database.db.selectFrom('job').select('payload').where('name', '=', 'cleanup-probe').execute();
    assert.deepEqual(left.map((row) => row.payload.email).sort(), ['open@example.org', 'recent@example.org']);
  });

  it('a due schedule enqueues exactly one run, even from two processes', async () => {
    await schedule(database.db, { jobName: 'nightly', cron: '0 3 * * *' });
    await database.db
      .updateTable('job_schedule')
      .set({ next_run_at: new Date(Date.now() - 1000) })
      .where('job_name', '=', 'nightly')
      .execute();
    let runs = 0;
    const handlers = {
      nightly: async () => {
        runs++;
      },
    };
    await Promise.all([
      createJobRunner(database.db, handlers, { pollMs: 10, leaseMs: 60_000 }).runDue(),
      createJobRunner(database.db, handlers, { pollMs: 10, leaseMs: 60_000 }).runDue(),
    ]);
    assert.equal(runs, 1);
    const next = await database.db
      .selectFrom('job_schedule')
      .select('next_run_at')
      .where('job_name', '=', 'nightly')
      .executeTakeFirstOrThrow();
    assert.ok(next.next_run_at.getTime() > Date.now());
  });

  it('migrations run twice, and concurrently, without applying anything twice', async () => {
    const [first, second] = await Promise.all([migrate(database.db, allMigrations([])), migrate(database.db, allMigrations([]))]);
    assert.deepEqual([...first, ...second], []);
    const applied = await database.db.selectFrom('schema_migration').select('name').execute();
    assert.equal(applied.length, allMigrations([]).length);
  });
});
