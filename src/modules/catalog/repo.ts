// The only code that reads and writes the catalog tables. Every query is filtered by tenant.
import { sql, type Selectable } from 'kysely';
import type { Db } from '../../platform/db/database.js';
import type { EntryKind, RevisionStatus } from './constants.js';
import type { AnyContent } from './schema.js';
import type { CatalogEntryTable, CatalogRevisionTable, CatalogTables } from './tables.js';

export type EntryRow = Omit<Selectable<CatalogEntryTable>, 'search'>;
export type RevisionRow = Selectable<CatalogRevisionTable>;

const catalog = (db: Db) => db.withTables<CatalogTables>();

const entryColumns = [
  'id',
  'tenant_id',
  'kind',
  'slug',
  'unit_id',
  'owner_user_id',
  'review_months',
  'last_reviewed_at',
  'name',
  'published',
  'published_version',
  'published_at',
  'search_words',
  'created_at',
] as const;

export function insertEntry(
  db: Db,
  values: {
    tenant_id: string;
    kind: EntryKind;
    slug: string;
    unit_id: string;
    owner_user_id: string | null;
    review_months: number;
    name: string;
  },
) {
  return catalog(db).insertInto('catalog_entry').values(values).returning(entryColumns).executeTakeFirstOrThrow();
}

export function updateEntrySettings(
  db: Db,
  tenantId: string,
  id: string,
  values: { unit_id: string; owner_user_id: string | null; review_months: number },
) {
  return catalog(db).updateTable('catalog_entry').set(values).where('tenant_id', '=', tenantId).where('id', '=', id).execute();
}

export function findEntry(db: Db, tenantId: string, id: string) {
  return catalog(db)
    .selectFrom('catalog_entry')
    .select(entryColumns)
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function findEntryBySlug(db: Db, tenantId: string, kind: EntryKind, slug: string) {
  return catalog(db)
    .selectFrom('catalog_entry')
    .select(entryColumns)
    .where('tenant_id', '=', tenantId)
    .where('kind', '=', kind)
    .where('slug', '=', slug)
    .executeTakeFirst();
}

export function listPublished(db: Db, tenantId: string, kind: EntryKind) {
  return catalog(db)
    .selectFrom('catalog_entry')
    .select(entryColumns)
    .where('tenant_id', '=', tenantId)
    .where('kind', '=', kind)
    .where('published', 'is not', null)
    .orderBy('name')
    .execute();
}

export type ServiceNameRow = {
  slug: string;
  name: string;
  summary: string;
  name_en: string | null;
  summary_en: string | null;
  online: string | null;
};

/** Published services by name only (no content): what a list of links needs, without reading every service's
 * full text. */
function serviceNames(db: Db, tenantId: string) {
  return catalog(db)
    .selectFrom('catalog_entry')
    .select([
      'slug',
      sql<string>`published->>'name'`.as('name'),
      sql<string>`published->>'summary'`.as('summary'),
      sql<string | null>`published#>>'{translations,en,name}'`.as('name_en'),
      sql<string | null>`published#>>'{translations,en,summary}'`.as('summary_en'),
      sql<string | null>`published#>>'{onlineService,url}'`.as('online'),
    ])
    .where('tenant_id', '=', tenantId)
    .where('kind', '=', 'service')
    .where('published', 'is not', null)
    .orderBy('name')
    .orderBy('slug');
}

/** All published services by name, or those whose content contains a fragment (a situation, an office). */
export function listServiceNames(db: Db, tenantId: string, fragment?: Record<string, unknown>) {
  const query = serviceNames(db, tenantId);
  return (fragment ? query.where(sql<boolean>`published @> ${JSON.stringify(fragment)}::jsonb`) : query).execute() as Promise<
    ServiceNameRow[]
  >;
}

/** A page of published services by name after the service `after` (keyset on name and address); `limit` + 1 rows,
 * so the caller knows whether there are more. */
export function pageOfServiceNames(db: Db, tenantId: string, limit: number, after?: string) {
  const query = serviceNames(db, tenantId);
  const rest = after
    ? query.where(
        sql<boolean>`(name, slug) > (select e.name, e.slug from catalog_entry e where e.tenant_id = ${tenantId} and e.kind = 'service' and e.slug = ${after})`,
      )
    : query;
  return rest.limit(limit + 1).execute() as Promise<ServiceNameRow[]>;
}

/** The published entries of a kind with these slugs (the offices and contacts a service names). */
export function listPublishedBySlugs(db: Db, tenantId: string, kind: EntryKind, slugs: string[]) {
  if (slugs.length === 0) return Promise.resolve([]);
  return catalog(db)
    .selectFrom('catalog_entry')
    .select(entryColumns)
    .where('tenant_id', '=', tenantId)
    .where('kind', '=', kind)
    .where('slug', 'in', slugs)
    .where('published', 'is not', null)
    .execute();
}

export type EntryOverview = EntryRow & { open_status: RevisionStatus | null; open_updated_at: Date | null };

export function listEntries(db: Db, tenantId: string, filter: { kind?: EntryKind; unitIds?: string[]; status?: RevisionStatus }) {
  let query = catalog(db)
    .selectFrom('catalog_entry as e')
    .leftJoin('catalog_revision as r', (join) => join.onRef('r.entry_id', '=', 'e.id').on('r.status', 'in', ['draft', 'review']))
    .select(entryColumns.map((column) => `e.${column}` as const))
    .select(['r.status as open_status', 'r.updated_at as open_updated_at'])
    .where('e.tenant_id', '=', tenantId);
  if (filter.kind) query = query.where('e.kind', '=', filter.kind);
  if (filter.unitIds)
    query = query.where('e.unit_id', 'in', filter.unitIds.length ? filter.unitIds : ['00000000-0000-0000-0000-000000000000']);
  if (filter.status) query = query.where('r.status', '=', filter.status);
  return query.orderBy('e.kind').orderBy('e.name').execute() as Promise<EntryOverview[]>;
}

export type EntryListItem = Pick<EntryRow, 'id' | 'kind' | 'name' | 'unit_id' | 'published_version'> & {
  open_status: RevisionStatus | null;
};
export const ENTRY_PAGE_SIZE = 100;

/** One page of the editors' list, by kind and name, after a given entry (keyset): no content is read, and a
 * catalog of thousands of entries is shown a hundred at a time. */
export async function listEntryPage(
  db: Db,
  tenantId: string,
  filter: { kind?: EntryKind; status?: RevisionStatus },
  after?: { kind: string; name: string; id: string },
) {
  let query = catalog(db)
    .selectFrom('catalog_entry as e')
    .leftJoin('catalog_revision as r', (join) => join.onRef('r.entry_id', '=', 'e.id').on('r.status', 'in', ['draft', 'review']))
    .select(['e.id', 'e.kind', 'e.name', 'e.unit_id', 'e.published_version', 'r.status as open_status'])
    .where('e.tenant_id', '=', tenantId);
  if (filter.kind) query = query.where('e.kind', '=', filter.kind);
  if (filter.status) query = query.where('r.status', '=', filter.status);
  if (after) query = query.where(sql<boolean>`(e.kind, e.name, e.id) > (${after.kind}, ${after.name}, ${after.id}::uuid)`);
  const rows = (await query
    .orderBy('e.kind')
    .orderBy('e.name')
    .orderBy('e.id')
    .limit(ENTRY_PAGE_SIZE + 1)
    .execute()) as EntryListItem[];
  return { entries: rows.slice(0, ENTRY_PAGE_SIZE), more: rows.length > ENTRY_PAGE_SIZE };
}

export function findOpenRevision(db: Db, tenantId: string, entryId: string) {
  return catalog(db)
    .selectFrom('catalog_revision')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('entry_id', '=', entryId)
    .where('status', 'in', ['draft', 'review'])
    .executeTakeFirst();
}

export function findLatestRevision(db: Db, tenantId: string, entryId: string) {
  return catalog(db)
    .selectFrom('catalog_revision')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('entry_id', '=', entryId)
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export function insertRevision(
  db: Db,
  values: {
    tenant_id: string;
    entry_id: string;
    status: RevisionStatus;
    content: AnyContent;
    author_id: string | null;
    version?: number;
    reviewer_id?: string | null;
    decided_at?: Date;
  },
) {
  return catalog(db)
    .insertInto('catalog_revision')
    .values({ ...values, content: JSON.stringify(values.content) })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function updateRevision(
  db: Db,
  tenantId: string,
  id: string,
  values: {
    status?: RevisionStatus;
    content?: AnyContent;
    version?: number;
    author_id?: string | null;
    reviewer_id?: string | null;
    comment?: string | null;
    decided_at?: Date;
  },
) {
  const { content, ...rest } = values;
  return catalog(db)
    .updateTable('catalog_revision')
    .set({ ...rest, ...(content ? { content: JSON.stringify(content) } : {}), updated_at: new Date() })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .execute();
}

export function supersedePublished(db: Db, tenantId: string, entryId: string) {
  return catalog(db)
    .updateTable('catalog_revision')
    .set({ status: 'superseded' })
    .where('tenant_id', '=', tenantId)
    .where('entry_id', '=', entryId)
    .where('status', '=', 'published')
    .execute();
}

/** Every revision ever published, newest first: the entry's history. */
export function listPublishedRevisions(db: Db, tenantId: string, entryId: string) {
  return catalog(db)
    .selectFrom('catalog_revision as r')
    .leftJoin('app_user as a', 'a.id', 'r.author_id')
    .leftJoin('app_user as v', 'v.id', 'r.reviewer_id')
    .select([
      'r.id',
      'r.version',
      'r.content',
      'r.status',
      'r.comment',
      'r.decided_at',
      'a.display_name as author',
      'v.display_name as reviewer',
    ])
    .where('r.tenant_id', '=', tenantId)
    .where('r.entry_id', '=', entryId)
    .where('r.status', 'in', ['published', 'superseded'])
    .orderBy('r.version', 'desc')
    .execute();
}

export async function publishEntry(
  db: Db,
  tenantId: string,
  entryId: string,
  values: { content: AnyContent; version: number; name: string; weighted: { a: string; b: string; c: string }; words: string },
) {
  const { a, b, c } = values.weighted;
  await catalog(db)
    .updateTable('catalog_entry')
    .set({
      published: JSON.stringify(values.content),
      published_version: values.version,
      published_at: new Date(),
      last_reviewed_at: new Date(),
      name: values.name,
      search_words: values.words,
    })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', entryId)
    .execute();
  await sql`
    update catalog_entry
    set search = setweight(to_tsvector('german', ${a}), 'A') || setweight(to_tsvector('german', ${b}), 'B') || setweight(to_tsvector('german', ${c}), 'C')
    where tenant_id = ${tenantId} and id = ${entryId}`.execute(db);
}

/** Takes an entry off the public pages; its revisions stay as its history. */
export async function unpublishEntry(db: Db, tenantId: string, entryId: string) {
  await sql`
    update catalog_entry set published = null, search = null, search_words = ''
    where tenant_id = ${tenantId} and id = ${entryId}`.execute(db);
}

export function markReviewed(db: Db, tenantId: string, entryId: string) {
  return catalog(db)
    .updateTable('catalog_entry')
    .set({ last_reviewed_at: new Date() })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', entryId)
    .execute();
}

export function listSynonyms(db: Db, tenantId: string) {
  return catalog(db)
    .selectFrom('catalog_synonym')
    .select(['term', 'expansion'])
    .where('tenant_id', '=', tenantId)
    .orderBy('term')
    .execute();
}

export function upsertSynonym(db: Db, tenantId: string, term: string, expansion: string) {
  return catalog(db)
    .insertInto('catalog_synonym')
    .values({ tenant_id: tenantId, term, expansion })
    .onConflict((oc) => oc.columns(['tenant_id', 'term']).doUpdateSet({ expansion }))
    .execute();
}

export function deleteSynonym(db: Db, tenantId: string, term: string) {
  return catalog(db).deleteFrom('catalog_synonym').where('tenant_id', '=', tenantId).where('term', '=', term).execute();
}

/** Rebuilds the typo-correction vocabulary from the words of all published entries. */
export async function rebuildLexicon(db: Db, tenantId: string) {
  const rows = await catalog(db)
    .selectFrom('catalog_entry')
    .select('search_words')
    .where('tenant_id', '=', tenantId)
    .where('published', 'is not', null)
    .execute();
  const words = new Set(rows.flatMap((row) => row.search_words.split(' ').filter((word) => word.length >= 3)));
  await catalog(db).deleteFrom('catalog_lexicon').where('tenant_id', '=', tenantId).execute();
  if (words.size === 0) return;
  await catalog(db)
    .insertInto('catalog_lexicon')
    .values([...words].map((word) => ({ tenant_id: tenantId, word })))
    .execute();
}
