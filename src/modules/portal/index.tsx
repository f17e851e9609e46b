// The portal module: the tenant's home page, with an entry point for every module the tenant has enabled.
import { portalPolicy } from './policy.js';
import { homeQuery } from './schema.js';
import { jsonLdText, townJsonLd } from '../../platform/ui/structured-data.js';
import { routes } from '../../platform/http/route.js';
import type { FastifyInstance } from 'fastify';
import type { Module } from '../../platform/module.js';
import { isSharedView, type RequestContext, type Tenant } from '../../platform/http/context.js';
import type { Lang } from '../../platform/i18n/index.js';
import { Alert, Card } from '../../platform/ui/components.js';
import { Page } from '../../platform/ui/layout.js';
import { sendHtml } from '../../platform/ui/render.js';

function HomePage({ ctx, baseUrl }: { ctx: RequestContext; baseUrl: string }) {
  const t = ctx.t;
  const enabled = ctx.tenant.settings.modules;
  const entries = ctx.nav.filter((item) => !item.access && (!enabled || enabled.some((name) => item.href.startsWith(`/${name}`))));
  return (
    <Page ctx={ctx} title={t('home.title')}>
      <script type="application/ld+json">
        {jsonLdText(townJsonLd({ name: ctx.tenant.name, contact: ctx.tenant.settings.contact }, baseUrl))}
      </script>
      <h1 safe>{t('home.title')}</h1>
      <p class="lead" safe>
        {t('home.lead', { town: ctx.tenant.name })}
      </p>
      <h2 safe>{t('home.services')}</h2>
      {entries.length > 0 ? (
        <ul class="cards">
          {entries.map((item) => (
            <Card title={item.label[ctx.lang]} href={item.href} description={item.description?.[ctx.lang]} />
          ))}
        </ul>
      ) : (
        <p safe>{t('home.noModules')}</p>
      )}
      {ctx.actor.kind === 'anonymous' && (
        <Alert kind="info">
          <p>
            <span safe>{t('home.loginHint')}</span>{' '}
            <a href="/konto" safe>
              {t('site.login')}
            </a>
          </p>
        </Alert>
      )}
    </Page>
  );
}

// The home page is the most visited page and the same for every anonymous visitor of a tenant in one language:
// it is rendered once per tenant record, so a changed tenant (the resolver reloads it) renders afresh.
const anonymousHome = new WeakMap<Tenant, Partial<Record<Lang, string>>>();

async function homePageHtml(ctx: RequestContext, baseUrl: string): Promise<string> {
  if (!isSharedView(ctx)) return <HomePage ctx={ctx} baseUrl={baseUrl} />;
  const rendered = anonymousHome.get(ctx.tenant) ?? {};
  anonymousHome.set(ctx.tenant, rendered);
  return (rendered[ctx.lang] ??= await (<HomePage ctx={ctx} baseUrl={baseUrl} />));
}

export const portal: Module = {
  name: 'portal',
  policy: portalPolicy,
  register(app: FastifyInstance, deps) {
    routes(app, deps.db).get('/', { access: portalPolicy.read, query: homeQuery }, async ({ request, reply }) =>
      sendHtml(reply, homePageHtml(request.ctx, deps.baseUrl)),
    );
  },
};
