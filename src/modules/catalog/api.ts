// The catalog's read-only JSON API for city apps and portals, with its OpenAPI description.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import type { Deps } from '../../platform/http/deps.js';
import { NotFound } from '../../platform/http/errors.js';
import type { Lang } from '../../platform/i18n/index.js';
import { routes } from '../../platform/http/route.js';
import { parametersOf } from '../../platform/http/openapi.js';
import { catalogPolicy } from './policy.js';
import { openState } from './opening-hours.js';
import { localize, localizeOffice, serviceLinks } from './present.js';
import { findEntryBySlug, listPublished, listServiceNames, pageOfServiceNames, type ServiceNameRow } from './repo.js';
import {
  API_PAGE_MAX,
  apiEntryParams,
  apiLangQuery,
  apiListQuery,
  contactContent,
  officeContent,
  serviceContent,
  type OfficeContent,
  type ServiceContent,
} from './schema.js';
import { searchServices } from './search.js';
import { cached } from './search-cache.js';

const access = catalogPolicy.read;
const BASE = '/api/catalog/v1';

// What the API answers, as zod schemas built on the content schemas the editor and the import use, so the
// OpenAPI document describes exactly the answers (a test validates live answers against it).
const serviceSummary = z.object({ id: z.string(), name: z.string(), summary: z.string(), url: z.string(), online: z.string().nullable() });
const serviceAnswer = serviceContent.extend({
  id: z.string(),
  url: z.string(),
  version: z.number().int().nullable(),
  /** The fields shown in German because the English text is missing. */
  untranslated: z.array(z.string()),
});
const officeAnswer = officeContent.extend({ id: z.string(), openNow: z.boolean() });
const contactAnswer = contactContent.extend({ id: z.string() });
const schemaOf = (schema: z.ZodType) => z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' });

const json = (ref: string) => ({ content: { 'application/json': { schema: { $ref: `#/components/schemas/${ref}` } } } });
const list = (ref: string, paged = false) => ({
  content: {
    'application/json': {
      schema: {
        type: 'object',
        required: ['items'],
        additionalProperties: false,
        properties: {
          items: { type: 'array', items: { $ref: `#/components/schemas/${ref}` } },
          ...(paged ? { next: { type: 'string', format: 'uri' } } : {}),
        },
      },
    },
  },
});
// Parameters from the schemas the routes parse with.
const listParameters = parametersOf(apiListQuery, 'query');
const entryParameters = [...parametersOf(apiEntryParams, 'path'), ...parametersOf(apiLangQuery, 'query')];
const langParameters = parametersOf(apiLangQuery, 'query');

export const catalogOpenApi = {
  paths: {
    [`${BASE}/services`]: {
      get: {
        summary: 'Published services, optionally searched',
        parameters: listParameters,
        responses: {
          200: {
            description: 'Services by name, a page at a time (`next` is the address of the next page)',
            ...list('ServiceSummary', true),
          },
        },
      },
    },
    [`${BASE}/services/{id}`]: {
      get: {
        summary: 'One service with all content',
        parameters: entryParameters,
        responses: { 200: { description: 'Service', ...json('Service') }, 404: { description: 'Unknown service' } },
      },
    },
    [`${BASE}/offices`]: {
      get: {
        summary: 'Offices with opening hours and whether they are open now',
        parameters: langParameters,
        responses: { 200: { description: 'Offices', ...list('Office') } },
      },
    },
    [`${BASE}/offices/{id}`]: {
      get: {
        summary: 'One office',
        parameters: entryParameters,
        responses: { 200: { description: 'Office', ...json('Office') }, 404: { description: 'Unknown office' } },
      },
    },
    [`${BASE}/contacts`]: { get: { summary: 'Contact persons', responses: { 200: { description: 'Contacts', ...list('Contact') } } } },
  },
  schemas: {
    ServiceSummary: schemaOf(serviceSummary),
    Service: schemaOf(serviceAnswer),
    Office: schemaOf(officeAnswer),
    Contact: schemaOf(contactAnswer),
  },
};

function officeJson(slug: string, office: OfficeContent, lang: Lang, now: Date) {
  const { german: _german, ...content } = localizeOffice(office, lang);
  return { id: slug, openNow: openState(office, now).open, ...content };
}

export function registerCatalogApi(app: FastifyInstance, deps: Deps) {
  const { db } = deps;
  const route = routes(app, db);

  // The lists are the same for every caller until the catalog changes: computed and encoded once per tenant,
  // language and query.
  const sendJson = (reply: FastifyReply, body: Buffer) => reply.type('application/json; charset=utf-8').send(body);
  const encoded = (value: unknown) => Buffer.from(JSON.stringify(value));
  route.get(`${BASE}/services`, { access, query: apiListQuery }, async ({ request, reply, query }) => {
    const { tenant } = request.ctx;
    const { q, lang: language, nach: after } = query;
    const limit = query.limit ?? API_PAGE_MAX;
    return sendJson(
      reply,
      await cached(tenant.id, `api:services:${language}:${q}:${limit}:${after ?? ''}`, async () =>
        encoded(await serviceList(tenant.id, language, q, limit, after)),
      ),
    );
  });

  /** A search answers its hits in their order; otherwise a page by name, with the address of the next page. */
  async function serviceList(tenantId: string, language: Lang, q: string, limit: number, after?: string) {
    const item = (row: ServiceNameRow) => {
      const [link] = serviceLinks([row], language);
      return { id: row.slug, name: link!.name, summary: link!.summary, url: `${deps.baseUrl}/leistungen/${row.slug}`, online: row.online };
    };
    if (q) {
      const hits = (await searchServices(db, tenantId, q, 100)).hits.map((hit) => hit.slug);
      const rows = (await listServiceNames(db, tenantId)).filter((row) => hits.includes(row.slug));
      rows.sort((a, b) => hits.indexOf(a.slug) - hits.indexOf(b.slug));
      return { items: rows.map(item) };
    }
    // A position that names no service (removed, mistyped) starts at the beginning.
    const known = after && (await findEntryBySlug(db, tenantId, 'service', after)) ? after : undefined;
    const rows = await pageOfServiceNames(db, tenantId, limit, known);
    const page = rows.slice(0, limit);
    const next =
      rows.length > limit
        ? `${deps.baseUrl}${BASE}/services?${new URLSearchParams({ lang: language, limit: String(limit), nach: page.at(-1)!.slug })}`
        : undefined;
    return { items: page.map(item), ...(next ? { next } : {}) };
  }

  route.get(`${BASE}/services/:id`, { access, params: apiEntryParams, query: apiLangQuery }, async ({ request, params, query }) => {
    const row = await findEntryBySlug(db, request.ctx.tenant.id, 'service', params.id);
    if (!row?.published) throw new NotFound('service');
    const { translated: _translated, german, ...content } = localize(row.published as ServiceContent, query.lang);
    return {
      id: row.slug,
      url: `${deps.baseUrl}/leistungen/${row.slug}`,
      version: row.published_version,
      ...content,
      untranslated: [...german],
    };
  });

  route.get(`${BASE}/offices`, { access, query: apiLangQuery }, async ({ request, reply, query: { lang: language } }) => {
    // "open now" changes by the minute: the list is computed once per minute and language.
    const now = new Date();
    const body = await cached(request.ctx.tenant.id, `api:offices:${language}:${now.toISOString().slice(0, 16)}`, async () => {
      const rows = await listPublished(db, request.ctx.tenant.id, 'office');
      return encoded({ items: rows.map((row) => officeJson(row.slug, row.published as OfficeContent, language, now)) });
    });
    return sendJson(reply, body);
  });

  route.get(`${BASE}/offices/:id`, { access, params: apiEntryParams, query: apiLangQuery }, async ({ request, params, query }) => {
    const row = await findEntryBySlug(db, request.ctx.tenant.id, 'office', params.id);
    if (!row?.published) throw new NotFound('office');
    return officeJson(row.slug, row.published as OfficeContent, query.lang, new Date());
  });

  route.get(`${BASE}/contacts`, { access }, async ({ request, reply }) => {
    const body = await cached(request.ctx.tenant.id, 'api:contacts', async () => {
      const rows = await listPublished(db, request.ctx.tenant.id, 'contact');
      return encoded({ items: rows.map((row) => ({ id: row.slug, ...(row.published as object) })) });
    });
    return sendJson(reply, body);
  });
}
