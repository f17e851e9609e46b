// Turning what people type into a PostgreSQL full-text query: words of letters and digits (everything else,
// including tsquery operators, is a separator), matched as prefixes so that "hund" finds "Hundeanmeldung".
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

/** A tsquery text in which every word must match as a prefix, or undefined when nothing searchable is left. */
export function allPrefixes(query: string): string | undefined {
  const words = [...new Set(tokenize(query))];
  return words.length ? words.map((word) => `${word}:*`).join(' & ') : undefined;
}
