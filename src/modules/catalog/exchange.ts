// Import and export of the whole catalog (XZuFi XML or JSON). An import validates every element first and
// stores nothing if one is rejected; entries are matched by kind and identifier, so a re-import updates in place.
import { jsonTooDeep } from '../../platform/http/input-shape.js';
import { isDeepStrictEqual } from 'node:util';
import type { Db } from '../../platform/db/database.js';
import { listUnits } from '../../platform/auth/users-repo.js';
import type { EntryKind } from './constants.js';
import type { ExchangeEntry, ImportProblem } from './exchange-model.js';
import { listEntries, listPublished, findEntryBySlug, rebuildLexicon } from './repo.js';
import { contentSchemas, slugPattern, type AnyContent, type ContactContent, type ServiceContent } from './schema.js';
import { createEntry, publishDirectly, type Author } from './service.js';
import { readXzufi, UnsafeXml } from './xzufi-read.js';
import { writeXzufi } from './xzufi-write.js';

export type ImportOutcome = { ok: true; created: number; updated: number; unchanged: number } | { ok: false; problems: ImportProblem[] };

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

export const exportXml = async (db: Db, tenantId: string, producer: string) => writeXzufi(await exportEntries(db, tenantId), producer);
export const exportJson = async (db: Db, tenantId: string) => ({
  format: 'rathaus-catalog',
  version: 1,
  entries: await exportEntries(db, tenantId),
});

function readJson(text: string): { entries: ExchangeEntry[]; problems: ImportProblem[] } {
  if (jsonTooDeep(text)) throw new UnsafeXml('tooLarge');
  const data = JSON.parse(text) as { format?: string; entries?: unknown };
  if (data?.format !== 'rathaus-catalog' || !Array.isArray(data.entries))
    return { entries: [], problems: [{ element: 'file', reason: 'not a Rathaus catalog export (format "rathaus-catalog")' }] };
  return { entries: data.entries as ExchangeEntry[], problems: [] };
}

/** Parses the file; throws UnsafeXml (too large or deep, a DOCTYPE) or SyntaxError for files that are not readable at all. */
export function parseExchangeFile(text: string) {
  return text.trimStart().startsWith('<') ? readXzufi(text) : readJson(text);
}

type Checked = { kind: EntryKind; slug: string; unitId: string; reviewMonths: number; content: AnyContent };

async function check(db: Db, tenantId: string, entries: ExchangeEntry[], fallbackUnitId: string) {
  const units = await listUnits(db, tenantId);
  const unitId = (name?: string) => units.find((unit) => unit.short_name === name || unit.name === name)?.id ?? fallbackUnitId;
  const problems: ImportProblem[] = [];
  const checked: Checked[] = [];
  const seen = new Set<string>();
  for (const entry of entries) {
    const label = `${entry.kind ?? '?'} ${entry.slug ?? '?'}`;
    if (!(entry.kind in contentSchemas) || typeof entry.slug !== 'string' || !slugPattern.test(entry.slug)) {
      problems.push({ element: label, reason: 'unknown kind or invalid identifier' });
      continue;
    }
    if (seen.has(`${entry.kind}:${entry.slug}`)) problems.push({ element: label, reason: 'identifier appears twice in the file' });
    seen.add(`${entry.kind}:${entry.slug}`);
    const parsed = contentSchemas[entry.kind].safeParse(entry.content);
    if (!parsed.success) {
      problems.push(
        ...parsed.error.issues.map((issue) => ({ element: label, reason: `${issue.path.join('.') || 'content'}: ${issue.message}` })),
      );
      continue;
    }
    checked.push({
      kind: entry.kind,
      slug: entry.slug,
      unitId: unitId(entry.unit),
      reviewMonths: Math.min(60, Math.max(1, entry.reviewMonths ?? 12)),
      content: JSON.parse(JSON.stringify(parsed.data)) as AnyContent,
    });
  }
  const known = new Set([
    ...seen,
    ...(await listPublished(db, tenantId, 'office')).map((row) => `office:${row.slug}`),
    ...(await listPublished(db, tenantId, 'contact')).map((row) => `contact:${row.slug}`),
  ]);
  for (const entry of checked) {
    const references =
      entry.kind === 'service'
        ? (entry.content as ServiceContent).responsibilities.flatMap((r) => [
            r.office && `office:${r.office}`,
            r.contact && `contact:${r.contact}`,
          ])
        : entry.kind === 'contact'
          ? [(entry.content as ContactContent).office && `office:${(entry.content as ContactContent).office}`]
          : [];
    for (const reference of references)
      if (reference && !known.has(reference))
        problems.push({ element: `${entry.kind} ${entry.slug}`, reason: `refers to unknown ${reference.replace(':', ' ')}` });
  }
  return { checked, problems };
}

export async function importEntries(
  db: Db,
  author: Author,
  file: { entries: ExchangeEntry[]; problems: ImportProblem[] },
  fallbackUnitId: string,
): Promise<ImportOutcome> {
  const { checked, problems } = await check(db, author.tenantId, file.entries, fallbackUnitId);
  if (file.problems.length + problems.length > 0 || file.entries.length === 0) {
    return {
      ok: false,
      problems: [...file.problems, ...problems, ...(file.entries.length === 0 ? [{ element: 'file', reason: 'contains no entries' }] : [])],
    };
  }
  return db.transaction().execute(async (trx) => {
    const outcome = { ok: true as const, created: 0, updated: 0, unchanged: 0 };
    for (const entry of checked) {
      const existing = await findEntryBySlug(trx, author.tenantId, entry.kind, entry.slug);
      if (existing && isDeepStrictEqual(existing.published, entry.content)) {
        outcome.unchanged++;
        continue;
      }
      const target =
        existing ??
        (await createEntry(
          trx,
          author,
          entry.kind,
          { slug: entry.slug, unitId: entry.unitId, reviewMonths: entry.reviewMonths },
          entry.content,
          { draft: false },
        ));
      await publishDirectly(trx, author, { ...target, published_version: existing?.published_version ?? null }, entry.content, {
        rebuildLexicon: false,
      });
      if (existing) outcome.updated++;
      else outcome.created++;
    }
    await rebuildLexicon(trx, author.tenantId);
    return outcome;
  });
}

export { UnsafeXml };
