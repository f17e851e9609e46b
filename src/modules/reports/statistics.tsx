// Figures for unit leads (/bo/meldungen/statistik): reports of the last twelve months per category, per month and
// per locality (the nearest village), and the median days from report to closing per category.
import type { FastifyInstance } from 'fastify';
import { routes } from '../../platform/http/route.js';
import { reportsPolicy } from './policy.js';
import type { Deps } from '../../platform/http/deps.js';
import { DataTable } from '../../platform/ui/components.js';
import { formatNumber } from '../../platform/i18n/index.js';
import { Page } from '../../platform/ui/layout.js';
import { sendHtml } from '../../platform/ui/render.js';
import { listCategories, reportFigures } from './repo.js';
import { reportsText } from './texts.js';
import { categoryLabel } from './categories.js';

export function registerReportStatistics(app: FastifyInstance, deps: Deps) {
  routes(app, deps.db).get('/bo/meldungen/statistik', { access: reportsPolicy.readStatistics }, async ({ request, reply }) => {
    const { ctx } = request;
    const t = reportsText(ctx.lang);
    const since = new Date(Date.now() - 365 * 86_400_000);
    const [figures, categories] = await Promise.all([reportFigures(deps.db, ctx.tenant.id, since), listCategories(deps.db, ctx.tenant.id)]);
    const name = (code: string) => categoryLabel(categories, code, ctx.lang);
    const number = (value: number) => formatNumber(ctx.lang, value);
    const days = (value: number | null) =>
      value === null ? '–' : value.toLocaleString(ctx.lang === 'de' ? 'de-DE' : 'en-GB', { maximumFractionDigits: 1 });
    const total = figures.categories.reduce((sum, row) => sum + row.count, 0);
    return sendHtml(
      reply,
      <Page ctx={ctx} title={t('stats.title')} crumbs={[{ label: ctx.t('site.backoffice'), href: '/bo' }, { label: t('stats.title') }]}>
        <h1 safe>{t('stats.title')}</h1>
        <p safe>{t('stats.intro', { count: String(total) })}</p>
        <DataTable
          caption={t('stats.byCategory')}
          head={[t('facts.category'), t('stats.count')]}
          empty={t('none')}
          rows={figures.categories.map((row) => [name(row.category_code), number(row.count)])}
        />
        <DataTable
          caption={t('stats.byMonth')}
          head={[t('stats.month'), t('stats.count')]}
          empty={t('none')}
          rows={figures.months.map((row) => [row.month, number(row.count)])}
        />
        <DataTable
          caption={t('stats.byLocality')}
          head={[t('stats.locality'), t('stats.count')]}
          empty={t('none')}
          rows={figures.places.map((row) => [row.name, number(row.count)])}
        />
        <DataTable
          caption={t('stats.resolution')}
          head={[t('facts.category'), t('stats.medianDays'), t('stats.closed')]}
          empty={t('none')}
          rows={figures.categories.map((row) => [name(row.category_code), days(row.median_days), number(row.closed)])}
        />
      </Page>,
    );
  });
}
