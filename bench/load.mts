// Shared load helpers for the benchmarks: a bare Fastify hello-world as baseline and an autocannon run in a
// separate process, so the load generator does not share the event loop with the server under test.
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';
import Fastify from 'fastify';
import { freePort } from '../test/support/server.js';

const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const autocannonCli = createRequire(import.meta.url).resolve('autocannon/autocannon.js');

export type Load = { rps: number; p99: number };

export async function measure(url: string, connections = 10, headers: Record<string, string> = {}): Promise<Load> {
  const headerArgs = Object.entries(headers).flatMap(([name, value]) => ['-H', `${name}: ${value}`]);
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [autocannonCli, '--json', '-c', String(connections), '-d', String(seconds), ...headerArgs, url],
    { maxBuffer: 10_000_000 },
  );
  const result = JSON.parse(stdout) as { non2xx: number; requests: { average: number }; latency: { p99: number } };
  if (result.non2xx > 0) throw new Error(`${url}: ${result.non2xx} non-2xx answers`);
  return { rps: result.requests.average, p99: result.latency.p99 };
}

export type Comparison = { baseline: Load; load: Load; ratio: number };

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/**
 * The baseline and the page measured in turns (after a warm-up of each), so that a change of CPU speed during the run
 * touches both alike; the ratio is the median of the rounds' ratios, the figures those of the median round.
 */
export async function compare(baselineUrl: string, url: string, connections = 10, rounds = 3): Promise<Comparison> {
  await measure(baselineUrl, connections);
  await measure(url, connections);
  const results: Comparison[] = [];
  for (let round = 0; round < rounds; round++) {
    const baseline = await measure(baselineUrl, connections);
    const load = await measure(url, connections);
    results.push({ baseline, load, ratio: load.rps / baseline.rps });
  }
  const middle = median(results.map((result) => result.ratio));
  return results.find((result) => result.ratio === middle)!;
}

export async function bareServer() {
  const bare = Fastify();
  bare.get('/', async () => 'Hallo Hennef');
  const port = await freePort();
  await bare.listen({ port, host: '127.0.0.1' });
  return { url: `http://127.0.0.1:${port}/`, close: () => bare.close() };
}

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

/** Resident memory of this process (the server under test runs in it): now, and the peak while `work` runs. */
export async function residentMemory<T>(work: () => Promise<T>): Promise<{ result: T; beforeMb: number; peakMb: number; afterMb: number }> {
  const beforeMb = mb(process.memoryUsage.rss());
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 20);
  try {
    const result = await work();
    return { result, beforeMb, peakMb: mb(peak), afterMb: mb(process.memoryUsage.rss()) };
  } finally {
    clearInterval(timer);
  }
}
