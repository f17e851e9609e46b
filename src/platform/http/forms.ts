// Small helpers for HTML form posts: reading fields and safe local redirects.
import { z } from 'zod';

/** A plain form's body: each field one text; a field sent twice or with structure reads as empty. */
export const textForm = z
  .record(z.string(), z.unknown())
  .default({})
  .transform((body) => Object.fromEntries(Object.entries(body).map(([key, value]) => [key, typeof value === 'string' ? value : ''])));

const SITE = 'http://rathaus.invalid';

/**
 * Only paths on this site. The value is read by the WHATWG URL parser, as a browser reads a Location header
 * (tabs and newlines dropped, backslashes as slashes, dot segments resolved), and kept only if it stays on
 * this origin; what is returned is the parser's own serialisation, so it carries no control characters.
 */
export function localPath(value: unknown, fallback: string): string {
  if (typeof value !== 'string' || !value.startsWith('/')) return fallback;
  let url: URL;
  try {
    url = new URL(value, `${SITE}/`);
  } catch {
    return fallback;
  }
  const path = `${url.pathname}${url.search}${url.hash}`;
  return url.origin === SITE && !path.startsWith('//') ? path : fallback;
}
