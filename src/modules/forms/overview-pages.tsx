// Overviews: the citizen's list of online services and their drafts (/online); staff see the submissions of
// their units and the usage statistics (/bo/antraege) until the back office takes over.
import type { FastifyInstance } from 'fastify';
import { listUnits, membershipsOf } from '../../platform/auth/users-repo.js';
import type { Deps } from '../../platform/http/deps.js';
import { formatDateTime } from '../../platform/i18n/index.js';
import { Card, DataTable } from '../../platform/ui/components.js';
import { Page } from '../../platform/ui/layout.js';
import { sendHtml } from '../../platform/ui/render.js';
import type { ServiceDefinition } from './definition.js';
import { listDraftsOf, listSubmissionsForUnits, usageTotals } from './repo.js';
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

  app.get('/bo/antraege', { config: { access: ['clerk', 'unit_lead', 'cdo', 'tenant_admin', 'platform_admin'] } }, async (request, reply) => {
    const { ctx } = request;
    const t = formsText(ctx.lang);
    const [units, memberships] = await Promise.all([listUnits(db, ctx.tenant.id), ctx.actor.kind === 'staff' ? membershipsOf(db, ctx.tenant.id, ctx.actor.userId) : []]);
    const admin = ctx.actor.kind === 'staff' && (ctx.actor.roles.has('tenant_admin') || ctx.actor.roles.has('cdo'));
    const own = new Set(memberships.map((membership) => membership.unit_id));
    const shortNames = units.filter((unit) => admin || own.has(unit.id) || (unit.parent_id && own.has(unit.parent_id))).map((unit) => unit.short_name ?? unit.name);
    const [submissions, usage] = await Promise.all([listSubmissionsForUnits(db, ctx.tenant.id, shortNames), usageTotals(db, ctx.tenant.id)]);
    const name = (service: string) => definitions.get(service)?.title[ctx.lang] ?? service;
    return sendHtml(reply, (
      <Page ctx={ctx} title={t('bo.title')} crumbs={[{ label: ctx.t('site.backoffice'), href: '/bo' }, { label: t('bo.title') }]}>
        <h1 safe>{t('bo.title')}</h1>
        <DataTable caption={t('bo.title')} head={[t('bo.number'), t('bo.service'), t('bo.date'), t('bo.level')]} empty={t('bo.none')}
          rows={submissions.map((row) => [row.number, name(row.service), formatDateTime(ctx.lang, row.submitted_at), row.trust_level ?? '–'])} />
        <h2 safe>{t('bo.usage')}</h2>
        <DataTable caption={t('bo.usage')} head={[t('bo.service'), t('bo.opened'), t('bo.started'), t('bo.submitted'), t('bo.paid')]} empty="–"
          rows={usage.map((row) => [name(row.service), String(row.opened), String(row.started), String(row.submitted), String(row.paid)])} />
      </Page>
    ));
  });
}
