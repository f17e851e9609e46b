// The unit lead's dashboard (/bo/vorgaenge/uebersicht): open cases by state and age, throughput per week,
// median processing time per service, the overdue list and the workload per clerk, for the lead's units.
import type { FastifyInstance } from 'fastify';
import { routes } from '../../platform/http/route.js';
import { casesPolicy } from './policy.js';
import { visibleUnits } from '../../platform/auth/unit-scope.js';
import { listRoleHolders } from '../../platform/auth/users-repo.js';
import type { Deps } from '../../platform/http/deps.js';
import { formatDate } from '../../platform/i18n/index.js';
import { DataTable } from '../../platform/ui/components.js';
import { Page } from '../../platform/ui/layout.js';
import { sendHtml } from '../../platform/ui/render.js';
import { dashboardFigures } from './repo.js';
import { casesText } from './texts.js';
import { stateLabels } from './access.js';

export function registerDashboard(app: FastifyInstance, deps: Deps) {
  routes(app, deps.db).get('/bo/vorgaenge/uebersicht', { access: casesPolicy.overview }, async ({ request, reply }) => {
    const { ctx } = request;
    const t = casesText(ctx.lang);
    const units = await visibleUnits(deps.db, ctx);
    const [figures, clerks] = await Promise.all([
      dashboardFigures(deps.db, ctx.tenant.id, units),
      listRoleHolders(deps.db, ctx.tenant.id, 'clerk'),
    ]);
    const names = new Map(clerks.map((clerk) => [clerk.id, clerk.display_name]));
    const label = await stateLabels(deps.db, figures.open, ctx.lang);
    const days = (value: number | null) =>
      value === null ? '–' : value.toLocaleString(ctx.lang === 'de' ? 'de-DE' : 'en-GB', { maximumFractionDigits: 1 });
    return sendHtml(
      reply,
      <Page
        ctx={ctx}
        title={t('dash.title')}
        crumbs={[
          { label: ctx.t('site.backoffice'), href: '/bo' },
          { label: t('title'), href: '/bo/vorgaenge' },
          { label: t('dash.title') },
        ]}
      >
        <h1 safe>{t('dash.title')}</h1>
        <DataTable
          caption={t('dash.open')}
          head={[t('col.status'), t('dash.count'), t('dash.age')]}
          empty={t('none')}
          rows={figures.open.map((row) => [label(row), String(row.count), days(row.average_age_days)])}
        />
        <DataTable
          caption={t('dash.throughput')}
          head={[t('dash.week'), t('dash.received'), t('dash.finished')]}
          empty={t('none')}
          rows={figures.weeks.map((row) => [row.week, String(row.received), String(row.finished)])}
        />
        <DataTable
          caption={t('dash.median')}
          head={[t('filter.service'), t('dash.medianDays'), t('dash.finished')]}
          empty={t('none')}
          rows={figures.medians.map((row) => [row.title, days(row.median_days), String(row.finished)])}
        />
        <DataTable
          caption={t('view.overdue')}
          head={[t('col.number'), t('col.title'), t('col.due')]}
          empty={t('none')}
          rows={figures.overdue.map((row) => [row.number, row.title, formatDate(ctx.lang, row.due_at)])}
        />
        <DataTable
          caption={t('dash.workload')}
          head={[t('col.assignee'), t('dash.count'), t('view.overdue')]}
          empty={t('none')}
          rows={figures.workload.map((row) => [
            row.assignee_id ? (names.get(row.assignee_id) ?? '–') : t('unassigned'),
            String(row.count),
            String(row.overdue),
          ])}
        />
      </Page>,
    );
  });
}
