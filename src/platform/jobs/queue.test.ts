import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openDatabase, type Database } from '../db/database.js';
import { migrate } from '../db/migrate.js';
import { allMigrations } from '../db/migrations-list.js';
import { testDatabaseUrl } from '../../../test/support/server.js';
import { createJobRunner, enqueue, schedule } from './queue.js';

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
    const one = createJobRunner(database.db, { count: handler }, { pollMs: 10 });
    const two = createJobRunner(database.db, { count: handler }, { pollMs: 10 });
    const [a, b] = await Promise.all([one.runDue(), two.runDue()]);
    assert.equal(a + b, 20);
    assert.equal(new Set(seen).size, 20);
    assert.equal(seen.length, 20);
  });

  it('retries a failing job later with backoff, and gives up after the last attempt', async () => {
    let calls = 0;
    await enqueue(database.db, { name: 'flaky', payload: {} });
    const runner = createJobRunner(database.db, { flaky: async () => { calls++; throw new Error('smtp down'); } }, { pollMs: 10 });
    await runner.runDue();
    const job = await database.db.selectFrom('job').selectAll().where('name', '=', 'flaky').executeTakeFirstOrThrow();
    assert.equal(calls, 1);
    assert.equal(job.status, 'queued');
    assert.equal(job.last_error, 'smtp down');
    assert.ok(job.run_at.getTime() > Date.now() + 1000, 'next try is pushed back');
    await database.db.updateTable('job').set({ run_at: new Date(0), attempts: job.max_attempts - 1 }).where('id', '=', job.id).execute();
    await runner.runDue();
    const failed = await database.db.selectFrom('job').select('status').where('id', '=', job.id).executeTakeFirstOrThrow();
    assert.equal(failed.status, 'failed');
  });

  it('a due schedule enqueues exactly one run, even from two processes', async () => {
    await schedule(database.db, { jobName: 'nightly', cron: '0 3 * * *' });
    await database.db.updateTable('job_schedule').set({ next_run_at: new Date(Date.now() - 1000) }).where('job_name', '=', 'nightly').execute();
    let runs = 0;
    const handlers = { nightly: async () => { runs++; } };
    await Promise.all([createJobRunner(database.db, handlers, { pollMs: 10 }).runDue(), createJobRunner(database.db, handlers, { pollMs: 10 }).runDue()]);
    assert.equal(runs, 1);
    const next = await database.db.selectFrom('job_schedule').select('next_run_at').where('job_name', '=', 'nightly').executeTakeFirstOrThrow();
    assert.ok(next.next_run_at.getTime() > Date.now());
  });

  it('migrations run twice, and concurrently, without applying anything twice', async () => {
    const [first, second] = await Promise.all([migrate(database.db, allMigrations([])), migrate(database.db, allMigrations([]))]);
    assert.deepEqual([...first, ...second], []);
    const applied = await database.db.selectFrom('schema_migration').select('name').execute();
    assert.equal(applied.length, allMigrations([]).length);
  });
});
