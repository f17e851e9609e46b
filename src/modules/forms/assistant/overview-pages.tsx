// The citizen's overview: all online services and the applications they started (/online), and the
// "my applications" section of their account page.
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../../platform/http/deps.js';
import type { RequestContext } from '../../../platform/http/context.js';
import { formatDateTime } from '../../../platform/i18n/index.js';
import { Card } from '../../../platform/ui/components.js';
import { Page } from '../../../platform/ui/layout.js';
import { sendHtml } from '../../../platform/ui/render.js';
import { sharedPage } from '../../../platform/http/shared-page.js';
import type { ServiceDefinition } from '../definition.js';
import type { ServiceLibrary } from '../library/library.js';
import { listDraftsOf, listSubmissionsOf } from '../repo.js';
import { formsText } from '../texts.js';
import { routes } from '../../../platform/http/route.js';
import { formsPolicy } from '../policy.js';

export function registerOverviewPages(app: FastifyInstance, deps: Deps, library: ServiceLibrary) {
  const { db } = deps;

  routes(app, deps.db).get('/online', { access: formsPolicy.apply }, async ({ request, reply }) => {
    const { ctx } = request;
    const drafts = ctx.actor.kind === 'citizen' ? await listDraftsOf(db, ctx.tenant.id, ctx.actor.userId) : [];
    // Visitors without an account all see the same list: shared for a few seconds (a newly published service
    // appears within them).
    return sendHtml(
      reply,
      sharedPage(ctx, 'online-services', request.url, 10, (shared) => <Overview ctx={shared} drafts={drafts} />),
    );
  });

  function Overview({ ctx, drafts }: { ctx: RequestContext; drafts: Drafts }) {
    const t = formsText(ctx.lang);
    const definitions = library.active(ctx.tenant.id);
    const title = t('overview.title');
    return (
      <Page ctx={ctx} title={title}>
        <h1 safe>{title}</h1>
        <DraftList ctx={ctx} drafts={drafts} definitions={definitions} />
        <ul class="cards">
          {[...definitions.values()].map((definition) => (
            <Card title={definition.title[ctx.lang]} href={`/online/${definition.id}`} level={2} />
          ))}
        </ul>
      </Page>
    );
  }
}

type Drafts = Awaited<ReturnType<typeof listDraftsOf>>;

function DraftList({ ctx, drafts, definitions }: { ctx: RequestContext; drafts: Drafts; definitions: Map<string, ServiceDefinition> }) {
  const t = formsText(ctx.lang);
  if (drafts.length === 0) return '';
  return (
    <section>
      <h2 safe>{t('account.drafts')}</h2>
      <ul>
        {drafts.map((draft) => {
          const definition = definitions.get(draft.service);
          return definition ? (
            <li>
              <a href={`/online/${draft.service}/${draft.id}/${definition.steps[0]!.id}`} safe>
                {t('account.continue', { service: definition.title[ctx.lang] })}
              </a>{' '}
              <span safe>{`(${t('account.until', { date: formatDateTime(ctx.lang, draft.expires_at) })})`}</span>
            </li>
          ) : (
            ''
          );
        })}
      </ul>
    </section>
  );
}

/** On /konto: drafts to continue and submitted applications with their receipts. */
export async function accountSection(
  deps: Deps,
  ctx: RequestContext & { actor: { userId: string } },
  library: ServiceLibrary,
): Promise<string> {
  const t = formsText(ctx.lang);
  const definitions = library.active(ctx.tenant.id);
  const [drafts, submitted] = await Promise.all([
    listDraftsOf(deps.db, ctx.tenant.id, ctx.actor.userId),
    listSubmissionsOf(deps.db, ctx.tenant.id, ctx.actor.userId),
  ]);
  return (
    <>
      <DraftList ctx={ctx} drafts={drafts} definitions={definitions} />
      <section>
        <h2 safe>{t('account.submitted')}</h2>
        {submitted.length === 0 ? (
          <p safe>{t('account.noneSubmitted')}</p>
        ) : (
          <ul>
            {submitted.map((row) => (
              <li>
                <a
                  href={`/online/${row.service}/eingang/${row.id}`}
                  safe
                >{`${definitions.get(row.service)?.title[ctx.lang] ?? row.service} · ${row.number}`}</a>{' '}
                <span
                  safe
                >{`(${t('account.submittedAt', { date: formatDateTime(ctx.lang, row.submitted_at) })} · ${t('account.status')}: ${t(`status.${row.status}`)})`}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  ) as string;
}
