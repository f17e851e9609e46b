// Every public GET page of the route table (and one of each page with a parameter: a service, an office, a life
// situation, a report, a search), loaded by anonymous visitors with 50 connections from a separate process, each
// as a ratio of a bare Fastify hello-world measured in the same run, with its p99. Cached pages and uncached ones
// alike: the table shows which is which by its figures. Target: ratio ≥ 0.3 and p99 < 50 ms.
import { sql } from 'kysely';
import { startServer } from '../test/support/server.js';
import { seedDemoHistory } from '../seed/history.js';
import { bareServer, compare } from './load.mjs';

const CONNECTIONS = 50;
const bare = await bareServer();
const rathaus = await startServer();
await seedDemoHistory(rathaus.db, rathaus.deps.store);
const report = (await sql<{ id: string }>`select id from report limit 1`.execute(rathaus.db)).rows[0];

// Health and metrics are for machines; the login steps after the password need a half-logged-in session.
const skipped = new Set([
  '/healthz',
  '/readyz',
  '/metrics',
  '/konto/anmelden',
  '/konto/callback',
  '/konto',
  '/styleguide',
  '/bo/anmelden/code',
  '/bo/anmelden/einrichten',
]);
const plain = rathaus.routes
  .filter(
    (route) =>
      route.method === 'GET' &&
      route.access === 'public' &&
      !route.url.includes(':') &&
      !route.url.includes('*') &&
      !skipped.has(route.url),
  )
  .map((route) => route.url);
const withParameters = [
  '/leistungen/hundeanmeldung',
  '/leistungen/personenstandsurkunde',
  '/behoerden/rathaus',
  '/behoerden/buergeramt',
  '/leistungen/lebenslagen/tiere',
  '/leistungen/suche?q=hund+anmelden',
  '/online/hundeanmeldung',
  ...(report ? [`/maengelmelder/meldung/${report.id}`] : []),
];
// BENCH_PAGES=/a,/b measures only those (to look at a few pages after a change).
const only = process.env.BENCH_PAGES?.split(',');
const pages = [...new Set([...plain, ...withParameters])].filter((page) => !only || only.includes(page));

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
// Each page is measured in turns with the bare server (three rounds after a warm-up of each), so that a change of
// machine speed during the run (another process, a neighbour on the host) touches the page and its baseline alike;
// the ratio is the median of the rounds' ratios.
const baselines: number[] = [];
const rows: { page: string; rps: number; baseline_rps: number; ratio: number; p99_ms: number; meets_target: boolean }[] = [];
for (const page of pages) {
  const result = await compare(bare.url, `${rathaus.url}${page}`, CONNECTIONS).catch((error: Error) => {
    console.error(JSON.stringify({ page, error: error.message }));
    return { baseline: { rps: Number.NaN, p99: Number.NaN }, load: { rps: 0, p99: Number.NaN }, ratio: 0 };
  });
  baselines.push(result.baseline.rps);
  rows.push({
    page,
    rps: Math.round(result.load.rps),
    baseline_rps: Math.round(result.baseline.rps),
    ratio: Number(result.ratio.toFixed(3)),
    p99_ms: result.load.p99,
    meets_target: result.ratio >= 0.3 && result.load.p99 < 50,
  });
}
const baselineRps = Math.round(median(baselines));
for (const row of rows)
  console.log(JSON.stringify({ bench: 'public_page', connections: CONNECTIONS, baseline_hello_world_rps: baselineRps, ...row }));
console.log(
  JSON.stringify({
    bench: 'public_pages_summary',
    pages: rows.length,
    meeting_target: rows.filter((row) => row.meets_target).length,
    slowest: [...rows]
      .sort((a, b) => a.ratio - b.ratio)
      .slice(0, 5)
      .map((row) => `${row.page} ${row.ratio} p99 ${row.p99_ms} ms`),
  }),
);
await bare.close();
await rathaus.close();
