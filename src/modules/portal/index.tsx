// The portal module: the tenant's home page, with an entry point for every module the tenant has enabled.
import { portalPolicy } from './policy.js';
import { homeQuery } from './schema.js';
import { jsonLdText, townJsonLd } from '../../platform/ui/structured-data.js';
import { routes } from '../../platform/http/route.js';
import type { FastifyInstance } from 'fastify';
import type { Module } from '../../platform/module.js';
import type { RequestContext } from '../../platform/http/context.js';
import { sharedPage } from '../../platform/http/shared-page.js';
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
// shared for as long as the tenant record is (the resolver reloads it every 30 seconds).
const homePageHtml = (ctx: RequestContext, url: string, baseUrl: string) =>
  sharedPage(ctx, 'home', url, 30, (shared) => <HomePage ctx={shared} baseUrl={baseUrl} />);

export const portal: Module = {
  name: 'portal',
  policy: portalPolicy,
  register(app: FastifyInstance, deps) {
    routes(app, deps.db).get('/', { access: portalPolicy.read, query: homeQuery }, async ({ request, reply }) =>
      sendHtml(reply, homePageHtml(request.ctx, request.url, deps.baseUrl)),
    );
  },
};
