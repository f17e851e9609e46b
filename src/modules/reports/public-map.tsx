// The public map and list of reports (/maengelmelder/meldungen), filterable by category, status and time, with
// clustering on the map and the same reports as a list (the map's equivalent for screen readers and keyboards);
// the same selection as GeoJSON for other tools (kept for ten seconds). No personal data and no unmoderated text
// leave here.
import type { z } from 'zod';
import { routes } from '../../platform/http/route.js';
import { reportsPolicy } from './policy.js';
import { mapQuery } from './schema.js';
import { promisify } from 'node:util';
import { gzip as gzipCallback } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { sharedPage } from '../../platform/http/shared-page.js';
import type { Deps } from '../../platform/http/deps.js';
import { formatDate } from '../../platform/i18n/index.js';
import { MarkerMap } from '../../platform/geo/map.js';
import { Button, Form, KeysetPagination, SelectField, TableScroll } from '../../platform/ui/components.js';
import { Page } from '../../platform/ui/layout.js';
import { sendHtml } from '../../platform/ui/render.js';
import {
  findReportByNumber,
  listCategories,
  publicReports,
  REPORT_PAGES,
  SHARED_SECONDS,
  type CategoryRow,
  type PublicFilter,
} from './repo.js';
import { REPORT_STATUSES, type ReportStatus } from './tables.js';
import { reportsText } from './texts.js';
import { categoryLabel as name } from './categories.js';
import { publicPlace } from './place.js';

const BASE = '/maengelmelder';
const PERIODS = ['7', '30', '365', 'alle'] as const;
/** Reports per page of the list (and markers on the map without JavaScript); the live map loads up to 500. */
const LIST_PAGE = 100;
type Query = z.infer<typeof mapQuery>;

function readFilter(query: Query, categories: CategoryRow[]): PublicFilter {
  const chosen = categories.find((category) => category.code === query.kategorie);
  const days = PERIODS.includes(query.zeitraum as never) && query.zeitraum !== 'alle' ? Number(query.zeitraum) : undefined;
  return {
    categories: chosen
      ? categories
          .filter((category) => category.code === chosen.code || category.parent_code === chosen.code)
          .map((category) => category.code)
      : undefined,
    status: (REPORT_STATUSES as readonly string[]).includes(query.status ?? '') ? (query.status as ReportStatus) : undefined,
    since: days ? new Date(Date.now() - days * 86_400_000) : undefined,
  };
}

/**
 * The GeoJSON of a selection, kept for a few seconds: map clients poll it, and a report shows up soon enough. It is
 * compressed once when built (a map of a few hundred reports is about 100 KB, a fifth of that compressed).
 */
const GEOJSON_SECONDS = 10;
const gzip = promisify(gzipCallback);
type Geojson = { at: number; body: string; gzipped: Buffer };
const geojsonCache = new Map<string, Geojson>();

async function cachedGeojson(key: string, build: () => Promise<string>): Promise<Geojson> {
  const hit = geojsonCache.get(key);
  if (hit && Date.now() - hit.at < GEOJSON_SECONDS * 1000) return hit;
  const body = await build();
  const entry = { at: Date.now(), body, gzipped: await gzip(body) };
  if (geojsonCache.size > 200) geojsonCache.clear();
  geojsonCache.set(key, entry);
  return entry;
}

export function registerPublicMap(app: FastifyInstance, deps: Deps) {
  const route = routes(app, deps.db);
  route.get(`${BASE}/meldungen`, { access: reportsPolicy.report, query: mapQuery }, async ({ request, reply, query }) =>
    sendHtml(
      reply,
      sharedPage(request.ctx, REPORT_PAGES, request.url, SHARED_SECONDS, async (ctx) => {
        const t = reportsText(ctx.lang);
        const categories = await listCategories(deps.db, ctx.tenant.id);
        const after = query.vor ? await findReportByNumber(deps.db, ctx.tenant.id, query.vor) : undefined;
        const found = await publicReports(deps.db, ctx.tenant.id, { ...readFilter(query, categories), before: after }, LIST_PAGE + 1);
        const rows = found.slice(0, LIST_PAGE);
        const pageHref = (before?: string) => {
          const params = new URLSearchParams(
            Object.entries({ ...query, vor: before }).filter((entry): entry is [string, string] => !!entry[1]),
          );
          return `${BASE}/meldungen${params.size > 0 ? `?${params}` : ''}#liste`;
        };
        const place = (row: (typeof rows)[number]) => publicPlace(row, ctx.lang);
        return (
          <Page ctx={ctx} title={t('map.title')} crumbs={[{ label: t('title'), href: BASE }, { label: t('map.title') }]}>
            <h1 safe>{t('map.title')}</h1>
            <Form action={`${BASE}/meldungen`} csrf="" method="get">
              <SelectField
                name="kategorie"
                label={t('facts.category')}
                value={query.kategorie ?? ''}
                options={[
                  { value: '', label: t('filter.all') },
                  ...categories.map((category) => ({ value: category.code, label: name(categories, category.code, ctx.lang) })),
                ]}
              />
              <SelectField
                name="status"
                label={t('facts.status')}
                value={query.status ?? ''}
                options={[
                  { value: '', label: t('filter.all') },
                  ...REPORT_STATUSES.map((status) => ({ value: status, label: t(`status.${status}`) })),
                ]}
              />
              <SelectField
                name="zeitraum"
                label={t('filter.period')}
                value={query.zeitraum ?? 'alle'}
                options={PERIODS.map((period) => ({ value: period, label: t(`filter.period.${period}`) }))}
              />
              <Button label={t('filter.show')} kind="secondary" />
            </Form>
            <p>
              <a href={`${BASE}/meldungen.geojson${request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : ''}`} safe>
                {t('map.geojson')}
              </a>
            </p>
            <MarkerMap
              geo={ctx.tenant.settings.geo}
              label={t('map.label', { count: String(rows.length) })}
              clusterHref="#liste"
              clusterLabel={(count) => t('map.cluster', { count: String(count) })}
              live={{
                geojson: `${BASE}/meldungen.geojson${request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : ''}`,
                button: t('map.live'),
                tileUrl: deps.config.mapTileUrl,
                attribution: deps.config.mapTileUrl ? '© OpenStreetMap' : undefined,
              }}
              markers={rows.map((row) => ({
                lat: row.lat,
                lng: row.lng,
                href: `${BASE}/meldung/${row.id}`,
                label: `${row.number}: ${name(categories, row.category_code, ctx.lang)}, ${place(row)}, ${t(`status.${row.status}`)}`,
              }))}
            />
            <h2 id="liste" safe>
              {t('map.list')}
            </h2>
            {rows.length === 0 ? (
              <p safe>{t('none')}</p>
            ) : (
              <TableScroll label={t('map.list')}>
                <table>
                  <caption safe>{t('map.list')}</caption>
                  <thead>
                    <tr>
                      {[t('col.number'), t('col.category'), t('col.place'), t('col.status'), t('col.date'), t('facts.supporters')].map(
                        (head) => (
                          <th scope="col" safe>
                            {head}
                          </th>
                        ),
                      )}
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map((row) => (
                      <tr>
                        <td>
                          <a href={`${BASE}/meldung/${row.id}`} safe>
                            {row.number}
                          </a>
                        </td>
                        <td safe>{name(categories, row.category_code, ctx.lang)}</td>
                        <td safe>{place(row)}</td>
                        <td safe>{t(`status.${row.status}`)}</td>
                        <td safe>{formatDate(ctx.lang, row.created_at)}</td>
                        <td safe>{String(row.supporters)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroll>
            )}
            <KeysetPagination
              t={ctx.t}
              newest={after ? pageHref() : undefined}
              older={found.length > LIST_PAGE ? pageHref(rows.at(-1)!.number) : undefined}
            />
          </Page>
        );
      }),
    ),
  );

  route.get(`${BASE}/meldungen.geojson`, { access: reportsPolicy.report, query: mapQuery }, async ({ request, reply, query }) => {
    const { ctx } = request;
    const geojson = await cachedGeojson(
      `${ctx.tenant.id}:${query.kategorie ?? ''}:${query.status ?? ''}:${query.zeitraum ?? ''}`,
      async () => {
        const categories = await listCategories(deps.db, ctx.tenant.id);
        const rows = await publicReports(deps.db, ctx.tenant.id, readFilter(query, categories));
        return JSON.stringify({
          type: 'FeatureCollection',
          features: rows.map((row) => ({
            type: 'Feature',
            id: row.number,
            geometry: { type: 'Point', coordinates: [Number(row.lng.toFixed(6)), Number(row.lat.toFixed(6))] },
            properties: {
              number: row.number,
              category: row.category_code,
              categoryName: name(categories, row.category_code, 'de'),
              status: row.status,
              statusName: reportsText('de')(`status.${row.status}`),
              address: row.address,
              addressApproximate: row.address_approximate,
              description: row.public_description,
              answer: row.public_answer,
              supporters: row.supporters,
              reportedAt: row.created_at.toISOString(),
              updatedAt: row.updated_at.toISOString(),
              url: `${deps.baseUrl}${BASE}/meldung/${row.id}`,
            },
          })),
        });
      },
    );
    reply
      .type('application/geo+json; charset=utf-8')
      .header('cache-control', `public, max-age=${GEOJSON_SECONDS}`)
      .header('vary', 'accept-encoding');
    if (!/\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''))) return reply.send(geojson.body);
    return reply.header('content-encoding', 'gzip').send(geojson.gzipped);
  });
}
