// Search as people type it: words are reduced to what the `german` configuration can stem, expanded by the
// tenant's synonyms ("Perso" → Personalausweis), corrected against the catalog's vocabulary ("Hundesteur")
// and matched as prefixes so that "hund" finds "Hundeanmeldung".
import type { Db } from '../../platform/db/database.js';
import { tokenize } from '../../platform/db/text-search.js';
import { listSynonyms } from './repo.js';
import { cached } from './search-cache.js';
import { analyseGroups, closestWord, rankServices, type SearchHit } from './search-repo.js';

export type SearchResult = { query: string; hits: SearchHit[]; correctedQuery?: string; meaningless: boolean };

function group(words: string[]): string {
  const unique = [...new Set(words)];
  return unique.length === 1 ? `${unique[0]}:*` : `(${unique.map((word) => `${word}:*`).join(' | ')})`;
}

export async function searchServices(db: Db, tenantId: string, query: string, limit = 30): Promise<SearchResult> {
  const words = tokenize(query);
  if (words.length === 0) return { query, hits: [], meaningless: true };
  const result = await cached(tenantId, `${limit}:${words.join(' ')}`, () => rankWords(db, tenantId, words, limit));
  return { ...result, query };
}

async function rankWords(db: Db, tenantId: string, words: string[], limit: number): Promise<Omit<SearchResult, 'query'>> {
  const synonyms = await cached(
    tenantId,
    'synonyms',
    async () => new Map((await listSynonyms(db, tenantId)).map((row) => [row.term, tokenize(row.expansion)])),
  );
  const alternatives = words.map((word) => [word, ...(synonyms.get(word) ?? [])]);
  const analysis = await analyseGroups(db, tenantId, alternatives.map(group));
  const groups: string[][] = [];
  const corrected: string[] = [];
  for (const [index, word] of words.entries()) {
    if (analysis[index]!.empty) continue;
    const correction = analysis[index]!.matches === 0 ? await closestWord(db, tenantId, word) : undefined;
    groups.push(correction ? [...alternatives[index]!, ...tokenize(correction)] : alternatives[index]!);
    corrected.push(correction ?? word);
  }
  if (groups.length === 0) return { hits: [], meaningless: true };
  const hits = await rankServices(db, tenantId, {
    any: groups.map(group).join(' | '),
    all: groups.map(group).join(' & '),
    raw: words.join(' '),
    limit,
  });
  const correctedQuery = corrected.join(' ');
  return { hits, meaningless: false, correctedQuery: correctedQuery !== words.join(' ') ? correctedQuery : undefined };
}
