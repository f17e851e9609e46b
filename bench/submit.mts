// Complete submissions per second on PostgreSQL (check every answer again, number, store, usage count, audit,
// receipt PDF, the case with its search vector and the hand-over job) against a plain INSERT of the same JSON in
// the same run. Needs DATABASE_URL or a local PostgreSQL.
import { sql } from 'kysely';
import { startServer } from '../test/support/server.js';
import { loadDefinitions } from '../src/modules/forms/library/registry.js';
import { startDraft, submit } from '../src/modules/forms/service.js';
import { findSubmission, saveDraftAnswers } from '../src/modules/forms/repo.js';
import { receiptPdf } from '../src/modules/forms/assistant/receipt.js';
import type { Answers } from '../src/modules/forms/expressions.js';
import type { TenantSettings } from '../src/platform/db/tables.js';

const COUNT = Number(process.env.BENCH_SUBMISSIONS ?? 400);
const CONCURRENCY = 8;
if (!process.env.DATABASE_URL) process.env.DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

const server = await startServer();
const { db } = server;
const definition = (await loadDefinitions()).get('meldebescheinigung-einfach')!;
const tenant = (
  await sql<{ id: string; name: string; settings: TenantSettings }>`select id, name, settings from tenant where slug = 'hennef'`.execute(db)
).rows[0]!;
const tenantId = tenant.id;
const answers: Answers = {
  givenName: 'Max',
  familyName: 'Muster',
  birthDate: '1980-05-01',
  street: 'Markt 1',
  delivery: 'post',
  purpose: 'Bank',
};

async function inParallel(count: number, task: (index: number) => Promise<unknown>) {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < count) await task(next++);
    }),
  );
  return count / ((performance.now() - started) / 1000);
}

await sql`create table bench_insert (id uuid primary key default gen_random_uuid(), tenant_id uuid not null, answers jsonb not null, created_at timestamptz not null default now())`.execute(
  db,
);
const baseline = await inParallel(COUNT, () =>
  sql`insert into bench_insert (tenant_id, answers) values (${tenantId}, ${JSON.stringify(answers)})`.execute(db),
);

type Prepared = { draft: Awaited<ReturnType<typeof startDraft>>; owner: { secret: string } };

async function prepareDrafts(label: string): Promise<Prepared[]> {
  const prepared: Prepared[] = [];
  for (let index = 0; index < COUNT; index++) {
    const owner = { secret: `bench-${label}-${index}` };
    const draft = await startDraft(db, tenantId, definition, owner);
    await saveDraftAnswers(db, tenantId, draft.id, answers, new Date(Date.now() + 86_400_000));
    prepared.push({ draft: { ...draft, answers }, owner });
  }
  return prepared;
}

async function submitAll(prepared: Prepared[], withReceipt: boolean) {
  return inParallel(COUNT, async (index) => {
    const outcome = await submit(db, tenantId, prepared[index]!.draft, definition, prepared[index]!.owner, 'bench');
    if (!outcome.ok) throw new Error('bench submission was refused');
    if (!withReceipt) return;
    const submission = (await findSubmission(db, tenantId, outcome.submissionId))!;
    const pdf = await receiptPdf(tenant, definition, submission, 'de');
    if (pdf.length < 1000) throw new Error('receipt PDF missing');
  });
}

const stored = await submitAll(await prepareDrafts('stored'), false);
const complete = await submitAll(await prepareDrafts('complete'), true);

console.log(
  JSON.stringify({
    bench: 'submit',
    database: 'postgresql',
    concurrency: CONCURRENCY,
    submissions: COUNT,
    baseline_insert_per_s: Math.round(baseline),
    stored_per_s: Math.round(stored),
    stored_ratio: Number((stored / baseline).toFixed(3)),
    with_receipt_pdf_per_s: Math.round(complete),
    with_receipt_pdf_ratio: Number((complete / baseline).toFixed(3)),
  }),
);
await server.close();
