// Search as people type it: words are reduced to what the `german` configuration can stem, expanded by the
// tenant's synonyms ("Perso" → Personalausweis), corrected against the catalog's vocabulary ("Hundesteur")
// and matched as prefixes so that "hund" finds "Hundeanmeldung".
import type { Db } from '../../platform/db/database.js';
import { listSynonyms } from './repo.js';
import { closestWord, countMatches, isEmptyQuery, rankServices, type SearchHit } from './search-repo.js';

export type SearchResult = { query: string; hits: SearchHit[]; correctedQuery?: string; meaningless: boolean };

const MAX_WORDS = 8;

/** Lower-cased words of letters and digits; everything else (quotes, operators, symbols) is a separator. */
export function tokenize(query: string): string[] {
  return query
    .toLowerCase()
    .normalize('NFC')
    .replace(/ß/g, 'ss')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length >= 2)
    .slice(0, MAX_WORDS);
}

function group(words: string[]): string {
  const unique = [...new Set(words)];
  return unique.length === 1 ? `${unique[0]}:*` : `(${unique.map((word) => `${word}:*`).join(' | ')})`;
}

export async function searchServices(db: Db, tenantId: string, query: string, limit = 30): Promise<SearchResult> {
  const words = tokenize(query);
  if (words.length === 0) return { query, hits: [], meaningless: true };
  const synonyms = new Map((await listSynonyms(db, tenantId)).map((row) => [row.term, tokenize(row.expansion)]));
  const groups: string[][] = [];
  const corrected: string[] = [];
  for (const word of words) {
    const alternatives = [word, ...(synonyms.get(word) ?? [])];
    if (await isEmptyQuery(db, group(alternatives))) continue;
    const correction = (await countMatches(db, tenantId, group(alternatives))) === 0 ? await closestWord(db, tenantId, word) : undefined;
    if (correction) alternatives.push(...tokenize(correction));
    corrected.push(correction ?? word);
    groups.push(alternatives);
  }
  if (groups.length === 0) return { query, hits: [], meaningless: true };
  const hits = await rankServices(db, tenantId, {
    any: groups.map(group).join(' | '),
    all: groups.map(group).join(' & '),
    raw: words.join(' '),
    limit,
  });
  const correctedQuery = corrected.join(' ');
  return { query, hits, meaningless: false, correctedQuery: correctedQuery !== words.join(' ') ? correctedQuery : undefined };
}
