// The search queries: full text with the `german` configuration, prefix matching for compounds and
// trigram similarity against the catalog's own vocabulary for typos.
import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.js';

/** For each word group: whether it is only stop words, and how many published services it matches. */
export async function analyseGroups(db: Db, tenantId: string, groups: string[]): Promise<{ empty: boolean; matches: number }[]> {
  const { rows } = await sql<{ ord: number; empty: boolean; matches: number }>`
    select g.ord::int as ord, numnode(to_tsquery('german', g.q)) = 0 as empty,
      (select count(*)::int from catalog_entry
        where tenant_id = ${tenantId} and kind = 'service' and published is not null and search @@ to_tsquery('german', g.q)) as matches
    from unnest(${groups}::text[]) with ordinality as g(q, ord)
    order by g.ord`.execute(db);
  return rows.map((row) => ({ empty: row.empty, matches: row.matches }));
}

export async function closestWord(db: Db, tenantId: string, word: string): Promise<string | undefined> {
  const { rows } = await sql<{ word: string }>`
    select word from catalog_lexicon
    where tenant_id = ${tenantId} and similarity(word, ${word}) > 0.35
    order by similarity(word, ${word}) desc, word limit 1`.execute(db);
  return rows[0]?.word;
}

export type SearchHit = { slug: string; name: string; summary: string; name_en: string | null; summary_en: string | null; score: number };

/** Services matching any word group, ranked: all groups matched first, then text rank and name similarity. */
export async function rankServices(
  db: Db,
  tenantId: string,
  query: { any: string; all: string; raw: string; limit: number },
): Promise<SearchHit[]> {
  const { rows } = await sql<SearchHit>`
    select slug, name, published->>'summary' as summary,
      published->'translations'->'en'->>'name' as name_en, published->'translations'->'en'->>'summary' as summary_en,
      (case when search @@ to_tsquery('german', ${query.all}) then 1 else 0 end)
      + ts_rank(search, to_tsquery('german', ${query.any}))
      + word_similarity(${query.raw}, lower(name)) * 0.5 as score
    from catalog_entry
    where tenant_id = ${tenantId} and kind = 'service' and published is not null
      and search @@ to_tsquery('german', ${query.any})
    order by score desc, name
    limit ${query.limit}`.execute(db);
  return rows.map((row) => ({ ...row, score: Number(row.score) }));
}
