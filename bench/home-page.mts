// Requests per second of the portal home page against a bare Fastify hello-world, measured in the same run.
// Prints the ratio (aim ≥ 0.5). Loopback only, bounded duration.
import autocannon from 'autocannon';
import Fastify from 'fastify';
import { freePort, startServer } from '../test/support/server.js';

const seconds = Number(process.env.BENCH_SECONDS ?? 5);

async function measure(url: string): Promise<number> {
  const result = await autocannon({ url, connections: 10, duration: seconds });
  if (result.non2xx > 0) throw new Error(`${url}: ${result.non2xx} non-2xx answers`);
  return result.requests.average;
}

const bare = Fastify();
bare.get('/', async () => 'Hallo Hennef');
const barePort = await freePort();
await bare.listen({ port: barePort, host: '127.0.0.1' });
const rathaus = await startServer();

await measure(`http://127.0.0.1:${barePort}/`); // warm-up
const baseline = await measure(`http://127.0.0.1:${barePort}/`);
await measure(`${rathaus.url}/`);
const home = await measure(`${rathaus.url}/`);

console.log(JSON.stringify({ bench: 'home_page_rps', baseline_hello_world_rps: Math.round(baseline), home_page_rps: Math.round(home), ratio: Number((home / baseline).toFixed(3)) }));
await bare.close();
await rathaus.close();
