// How pages grow with a town's history: the demo is grown to S1, S2 (and S3 with BENCH_SCALES=S1,S2,S3) by
// seed/scale.ts on PostgreSQL, and at each size every page below is measured — median of 5 single requests, then
// autocannon with 10 connections (req/s, p99) — as anonymous visitor, citizen-facing lists and staff (admin and
// unit lead logged in). It prints the growth table and, per page, the ratio of the last size's median to S1's.
// Target (issue 17): at S3 median < 50 ms, p99 < 200 ms, and no ratio above 3.
import { sql } from 'kysely';
import { growToScale, SCALES, type Scale } from '../seed/scale.js';
import { verifyAuditChain } from '../src/platform/audit/audit-verify.js';
import { seedDemoHistory } from '../seed/history.js';
import { startServer } from '../test/support/server.js';
import { staffLogin } from '../test/support/journeys.js';
import { Visitor } from '../test/support/visitor.js';
import { measure, residentMemory } from './load.mjs';

if (!process.env.DATABASE_URL) {
  console.error('bench/scale measures on PostgreSQL: set DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/postgres)');
  process.exit(2);
}
const scales = (process.env.BENCH_SCALES ?? 'S1,S2').split(',') as Scale[];
const rathaus = await startServer();
await seedDemoHistory(rathaus.db, rathaus.deps.store);
const admin = new Visitor(rathaus.url);
await staffLogin(admin, 'admin@hennef.example');
const lead = new Visitor(rathaus.url);
await staffLogin(lead, 'leitung@hennef.example');

const anonymous = [
  '/',
  '/leistungen',
  '/leistungen/a-z?buchstabe=S',
  '/leistungen/hundeanmeldung',
  '/leistungen/lebenslagen/tiere',
  '/leistungen/suche?q=hund+anmelden',
  '/maengelmelder/meldungen',
  '/maengelmelder/meldungen.geojson',
  '/open311/v2/requests.json',
  '/api/catalog/v1/services',
];
const staff: [string, Visitor][] = [
  ['/admin/protokoll', admin],
  ['/admin/protokoll?q=catalog', admin],
  ['/bo/vorgaenge', lead],
  ['/bo/vorgaenge?q=hund', lead],
  ['/bo/vorgaenge/uebersicht', lead],
  ['/bo/meldungen/statistik', lead],
  ['/bo/katalog', admin],
];

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
async function singleRequests(url: string, headers: Record<string, string>) {
  const times: number[] = [];
  for (let round = 0; round < 5; round++) {
    const started = performance.now();
    const answer = await fetch(url, { headers });
    await answer.arrayBuffer();
    if (answer.status !== 200) throw new Error(`${url}: ${answer.status}`);
    times.push(performance.now() - started);
  }
  return median(times);
}

type Row = { scale: Scale; page: string; median_ms: number; rps: number; p99_ms: number };
const rows: Row[] = [];
for (const scale of scales) {
  const started = performance.now();
  await growToScale(rathaus.db, 'hennef', scale, (step) => console.error(`${scale}: ${step}`));
  const sizes = (
    await sql<{ reports: number; cases: number; services: number; audit: number }>`select
      (select count(*)::int from report) as reports, (select count(*)::int from case_record) as cases,
      (select count(*)::int from catalog_entry where kind = 'service') as services, (select count(*)::int from audit_log) as audit`.execute(
      rathaus.db,
    )
  ).rows[0];
  // The nightly full verification, as it runs after the growth: it moves the checkpoint the page starts from.
  const verifying = performance.now();
  const verdict = await verifyAuditChain(rathaus.db);
  console.error(
    JSON.stringify({
      scale,
      ...sizes,
      grown_in_s: Math.round((verifying - started) / 1000),
      full_audit_verification_s: Math.round((performance.now() - verifying) / 100) / 10,
      chain_ok: verdict.ok,
    }),
  );
  const pages: [string, Record<string, string>][] = [
    ...anonymous.map((page): [string, Record<string, string>] => [page, {}]),
    ...staff.map(([page, visitor]): [string, Record<string, string>] => [page, visitor.headers()]),
  ];
  const memory = await residentMemory(async () => {
    for (const [page, headers] of pages) {
      const url = `${rathaus.url}${page}`;
      const single = await singleRequests(url, headers).catch((error: Error) => {
        console.error(error.message);
        return undefined;
      });
      if (single === undefined) continue;
      const load = await measure(url, 10, headers);
      rows.push({ scale, page, median_ms: Math.round(single * 10) / 10, rps: Math.round(load.rps), p99_ms: load.p99 });
      console.log(JSON.stringify(rows.at(-1)));
    }
  });
  console.log(JSON.stringify({ scale, resident_memory_mb: memory.peakMb }));
}

const first = scales[0]!;
const last = scales.at(-1)!;
console.log(`\n| page | ${scales.map((scale) => `${scale} median / req/s / p99`).join(' | ')} | ${last}/${first} |`);
console.log(`| --- | ${scales.map(() => '---').join(' | ')} | --- |`);
for (const page of [...new Set(rows.map((row) => row.page))]) {
  const of = (scale: Scale) => rows.find((row) => row.page === page && row.scale === scale);
  const cells = scales.map((scale) => {
    const row = of(scale);
    return row ? `${row.median_ms} ms / ${row.rps} / ${row.p99_ms} ms` : '–';
  });
  const ratio = (of(last)?.median_ms ?? 0) / Math.max(of(first)?.median_ms ?? 1, 0.1);
  console.log(`| \`${page}\` | ${cells.join(' | ')} | ${ratio.toFixed(1)} |`);
}
console.log(`\nSizes: ${scales.map((scale) => `${scale} ${JSON.stringify(SCALES[scale])}`).join('; ')}`);
await rathaus.close();
