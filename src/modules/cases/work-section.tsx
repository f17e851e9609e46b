// The cases part of the back office's start page: the clerk's own open cases and what needs attention in their
// units (new, due soon, overdue, answered by the citizen); for leads, the figures of their units.
import type { Db } from '../../platform/db/database.js';
import { visibleUnits } from '../../platform/auth/unit-scope.js';
import { isAllowed } from '../../platform/http/routes.js';
import type { RequestContext } from '../../platform/http/context.js';
import { formatDate } from '../../platform/i18n/index.js';
import { DataTable } from '../../platform/ui/components.js';
import { stateLabels } from './access.js';
import { casesPolicy } from './policy.js';
import { CASES, casePath, inboxPath } from './paths.js';
import { answeredCases, inboxCounts, listInbox, unitFigures } from './repo.js';
import { casesText } from './texts.js';

const NEXT_CASES = 5;

export async function casesWorkSection(db: Db, ctx: RequestContext & { actor: { kind: 'staff'; userId: string } }): Promise<string> {
  if (!isAllowed(casesPolicy.process, ctx)) return '';
  const t = casesText(ctx.lang);
  const units = await visibleUnits(db, ctx);
  const lead = isAllowed(casesPolicy.overview, ctx);
  const [counts, mine, answered, figures] = await Promise.all([
    inboxCounts(db, ctx.tenant.id, units, ctx.actor.userId),
    listInbox(db, { tenantId: ctx.tenant.id, units, userId: ctx.actor.userId, view: 'mine', sort: 'due' }),
    answeredCases(db, ctx.tenant.id, ctx.actor.userId),
    lead ? unitFigures(db, ctx.tenant.id, units) : Promise.resolve([]),
  ]);
  const label = await stateLabels(db, mine, ctx.lang);
  const tiles = [
    { text: t('home.mine'), count: counts.mine, href: inboxPath('mine') },
    { text: t('home.answered'), count: answered.length, href: inboxPath('mine') },
    { text: t('home.new'), count: counts.new, href: inboxPath('new') },
    { text: t('home.due'), count: counts.due, href: inboxPath('due') },
    { text: t('home.overdue'), count: counts.overdue, href: inboxPath('overdue') },
  ];
  return (
    <section aria-labelledby="home-cases">
      <h2 id="home-cases" safe>
        {t('home.title')}
      </h2>
      <ul class="figures">
        {tiles.map((tile) => (
          <li>
            <a href={tile.href}>
              <strong safe>{String(tile.count)}</strong> <span safe>{tile.text}</span>
            </a>
          </li>
        ))}
      </ul>
      {mine.length === 0 ? (
        <p safe>{t('home.nothing')}</p>
      ) : (
        <>
          <h3 safe>{t('home.next')}</h3>
          <ul>
            {mine.slice(0, NEXT_CASES).map((row) => (
              <li>
                <a href={casePath(row.id)} safe>{`${row.number}: ${row.title}`}</a>{' '}
                <span safe>{`– ${label(row)}, ${t('col.due')} ${formatDate(ctx.lang, row.due_at)}`}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      {lead && figures.length > 0 && (
        <>
          <h3 safe>{t('home.units')}</h3>
          <DataTable
            caption={t('home.units')}
            head={[t('home.col.unit'), t('home.col.open'), t('home.col.overdue'), t('home.col.finished')]}
            rows={figures.map((row) => [row.unit, String(row.open), String(row.overdue), String(row.finished)])}
            empty=""
          />
          <p>
            <a href={`${CASES}/uebersicht`} safe>
              {t('home.dashboard')}
            </a>
          </p>
        </>
      )}
    </section>
  ) as string;
}
