// Citizen routes of the catalog: overview, search (with suggestions as JSON), lists, service and office pages.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Deps } from '../../platform/http/deps.js';
import { sharedPage } from '../../platform/http/shared-page.js';
import { NotFound } from '../../platform/http/errors.js';
import { sendHtml } from '../../platform/ui/render.js';
import { BUSINESS_SITUATIONS, LIFE_SITUATIONS } from './constants.js';
import { onlineServiceFor } from './online-services.js';
import { openState } from './opening-hours.js';
import { localize, serviceLinks } from './present.js';
import { governmentOfficeJsonLd, governmentServiceJsonLd, jsonLdText } from './structured-data.js';
import { findEntryBySlug, listPublished, listPublishedBySlugs, listServiceNames } from './repo.js';
import {
  letterQuery,
  printQuery,
  searchQuery,
  situationParams,
  slugParams,
  type ContactContent,
  type OfficeContent,
  type ServiceContent,
} from './schema.js';
import { catalogPolicy } from './policy.js';
import { routes } from '../../platform/http/route.js';
import { searchServices } from './search.js';
import { CATALOG_PAGES } from './search-cache.js';
import { catalogText, type CatalogTranslate } from './texts.js';
import { OfficePageView } from './views/office-page.js';
import { CatalogHomeView, LetterNav, OfficesView, SearchView, ServiceListView } from './views/public.js';
import { ServicePageView, type ResolvedResponsibility } from './views/service-page.js';

const access = catalogPolicy.read;

/** The content's own online service, or the one a module of this installation runs for the entry. */
function withOnlineService<T extends ServiceContent>(deps: Deps, service: T, tenantId: string, slug: string): T {
  const path = onlineServiceFor(deps, tenantId, slug);
  return service.onlineService || !path ? service : { ...service, onlineService: { url: path } };
}

function initial(name: string): string {
  return name.charAt(0).toLocaleUpperCase('de').normalize('NFD').charAt(0);
}

async function resolveResponsibilities(
  deps: Deps,
  tenantId: string,
  service: ServiceContent,
  t: CatalogTranslate,
): Promise<ResolvedResponsibility[]> {
  if (service.responsibilities.length === 0) return [];
  const named = (field: 'office' | 'contact') =>
    [...new Set(service.responsibilities.flatMap((entry) => (entry[field] ? [entry[field]] : [])))] as string[];
  const [offices, contacts] = await Promise.all([
    listPublishedBySlugs(deps.db, tenantId, 'office', named('office')),
    listPublishedBySlugs(deps.db, tenantId, 'contact', named('contact')),
  ]);
  const officeBySlug = new Map(offices.map((row) => [row.slug, row.published as OfficeContent]));
  const contactBySlug = new Map(contacts.map((row) => [row.slug, row.published as ContactContent]));
  const now = new Date();
  const resolved: ResolvedResponsibility[] = [];
  for (const entry of service.responsibilities) {
    const office = entry.office ? officeBySlug.get(entry.office) : undefined;
    const contact = entry.contact ? contactBySlug.get(entry.contact) : undefined;
    const scope =
      [
        entry.letters && t('service.letters', { letters: entry.letters }),
        entry.localities && t('service.localities', { localities: entry.localities.join(', ') }),
      ]
        .filter(Boolean)
        .join(' · ') || undefined;
    const previous = resolved.find((item) => item.office && item.office.slug === entry.office);
    if (previous && contact) previous.contacts.push({ content: contact, scope });
    else
      resolved.push({
        office: office ? { slug: entry.office!, content: office, state: openState(office, now) } : undefined,
        contacts: contact ? [{ content: contact, scope }] : [],
      });
  }
  return resolved;
}

export function registerPublicPages(app: FastifyInstance, deps: Deps) {
  const { db } = deps;
  const route = routes(app, db);

  /** Anonymous visitors share each rendered catalog page (per tenant, language and address) until the catalog
   * changes: a publish in this process clears it at once, other processes within the cache's minute. */
  const shared = (request: FastifyRequest, render: () => Promise<JSX.Element> | JSX.Element) =>
    sharedPage(request.ctx, CATALOG_PAGES, request.url, 60, async () => await await render());

  route.get('/leistungen', { access }, async ({ request, reply }) =>
    sendHtml(
      reply,
      shared(request, () => <CatalogHomeView ctx={request.ctx} t={catalogText(request.ctx.lang)} />),
    ),
  );

  route.get('/leistungen/suche', { access, query: searchQuery }, async ({ request, reply, query: { q: query } }) => {
    const { ctx } = request;
    const render = async () => {
      const result = await searchServices(db, ctx.tenant.id, query);
      if (ctx.lang === 'en')
        result.hits = result.hits.map((hit) => ({ ...hit, name: hit.name_en ?? hit.name, summary: hit.summary_en ?? hit.summary }));
      return <SearchView ctx={ctx} t={catalogText(ctx.lang)} result={result} />;
    };
    // The same few searches come again and again; anonymous visitors share the rendered page as long as the results.
    return sendHtml(reply, shared(request, render));
  });

  route.get('/leistungen/suche/vorschlaege', { access, query: searchQuery }, async ({ request, reply, query: { q: query } }) => {
    const result = query.trim().length < 2 ? { hits: [] } : await searchServices(db, request.ctx.tenant.id, query, 8);
    return reply
      .header('cache-control', 'no-store')
      .send({ suggestions: result.hits.map((hit) => ({ name: hit.name, url: `/leistungen/${hit.slug}` })) });
  });

  route.get('/leistungen/a-z', { access, query: letterQuery }, async ({ request, reply, query }) =>
    sendHtml(
      reply,
      shared(request, async () => {
        const { ctx } = request;
        const t = catalogText(ctx.lang);
        const services = serviceLinks(await listServiceNames(db, ctx.tenant.id), ctx.lang).sort((a, b) =>
          a.name.localeCompare(b.name, ctx.lang),
        );
        const letters = [...new Set(services.map((service) => initial(service.name)))].sort();
        const wanted = query.buchstabe;
        const current = letters.includes(wanted) ? wanted : (letters[0] ?? 'A');
        return (
          <ServiceListView
            ctx={ctx}
            t={t}
            title={`${t('az.title')}: ${current}`}
            services={services.filter((service) => initial(service.name) === current)}
          >
            <LetterNav letters={letters} current={current} t={t} />
          </ServiceListView>
        );
      }),
    ),
  );

  for (const [path, situations, field] of [
    ['lebenslagen', LIFE_SITUATIONS, 'lifeSituations'],
    ['unternehmen', BUSINESS_SITUATIONS, 'businessSituations'],
  ] as const) {
    route.get(`/leistungen/${path}/:situation`, { access, params: situationParams }, async ({ request, reply, params }) =>
      sendHtml(
        reply,
        shared(request, async () => {
          const { ctx } = request;
          const situation = situations.find((item) => item.slug === params.situation);
          if (!situation) throw new NotFound('situation');
          const rows = await listServiceNames(db, ctx.tenant.id, { [field]: [situation.slug] });
          return (
            <ServiceListView ctx={ctx} t={catalogText(ctx.lang)} title={situation[ctx.lang]} services={serviceLinks(rows, ctx.lang)} />
          );
        }),
      ),
    );
  }

  route.get('/leistungen/:slug', { access, params: slugParams, query: printQuery }, async ({ request, reply, params, query }) =>
    sendHtml(
      reply,
      shared(request, async () => {
        const { ctx } = request;
        const entry = await findEntryBySlug(db, ctx.tenant.id, 'service', params.slug);
        if (!entry?.published) throw new NotFound('service');
        const content = entry.published as ServiceContent;
        const t = catalogText(ctx.lang);
        const url = `${deps.baseUrl}/leistungen/${entry.slug}`;
        const responsible = await resolveResponsibilities(deps, ctx.tenant.id, content, t);
        const withOnline = withOnlineService(deps, content, ctx.tenant.id, entry.slug);
        const online = withOnline.onlineService?.url.startsWith('/')
          ? { ...withOnline, onlineService: { ...withOnline.onlineService, url: `${deps.baseUrl}${withOnline.onlineService.url}` } }
          : withOnline;
        const offices = responsible.flatMap(({ office }) =>
          office ? [{ content: office.content, url: `${deps.baseUrl}/behoerden/${office.slug}` }] : [],
        );
        return (
          <ServicePageView
            ctx={ctx}
            t={t}
            slug={entry.slug}
            service={withOnlineService(deps, localize(content, ctx.lang), ctx.tenant.id, entry.slug)}
            responsible={responsible}
            jsonLd={jsonLdText(governmentServiceJsonLd(online, url, ctx.tenant.name, offices))}
            lastReviewed={entry.last_reviewed_at}
            appointments={ctx.nav.some((item) => item.href.startsWith('/termine'))}
            print={query.ansicht === 'druck'}
          />
        );
      }),
    ),
  );

  route.get('/behoerden', { access }, async ({ request, reply }) =>
    sendHtml(
      reply,
      shared(request, async () => {
        const { ctx } = request;
        const offices = (await listPublished(db, ctx.tenant.id, 'office')).map((row) => ({
          slug: row.slug,
          content: row.published as OfficeContent,
        }));
        return <OfficesView ctx={ctx} t={catalogText(ctx.lang)} offices={offices} />;
      }),
    ),
  );

  route.get('/behoerden/:slug', { access, params: slugParams }, async ({ request, reply, params }) =>
    sendHtml(
      reply,
      shared(request, async () => {
        const { ctx } = request;
        const entry = await findEntryBySlug(db, ctx.tenant.id, 'office', params.slug);
        if (!entry?.published) throw new NotFound('office');
        const office = entry.published as OfficeContent;
        const [contacts, services] = await Promise.all([
          listPublished(db, ctx.tenant.id, 'contact'),
          listServiceNames(db, ctx.tenant.id, { responsibilities: [{ office: entry.slug }] }),
        ]);
        return (
          <OfficePageView
            ctx={ctx}
            t={catalogText(ctx.lang)}
            office={office}
            state={openState(office, new Date())}
            contacts={contacts.map((row) => row.published as ContactContent).filter((contact) => contact.office === entry.slug)}
            services={serviceLinks(services, ctx.lang)}
            geo={ctx.tenant.settings.geo}
            tileUrl={deps.config.mapTileUrl}
            jsonLd={jsonLdText(governmentOfficeJsonLd(office, `${deps.baseUrl}/behoerden/${entry.slug}`))}
          />
        );
      }),
    ),
  );
}
