// Catalog search under 50 concurrent connections against a bare Fastify hello-world in the same run:
// requests per second as a ratio (aim ≥ 0.3) and p99 latency (aim < 50 ms), for the HTML page and the JSON suggestions.
import { startServer } from '../test/support/server.js';
import { bareServer, compare } from './load.mjs';

const CONNECTIONS = 50;
const bare = await bareServer();
const rathaus = await startServer();

const results: Record<string, unknown> = { bench: 'catalog_search', connections: CONNECTIONS };
for (const [name, path] of [
  ['search_page', '/leistungen/suche?q=hund+anmelden'],
  ['suggestions', '/leistungen/suche/vorschlaege?q=perso'],
] as const) {
  const { baseline, load, ratio } = await compare(bare.url, `${rathaus.url}${path}`, CONNECTIONS);
  Object.assign(results, {
    [`${name}_baseline_rps`]: Math.round(baseline.rps),
    [`${name}_rps`]: Math.round(load.rps),
    [`${name}_p99_ms`]: load.p99,
    [`${name}_ratio`]: Number(ratio.toFixed(3)),
  });
}
console.log(JSON.stringify(results));
await bare.close();
await rathaus.close();
