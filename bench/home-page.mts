// Requests per second of the portal home page against a bare Fastify hello-world, measured in the same run.
// Prints the ratio (aim ≥ 0.5). Loopback only, bounded duration.
import { startServer } from '../test/support/server.js';
import { bareServer, compare, residentMemory } from './load.mjs';

const bare = await bareServer();
const rathaus = await startServer();

const {
  result: { baseline, load, ratio },
  beforeMb,
  peakMb,
} = await residentMemory(() => compare(bare.url, `${rathaus.url}/`));

console.log(
  JSON.stringify({
    bench: 'home_page_rps',
    baseline_hello_world_rps: Math.round(baseline.rps),
    home_page_rps: Math.round(load.rps),
    ratio: Number(ratio.toFixed(3)),
    rss_idle_mb: beforeMb,
    rss_peak_under_load_mb: peakMb,
  }),
);
await bare.close();
await rathaus.close();
