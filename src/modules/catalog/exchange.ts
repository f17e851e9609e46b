// Import and export of the whole catalog (XZuFi 2.2 transfer messages or JSON). An import checks every element
// first; by default it stores nothing if one is rejected, or, when asked, takes over what can be mapped and lists
// the rest. Entries are matched by their source identifier (imports from an editorial office) or by kind and
// identifier, so a re-import updates in place and keeps what the town added to an imported entry.
import { isDeepStrictEqual } from 'node:util';
import type { Db } from '../../platform/db/database.js';
import type { Tenant } from '../../platform/http/context.js';
import { jsonTooDeep } from '../../platform/http/input-shape.js';
import { listUnits } from '../../platform/auth/users-repo.js';
import type { EntryKind } from './constants.js';
import type { ExchangeEntry, ImportProblem } from './exchange-model.js';
import { listEntries, rebuildLexicon, type EntryRow } from './repo.js';
import { contentSchemas, slugPattern, type AnyContent, type ContactContent, type ServiceContent } from './schema.js';
import { createEntry, publishDirectly, withdrawPublication, type Author } from './service.js';
import { readXzufi, UnsafeXml, type ParsedFile, type Reader } from './xzufi-read.js';
import { writeXzufi, type Sender } from './xzufi-write.js';

export type ImportOutcome =
  | { ok: true; created: number; updated: number; unchanged: number; withdrawn: number; skipped: ImportProblem[]; otherAreas: number }
  | { ok: false; problems: ImportProblem[] };

/** The town as an editorial office: the schemeAgencyID of its own objects (configurable) and its regional key. */
export function editorialOffice(tenant: Tenant): Reader & Sender {
  return {
    agency: tenant.settings.xzufiAgency ?? `rathaus-${tenant.slug}`,
    regionalKey: tenant.settings.regionalKey,
    name: tenant.name,
    product: 'Rathaus',
  };
}

export async function exportEntries(db: Db, tenantId: string): Promise<ExchangeEntry[]> {
  const [entries, units] = await Promise.all([listEntries(db, tenantId, {}), listUnits(db, tenantId)]);
  const shortName = new Map(units.map((unit) => [unit.id, unit.short_name ?? unit.name]));
  return entries
    .filter((entry) => entry.published)
    .map((entry) => ({
      kind: entry.kind,
      slug: entry.slug,
      unit: shortName.get(entry.unit_id ?? ''),
      reviewMonths: entry.review_months,
      content: entry.published,
    }));
}

export const exportXml = async (db: Db, tenant: Tenant) => writeXzufi(await exportEntries(db, tenant.id), editorialOffice(tenant));
export const exportJson = async (db: Db, tenantId: string) => ({
  format: 'rathaus-catalog',
  version: 1,
  entries: await exportEntries(db, tenantId),
});

const emptyFile = (problems: ImportProblem[]): ParsedFile => ({ entries: [], problems, withdrawn: [], otherAreas: 0 });

function readJson(text: string): ParsedFile {
  if (jsonTooDeep(text)) throw new UnsafeXml('tooLarge');
  const data = JSON.parse(text) as { format?: string; entries?: unknown };
  if (data?.format !== 'rathaus-catalog' || !Array.isArray(data.entries))
    return emptyFile([{ subject: { kind: 'file' }, reason: 'notCatalog' }]);
  return { ...emptyFile([]), entries: data.entries as ExchangeEntry[] };
}

/** Parses the file; throws UnsafeXml (too large or deep, a DOCTYPE) or SyntaxError for files that are not readable at all. */
export function parseExchangeFile(text: string, reader: Reader): ParsedFile {
  return text.trimStart().startsWith('<') ? readXzufi(text, reader) : readJson(text);
}

/** `given`: the fields the file itself set (the rest are defaults), so a re-import knows what the town may keep. */
type Checked = { kind: EntryKind; slug: string; unitId: string; reviewMonths: number; content: AnyContent; given: Set<string> };

/** Every entry against its schema and its references; an entry with a problem is left out of `checked`. */
async function check(db: Db, tenantId: string, entries: ExchangeEntry[], fallbackUnitId: string, existing: EntryRow[]) {
  const units = await listUnits(db, tenantId);
  const unitId = (name?: string) => units.find((unit) => unit.short_name === name || unit.name === name)?.id ?? fallbackUnitId;
  const problems: ImportProblem[] = [];
  const valid: Checked[] = [];
  const seen = new Set<string>();
  for (const entry of entries) {
    if (!(entry.kind in contentSchemas) || typeof entry.slug !== 'string' || !slugPattern.test(entry.slug)) {
      problems.push({ subject: { kind: 'element', id: `${entry.kind ?? '?'} ${entry.slug ?? '?'}` }, reason: 'invalidEntry' });
      continue;
    }
    const subject = { kind: entry.kind, id: entry.slug };
    if (seen.has(`${entry.kind}:${entry.slug}`)) {
      problems.push({ subject, reason: 'duplicate' });
      continue;
    }
    seen.add(`${entry.kind}:${entry.slug}`);
    const parsed = contentSchemas[entry.kind].safeParse(entry.content);
    if (!parsed.success) {
      problems.push(
        ...parsed.error.issues.map((issue) => ({
          subject,
          reason: 'invalidField' as const,
          field: issue.path.map(String).join('.'),
        })),
      );
      continue;
    }
    valid.push({
      kind: entry.kind,
      slug: entry.slug,
      unitId: unitId(entry.unit),
      reviewMonths: Math.min(60, Math.max(1, entry.reviewMonths ?? 12)),
      content: JSON.parse(JSON.stringify(parsed.data)) as AnyContent,
      given: new Set(
        Object.entries(entry.content as object)
          .filter(([, value]) => value !== undefined)
          .map(([field]) => field),
      ),
    });
  }
  const known = new Set([...seen, ...existing.filter((row) => row.published).map((row) => `${row.kind}:${row.slug}`)]);
  const checked = valid.filter((entry) => {
    const missing = references(entry).filter((reference) => !known.has(reference));
    for (const reference of missing)
      problems.push({ subject: { kind: entry.kind, id: entry.slug }, reason: 'unknownReference', entry: entryOf(reference) });
    return missing.length === 0;
  });
  return { checked, problems };
}

const entryOf = (reference: string) => {
  const [kind, slug = ''] = reference.split(':') as [EntryKind, string];
  return { kind, slug };
};

function references(entry: Checked): string[] {
  if (entry.kind === 'service')
    return (entry.content as ServiceContent).responsibilities.flatMap((r) => [
      ...(r.office ? [`office:${r.office}`] : []),
      ...(r.contact ? [`contact:${r.contact}`] : []),
    ]);
  const office = entry.kind === 'contact' ? (entry.content as ContactContent).office : undefined;
  return office ? [`office:${office}`] : [];
}

const sourceKey = (content: unknown) => {
  const source = (content as { source?: { agency: string; id: string } } | null)?.source;
  return source ? `${source.agency}\u0000${source.id}` : undefined;
};

/**
 * What an import makes of an entry the town already has. An entry from an editorial office keeps what the town
 * added: fields the message does not set or leaves empty, the English text where the message has none, its own
 * search words beside the message's, and responsibilities of offices the message does not name. The town's own
 * entries (its own export) are replaced as they are.
 */
function merged(current: AnyContent, entry: Checked): AnyContent {
  const incoming = entry.content;
  if (!sourceKey(incoming)) return incoming;
  const kept = { ...current } as Record<string, unknown>;
  for (const [field, value] of Object.entries(incoming)) {
    const empty =
      value === undefined ||
      (Array.isArray(value) && value.length === 0) ||
      (field === 'translations' && !Object.keys(value as object).length);
    if (entry.given.has(field) && !empty) kept[field] = value;
  }
  if ('responsibilities' in incoming && 'responsibilities' in current) {
    const named = new Set(incoming.responsibilities.map((r) => r.office));
    kept.responsibilities = [...incoming.responsibilities, ...current.responsibilities.filter((r) => !named.has(r.office))];
    kept.keywords = [...new Set([...incoming.keywords, ...current.keywords])];
  }
  return kept as AnyContent;
}

export async function importEntries(
  db: Db,
  author: Author,
  file: ParsedFile,
  fallbackUnitId: string,
  options: { skipUnmappable?: boolean } = {},
): Promise<ImportOutcome> {
  const existing = await listEntries(db, author.tenantId, {});
  const { checked, problems } = await check(db, author.tenantId, file.entries, fallbackUnitId, existing);
  const all = [...file.problems, ...problems];
  if (file.entries.length === 0 && file.withdrawn.length === 0)
    return { ok: false, problems: [...all, { subject: { kind: 'file' }, reason: 'empty' }] };
  if (all.length > 0 && !options.skipUnmappable) return { ok: false, problems: all };
  const bySource = new Map(existing.flatMap((row) => (sourceKey(row.published) ? [[sourceKey(row.published)!, row] as const] : [])));
  const bySlug = new Map(existing.map((row) => [`${row.kind}:${row.slug}`, row]));
  return db.transaction().execute(async (trx) => {
    const outcome = { ok: true as const, created: 0, updated: 0, unchanged: 0, withdrawn: 0, skipped: all, otherAreas: file.otherAreas };
    for (const entry of checked) {
      const source = sourceKey(entry.content);
      const current = (source && bySource.get(source)) || bySlug.get(`${entry.kind}:${entry.slug}`);
      const content = current?.published ? merged(current.published, entry) : entry.content;
      if (current && isDeepStrictEqual(current.published, content)) {
        outcome.unchanged++;
        continue;
      }
      const target =
        current ??
        (await createEntry(trx, author, entry.kind, { slug: entry.slug, unitId: entry.unitId, reviewMonths: entry.reviewMonths }, content, {
          draft: false,
        }));
      await publishDirectly(trx, author, { ...target, published_version: current?.published_version ?? null }, content, {
        rebuildLexicon: false,
      });
      if (current) outcome.updated++;
      else outcome.created++;
    }
    for (const source of file.withdrawn) {
      const current = source.own
        ? existing.find((row) => row.slug === source.id && !sourceKey(row.published))
        : bySource.get(`${source.agency}\u0000${source.id}`);
      if (!current?.published) continue;
      await withdrawPublication(trx, author, current);
      outcome.withdrawn++;
    }
    await rebuildLexicon(trx, author.tenantId);
    return outcome;
  });
}

export { UnsafeXml };
