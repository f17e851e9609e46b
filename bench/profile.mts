// CPU profile of the server while autocannon loads one page (default "/"), for finding where a page's time goes:
// `node --import tsx bench/profile.mts /leistungen`; open the written .cpuprofile in Chrome's DevTools.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../test/support/server.js';
import { measure } from './load.mjs';

const path = process.argv[2] ?? '/';
const rathaus = await startServer();
await measure(`${rathaus.url}${path}`); // warm-up, outside the profile
const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.start');
const load = await measure(`${rathaus.url}${path}`);
const { profile } = await session.post('Profiler.stop');
const file = join(tmpdir(), `rathaus-${Date.now()}.cpuprofile`);
writeFileSync(file, JSON.stringify(profile));
console.log(JSON.stringify({ path, rps: Math.round(load.rps), p99_ms: load.p99, profile: file }));
await rathaus.close();
