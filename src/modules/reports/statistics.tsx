// Figures for unit leads (/bo/meldungen/statistik): reports of the last twelve months per category, per month and
// per locality (the nearest village), and the median days from report to closing per category.
import type { FastifyInstance } from 'fastify';
import { routes } from '../../platform/http/route.js';
import { reportsPolicy } from './policy.js';
import type { Deps } from '../../platform/http/deps.js';
import { DataTable } from '../../platform/ui/components.js';
import { Page } from '../../platform/ui/layout.js';
import { sendHtml } from '../../platform/ui/render.js';
import { firstClosings } from '../cases/index.js';
import { listCategories, reportsSince } from './repo.js';
import { reportsText } from './texts.js';
import { categoryLabel } from './categories.js';

const berlinMonth = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit' });

/** The place nearest to a point (flat distances are fine within a town). */
function nearest<P extends { lat: number; lng: number }>(places: P[], point: { lat: number; lng: number }): P | undefined {
  let best: P | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const place of places) {
    const distance = (place.lat - point.lat) ** 2 + (place.lng - point.lng) ** 2;
    if (distance < bestDistance) [best, bestDistance] = [place, distance];
  }
  return best;
}

function countBy<T>(items: T[], key: (item: T) => string): [string, number][] {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1]);
}

function median(values: number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export function registerReportStatistics(app: FastifyInstance, deps: Deps) {
  routes(app, deps.db).get('/bo/meldungen/statistik', { access: reportsPolicy.readStatistics }, async ({ request, reply }) => {
    const { ctx } = request;
    const t = reportsText(ctx.lang);
    const since = new Date(Date.now() - 365 * 86_400_000);
    const [rows, categories, closings] = await Promise.all([
      reportsSince(deps.db, ctx.tenant.id, since),
      listCategories(deps.db, ctx.tenant.id),
      firstClosings(deps.db, ctx.tenant.id, 'report', since),
    ]);
    const name = (code: string) => categoryLabel(categories, code, ctx.lang);
    const localities = ctx.tenant.settings.geo?.localities ?? [];
    const locality = (row: { lat: number; lng: number }) => nearest(localities, row)?.name ?? '–';
    const month = (date: Date) => berlinMonth.format(date);
    const days = (value: number | undefined) =>
      value === undefined ? '–' : value.toLocaleString(ctx.lang === 'de' ? 'de-DE' : 'en-GB', { maximumFractionDigits: 1 });
    // One pass over the year's reports: the days to closing, per category.
    const durations = new Map<string, number[]>();
    for (const row of rows) {
      const closed = closings.get(row.id);
      const list = durations.get(row.category_code) ?? [];
      if (closed) list.push((closed.getTime() - row.created_at.getTime()) / 86_400_000);
      durations.set(row.category_code, list);
    }
    const resolution = [...durations].map(([code, list]) => [name(code), days(median(list)), String(list.length)]);
    return sendHtml(
      reply,
      <Page ctx={ctx} title={t('stats.title')} crumbs={[{ label: ctx.t('site.backoffice'), href: '/bo' }, { label: t('stats.title') }]}>
        <h1 safe>{t('stats.title')}</h1>
        <p safe>{t('stats.intro', { count: String(rows.length) })}</p>
        <DataTable
          caption={t('stats.byCategory')}
          head={[t('facts.category'), t('stats.count')]}
          empty={t('none')}
          rows={countBy(rows, (row) => name(row.category_code)).map(([label, count]) => [label, String(count)])}
        />
        <DataTable
          caption={t('stats.byMonth')}
          head={[t('stats.month'), t('stats.count')]}
          empty={t('none')}
          rows={countBy(rows, (row) => month(row.created_at))
            .sort((a, b) => a[0].localeCompare(b[0]))
            .map(([label, count]) => [label, String(count)])}
        />
        <DataTable
          caption={t('stats.byLocality')}
          head={[t('stats.locality'), t('stats.count')]}
          empty={t('none')}
          rows={countBy(rows, locality).map(([label, count]) => [label, String(count)])}
        />
        <DataTable
          caption={t('stats.resolution')}
          head={[t('facts.category'), t('stats.medianDays'), t('stats.closed')]}
          empty={t('none')}
          rows={resolution}
        />
      </Page>,
    );
  });
}
