// The citizen's account lists the reports they made while logged in, with their current state.
import type { RequestContext } from '../../platform/http/context.js';
import type { Deps } from '../../platform/http/deps.js';
import { formatDate } from '../../platform/i18n/index.js';
import { listCategories, reportsOfUser } from './repo.js';
import { reportsText } from './texts.js';
import { categoryLabel } from './categories.js';

export async function reportsAccountSection(deps: Deps, ctx: RequestContext & { actor: { userId: string } }): Promise<string> {
  const t = reportsText(ctx.lang);
  const [rows, categories] = await Promise.all([
    reportsOfUser(deps.db, ctx.tenant.id, ctx.actor.userId),
    listCategories(deps.db, ctx.tenant.id),
  ]);
  const name = (code: string) => categoryLabel(categories, code, ctx.lang);
  return (
    <section>
      <h2 safe>{t('account.title')}</h2>
      {rows.length === 0 ? (
        <p>
          <span safe>{t('account.none')}</span>{' '}
          <a href="/maengelmelder" safe>
            {t('title')}
          </a>
        </p>
      ) : (
        <ul>
          {rows.map((row) => (
            <li>
              <a href={`/maengelmelder/meldung/${row.id}`} safe>{`${row.number} · ${name(row.category_code)}`}</a>{' '}
              <span safe>{`(${formatDate(ctx.lang, row.created_at)}, ${t(`status.${row.status}`)})`}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  ) as string;
}
