// The freshness overview for editors, unit leads and the CDO: share of current entries, overdue by unit, the to-do list.
import type { FastifyInstance } from 'fastify';
import { listUnits } from '../../platform/auth/users-repo.js';
import type { RequestContext } from '../../platform/http/context.js';
import type { Deps } from '../../platform/http/deps.js';
import { Page } from '../../platform/ui/layout.js';
import { sendHtml } from '../../platform/ui/render.js';
import { byUnit, freshnessReport, type FreshnessItem, type UnitFreshness } from './freshness.js';
import { problemText } from './freshness-job.js';
import { catalogPolicy } from './policy.js';
import { routes } from '../../platform/http/route.js';
import { catalogText, type CatalogTranslate } from './texts.js';

type Props = {
  ctx: RequestContext;
  t: CatalogTranslate;
  total: number;
  items: FreshnessItem[];
  units: UnitFreshness[];
  unitNames: Map<string, string>;
};

function FreshnessView({ ctx, t, total, items, units, unitNames }: Props) {
  const current = total - items.length;
  const share = total === 0 ? 100 : Math.round((current / total) * 100);
  return (
    <Page
      ctx={ctx}
      title={t('fresh.title')}
      crumbs={[
        { label: ctx.t('site.backoffice'), href: '/bo' },
        { label: t('bo.title'), href: '/bo/katalog' },
        { label: t('fresh.title') },
      ]}
    >
      <h1 safe>{t('fresh.title')}</h1>
      <p class="lead" safe>
        {t('fresh.share', { share, current, total })}
      </p>
      <h2 safe>{t('fresh.byUnit')}</h2>
      <div class="table-scroll" role="region" aria-label={t('fresh.byUnit')} tabindex="0">
        <table>
          <caption class="visually-hidden" safe>
            {t('fresh.byUnit')}
          </caption>
          <thead>
            <tr>
              <th scope="col" safe>
                {t('fresh.unit')}
              </th>
              <th scope="col" safe>
                {t('fresh.total')}
              </th>
              <th scope="col" safe>
                {t('fresh.overdue')}
              </th>
              <th scope="col" safe>
                {t('fresh.problems')}
              </th>
            </tr>
          </thead>
          <tbody>
            {units.map((row) => (
              <tr>
                <th scope="row" safe>
                  {unitNames.get(row.unitId) ?? '–'}
                </th>
                <td safe>{String(row.total)}</td>
                <td safe>{String(row.overdue)}</td>
                <td safe>{String(row.problems)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2 safe>{t('fresh.list')}</h2>
      {items.length === 0 ? (
        <p safe>{t('fresh.none')}</p>
      ) : (
        <ul>
          {items.map((item) => (
            <li>
              <a href={`/bo/katalog/${item.entry.id}`} safe>
                {item.entry.name}
              </a>
              <span safe>{`: ${item.problems.map((problem) => problemText(problem, t, ctx.lang)).join('; ')}`}</span>
            </li>
          ))}
        </ul>
      )}
    </Page>
  );
}

export function registerFreshnessPage(app: FastifyInstance, deps: Deps) {
  const route = routes(app, deps.db);
  route.get('/bo/katalog/aktualitaet', { access: catalogPolicy.work }, async ({ request, reply }) => {
    const { ctx } = request;
    const [{ entries, items }, units] = await Promise.all([
      freshnessReport(deps.db, ctx.tenant.id, new Date(), { checkLinks: false }),
      listUnits(deps.db, ctx.tenant.id),
    ]);
    const unitNames = new Map(units.map((unit) => [unit.id, unit.name]));
    return sendHtml(
      reply,
      <FreshnessView
        ctx={ctx}
        t={catalogText(ctx.lang)}
        total={entries.length}
        items={items}
        units={byUnit(entries, items)}
        unitNames={unitNames}
      />,
    );
  });
}
