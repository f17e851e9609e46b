// Mängelmelder: report submissions per second with a photo (cleaned of its metadata, stored, case opened), in the
// server's process with 8 in parallel, and public-map GeoJSON requests per second under load from a separate
// process; both as ratios against a bare Fastify hello-world measured in the same run.
import sharp from 'sharp';
import { sql } from 'kysely';
import { startServer } from '../test/support/server.js';
import { submitReport } from '../src/modules/reports/service.js';
import type { TenantSettings } from '../src/platform/db/tables.js';
import { bareServer, measure, residentMemory } from './load.mjs';

const COUNT = Number(process.env.BENCH_REPORTS ?? 200);
const CONCURRENCY = 8;

const bare = await bareServer();
const rathaus = await startServer();
const tenant = (
  await sql<{ id: string; settings: TenantSettings }>`select id, settings from tenant where slug = 'hennef'`.execute(rathaus.db)
).rows[0]!;
const photo = await sharp({ create: { width: 1200, height: 900, channels: 3, background: '#777' } })
  .jpeg({ quality: 85 })
  .withExif({ IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '50/1 46/1 33/1' } })
  .toBuffer();

await measure(bare.url);
const baseline = await measure(bare.url);

/** `count` reports, `CONCURRENCY` at a time, each with the given photos. */
async function submitMany(count: number, photos: Buffer[]) {
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < count) {
        const index = next++;
        const outcome = await submitReport(rathaus.db, {
          tenantId: tenant.id,
          geo: tenant.settings.geo,
          userId: null,
          lang: 'de',
          confirmed: true,
          answers: {},
          input: {
            category: 'schlagloch',
            description: `Schlagloch ${index}`,
            address: '',
            coordinates: `${(50.77 + (index % 50) * 0.0002).toFixed(5)}, 7.28`,
            name: '',
            email: '',
          },
          photos: photos.map((bytes) => ({ bytes, name: 'foto.jpg' })),
          files: { store: rathaus.deps.store },
        });
        if (!outcome.report) throw new Error(JSON.stringify(outcome.errors));
      }
    }),
  );
}

const started = performance.now();
const everyday = await residentMemory(() => submitMany(COUNT, [photo]));
const reportsPerSecond = COUNT / ((performance.now() - started) / 1000);
// Eight reports at once, each with three photos just under the 24-megapixel limit: memory stays bounded because only
// two photos are decoded at a time.
const nearLimit = await sharp({ create: { width: 5600, height: 4200, channels: 3, background: '#777' } })
  .png()
  .toBuffer();
const large = await residentMemory(() => submitMany(CONCURRENCY, [nearLimit, nearLimit, nearLimit]));

const geojsonUrl = `${rathaus.url}/maengelmelder/meldungen.geojson`;
const asBrowsers = { 'accept-encoding': 'gzip, deflate, br' };
await measure(geojsonUrl, 10, asBrowsers);
const geojson = await measure(geojsonUrl, 10, asBrowsers);

console.log(
  JSON.stringify({
    bench: 'reports',
    reports_in_map: COUNT,
    baseline_hello_world_rps: Math.round(baseline.rps),
    reports_with_photo_per_s: Math.round(reportsPerSecond),
    reports_ratio: Number((reportsPerSecond / baseline.rps).toFixed(4)),
    geojson_rps: Math.round(geojson.rps),
    geojson_p99_ms: geojson.p99,
    geojson_ratio: Number((geojson.rps / baseline.rps).toFixed(3)),
    rss_idle_mb: everyday.beforeMb,
    rss_peak_reports_mb: everyday.peakMb,
    rss_peak_24mp_photos_mb: large.peakMb,
    rss_after_mb: large.afterMb,
    rss_peak_24mp_over_idle: Number((large.peakMb / everyday.beforeMb).toFixed(2)),
  }),
);
await bare.close();
await rathaus.close();
