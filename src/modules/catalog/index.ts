// The service catalog (Leistungskatalog) and Zuständigkeitsfinder: services, offices and contact persons with
// their editorial life cycle, German search, the monthly freshness report, XZuFi exchange and a JSON API.
// Other modules use the functions exported here, never the catalog's tables.
import { fileURLToPath } from 'node:url';
import type { Db } from '../../platform/db/database.js';
import type { Module } from '../../platform/module.js';
import type { EntryKind } from './constants.js';
import { registerCatalogApi, catalogOpenApi } from './api.js';
import { registerEditorPages } from './editor-pages.js';
import { registerExchangePages } from './exchange-pages.js';
import { catalogJobs, FRESHNESS_JOB } from './freshness-job.js';
import { registerPublicPages } from './pages.js';
import { registerFreshnessPage } from './freshness-page.js';
import { registerSynonymPages } from './synonym-pages.js';
import { catalogPolicy } from './policy.js';
import { findEntryBySlug, rebuildLexicon, upsertSynonym } from './repo.js';
import { contentSchemas, type EntrySettings, type ServiceContent } from './schema.js';
import { catalogChanged } from './search-cache.js';
import { catalogText, type CatalogTextKey } from './texts.js';
import { createEntry, entryOrThrow, publishDirectly, type Author } from './service.js';

export type { Author } from './service.js';
export type { Costs, ServiceContent, ServiceTranslation, OfficeContent, ContactContent } from './schema.js';
export { searchServices } from './search.js';
export { FRESHNESS_JOB, sendFreshnessMails } from './freshness-job.js';

/** Adds and publishes one entry (seed and fixtures); invalid content stops with the entry and path of the problem. */
export async function seedCatalogEntry(db: Db, author: Author, kind: EntryKind, settings: EntrySettings, raw: unknown) {
  const parsed = contentSchemas[kind].safeParse(raw);
  if (!parsed.success)
    throw new Error(`catalog ${kind} ${settings.slug}: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
  const existing = await findEntryBySlug(db, author.tenantId, kind, settings.slug);
  const entry = existing ?? (await createEntry(db, author, kind, settings, parsed.data, { draft: false }));
  await publishDirectly(db, author, await entryOrThrow(db, author.tenantId, entry.id), parsed.data, { rebuildLexicon: false });
}

export async function finishCatalogSeed(db: Db, tenantId: string, synonyms: [string, string][]) {
  for (const [term, expansion] of synonyms) await upsertSynonym(db, tenantId, term, expansion);
  await rebuildLexicon(db, tenantId);
  catalogChanged(tenantId);
}

/** A published service as other systems name it: its German name and, where known, its LeiKa key and OZG id. */
export async function serviceReference(db: Db, tenantId: string, slug: string) {
  const entry = await findEntryBySlug(db, tenantId, 'service', slug);
  const content = entry?.published as ServiceContent | null | undefined;
  return content ? { name: content.name, leikaKey: content.leikaKey, ozgId: content.ozgId } : undefined;
}

function inBothLanguages(key: CatalogTextKey) {
  return { de: catalogText('de')(key), en: catalogText('en')(key) };
}

export const catalog: Module = {
  name: 'catalog',
  policy: catalogPolicy,
  migrationsDir: fileURLToPath(new URL('./migrations/', import.meta.url)),
  nav: [
    { href: '/leistungen', label: inBothLanguages('nav.label'), description: inBothLanguages('nav.description') },
    { href: '/bo/katalog', label: inBothLanguages('nav.staff'), access: catalogPolicy.work },
  ],
  openapi: catalogOpenApi,
  register(app, deps) {
    registerPublicPages(app, deps);
    registerEditorPages(app, deps);
    registerExchangePages(app, deps);
    registerFreshnessPage(app, deps);
    registerSynonymPages(app, deps);
    registerCatalogApi(app, deps);
  },
  jobs: catalogJobs,
  schedules: [{ jobName: FRESHNESS_JOB, cron: '0 6 1 * *' }],
};
