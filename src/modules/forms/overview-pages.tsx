// The citizen's overview: all online services and the applications they started (/online).
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../platform/http/deps.js';
import { formatDateTime } from '../../platform/i18n/index.js';
import { Card } from '../../platform/ui/components.js';
import { Page } from '../../platform/ui/layout.js';
import { sendHtml } from '../../platform/ui/render.js';
import type { ServiceDefinition } from './definition.js';
import { listDraftsOf } from './repo.js';
import { formsText } from './texts.js';

export function registerOverviewPages(app: FastifyInstance, deps: Deps, definitions: Map<string, ServiceDefinition>) {
  const { db } = deps;

  app.get('/online', { config: { access: 'public' } }, async (request, reply) => {
    const { ctx } = request;
    const t = formsText(ctx.lang);
    const drafts = ctx.actor.kind === 'citizen' ? await listDraftsOf(db, ctx.tenant.id, ctx.actor.userId) : [];
    const title = t('overview.title');
    return sendHtml(reply, (
      <Page ctx={ctx} title={title}>
        <h1 safe>{title}</h1>
        {drafts.length > 0 && (
          <section>
            <h2 safe>{t('account.drafts')}</h2>
            <ul>
              {drafts.map((draft) => {
                const definition = definitions.get(draft.service);
                return definition ? <li><a href={`/online/${draft.service}/${draft.id}/${definition.steps[0]!.id}`} safe>{t('account.continue', { service: definition.title[ctx.lang] })}</a> <span safe>{`(${t('account.until', { date: formatDateTime(ctx.lang, draft.expires_at) })})`}</span></li> : '';
              })}
            </ul>
          </section>
        )}
        <ul class="cards">
          {[...definitions.values()].map((definition) => <Card title={definition.title[ctx.lang]} href={`/online/${definition.id}`} level={2} />)}
        </ul>
      </Page>
    ));
  });
}
