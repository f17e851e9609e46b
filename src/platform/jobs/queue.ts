// A durable job queue in the database. Workers claim due jobs with FOR UPDATE SKIP LOCKED, so a job runs
// once even with several app processes; failures are retried with exponential backoff; schedules enqueue
// cron-style jobs, and a dedupe key makes each scheduled run unique across processes. A claimed job carries a
// lease its worker renews while the handler runs; a job whose process died is claimed again once the lease has
// run out, so handlers must be safe to run twice (mail keeps its Message-ID, hand-overs are keyed per consumer).
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { CronExpressionParser } from 'cron-parser';
import type { Db } from '../db/database.js';

export type JobHandler = (
  payload: Record<string, unknown>,
  job: { id: string; tenantId: string | null; attempts: number },
) => Promise<void>;

export function enqueue(
  db: Db,
  job: { name: string; tenantId?: string | null; payload?: Record<string, unknown>; runAt?: Date; dedupeKey?: string },
) {
  return db
    .insertInto('job')
    .values({
      name: job.name,
      tenant_id: job.tenantId ?? null,
      payload: JSON.stringify(job.payload ?? {}),
      run_at: job.runAt ?? new Date(),
      dedupe_key: job.dedupeKey ?? null,
    })
    .onConflict((oc) => oc.column('dedupe_key').where('dedupe_key', 'is not', null).doNothing())
    .execute();
}

export async function schedule(
  db: Db,
  entry: { jobName: string; cron: string; tenantId?: string | null; payload?: Record<string, unknown> },
) {
  const next = nextRun(entry.cron, new Date());
  await db
    .insertInto('job_schedule')
    .values({
      job_name: entry.jobName,
      cron: entry.cron,
      tenant_id: entry.tenantId ?? null,
      payload: JSON.stringify(entry.payload ?? {}),
      next_run_at: next,
    })
    .onConflict((oc) =>
      oc.expression(sql`coalesce(tenant_id, '00000000-0000-0000-0000-000000000000'::uuid), job_name`).doUpdateSet({ cron: entry.cron }),
    )
    .execute();
}

function nextRun(cron: string, after: Date): Date {
  return CronExpressionParser.parse(cron, { currentDate: after, tz: 'Europe/Berlin' }).next().toDate();
}

/** Turns due schedules into jobs; the dedupe key (schedule + due time) keeps two processes from enqueueing the same run. */
export async function enqueueDueSchedules(db: Db): Promise<number> {
  const due = await db.selectFrom('job_schedule').selectAll().where('next_run_at', '<=', new Date()).execute();
  for (const entry of due) {
    await enqueue(db, {
      name: entry.job_name,
      tenantId: entry.tenant_id,
      payload: entry.payload,
      dedupeKey: `${entry.id}:${entry.next_run_at.toISOString()}`,
    });
    await db
      .updateTable('job_schedule')
      .set({ next_run_at: nextRun(entry.cron, new Date()) })
      .where('id', '=', entry.id)
      .execute();
  }
  return due.length;
}

async function claim(db: Db, workerId: string, leaseMs: number) {
  return db.transaction().execute(async (trx) => {
    const now = new Date();
    const job = await trx
      .selectFrom('job')
      .selectAll()
      .where((eb) =>
        eb.or([
          eb.and([eb('status', '=', 'queued'), eb('run_at', '<=', now)]),
          eb.and([eb('status', '=', 'running'), eb('lease_until', '<', now)]),
        ]),
      )
      .orderBy('run_at')
      .limit(1)
      .forUpdate()
      .skipLocked()
      .executeTakeFirst();
    if (!job) return undefined;
    if (job.status === 'running' && job.attempts >= job.max_attempts) {
      await trx
        .updateTable('job')
        .set({ status: 'failed', last_error: 'the process running it stopped every time', locked_by: null, finished_at: now })
        .where('id', '=', job.id)
        .execute();
      return { ...job, abandoned: true };
    }
    await trx
      .updateTable('job')
      .set((eb) => ({
        status: 'running',
        locked_at: now,
        locked_by: workerId,
        lease_until: new Date(now.getTime() + leaseMs),
        attempts: eb('attempts', '+', 1),
      }))
      .where('id', '=', job.id)
      .execute();
    return { ...job, attempts: job.attempts + 1, abandoned: false };
  });
}

/** Renews the lease while the handler works, so only a dead process lets it run out. */
function keepLease(db: Db, jobId: string, workerId: string, leaseMs: number): () => void {
  const timer = setInterval(
    () => {
      db.updateTable('job')
        .set({ lease_until: new Date(Date.now() + leaseMs) })
        .where('id', '=', jobId)
        .where('locked_by', '=', workerId)
        .execute()
        .catch(() => undefined);
    },
    Math.max(leaseMs / 3, 50),
  );
  timer.unref();
  return () => clearInterval(timer);
}

export type JobRunner = { runDue(): Promise<number>; start(): void; stop(): Promise<void> };

export function createJobRunner(
  db: Db,
  handlers: Record<string, JobHandler>,
  options: { pollMs: number; leaseMs: number; onError?: (name: string, error: unknown) => void },
): JobRunner {
  const workerId = randomUUID();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> | undefined;
  let stopped = false;

  async function runOne(): Promise<boolean> {
    const job = await claim(db, workerId, options.leaseMs);
    if (!job) return false;
    if (job.abandoned) return true;
    const handler = handlers[job.name];
    const release = keepLease(db, job.id, workerId, options.leaseMs);
    const mine = db.updateTable('job').where('id', '=', job.id).where('locked_by', '=', workerId);
    try {
      if (!handler) throw new Error(`no handler for job ${job.name}`);
      await handler(job.payload, { id: job.id, tenantId: job.tenant_id, attempts: job.attempts });
      await mine.set({ status: 'done', finished_at: new Date(), locked_by: null, lease_until: null }).execute();
    } catch (error) {
      options.onError?.(job.name, error);
      const final = job.attempts >= job.max_attempts;
      const backoffMs = Math.min(2 ** job.attempts * 1000, 3_600_000);
      await mine
        .set({
          status: final ? 'failed' : 'queued',
          last_error: String(error instanceof Error ? error.message : error).slice(0, 500),
          run_at: new Date(Date.now() + backoffMs),
          locked_by: null,
          lease_until: null,
          finished_at: final ? new Date() : null,
        })
        .execute();
    } finally {
      release();
    }
    return true;
  }

  async function runDue(): Promise<number> {
    await enqueueDueSchedules(db);
    let count = 0;
    while (!stopped && (await runOne())) count++;
    return count;
  }

  function tick() {
    running = runDue()
      .catch((error) => {
        options.onError?.('job_runner', error);
        return 0;
      })
      .finally(() => {
        running = undefined;
        if (!stopped) timer = setTimeout(tick, options.pollMs);
      });
  }

  return {
    runDue,
    start: () => {
      stopped = false;
      timer = setTimeout(tick, options.pollMs);
    },
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}

/** Finished jobs are of no use after a while, and their payloads may name people (a password reset's address). */
export async function deleteFinishedJobs(db: Db, days = 30): Promise<number> {
  const result = await db
    .deleteFrom('job')
    .where('status', 'in', ['done', 'failed'])
    .where('finished_at', '<', new Date(Date.now() - days * 86_400_000))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function queueDepth(db: Db): Promise<{ status: string; count: number }[]> {
  return db
    .selectFrom('job')
    .select(['status', sql<number>`count(*)::int`.as('count')])
    .groupBy('status')
    .execute();
}
