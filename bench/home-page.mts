// Requests per second of the portal home page against a bare Fastify hello-world, measured in the same run.
// Prints the ratio (aim ≥ 0.5). The load comes from a separate autocannon process; loopback only, bounded duration.
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';
import Fastify from 'fastify';
import { freePort, startServer } from '../test/support/server.js';

const seconds = Number(process.env.BENCH_SECONDS ?? 5);

const autocannonCli = createRequire(import.meta.url).resolve('autocannon/autocannon.js');

async function measure(url: string): Promise<number> {
  const { stdout } = await promisify(execFile)(process.execPath, [autocannonCli, '--json', '-c', '10', '-d', String(seconds), url], { maxBuffer: 10_000_000 });
  const result = JSON.parse(stdout) as { non2xx: number; requests: { average: number } };
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
