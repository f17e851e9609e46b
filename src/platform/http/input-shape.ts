// The shape of what arrives before anything reads it: nesting is bounded before a parser recurses into it, and a
// repeated query parameter counts once (its first value) everywhere, so no handler meets an array it did not ask for.
import type { FastifyInstance } from 'fastify';
import { DomainError } from './errors.js';

/** Deeper than any form, API body or exchange file we read; deep enough input is only ever an attack on the parser. */
export const MAX_NESTING = 64;

export class TooDeep extends DomainError {
  constructor() {
    super(400, 'input nested too deeply');
  }
}

/** Whether JSON text opens more than `max` arrays or objects inside each other (strings are skipped). */
export function jsonTooDeep(text: string, max = MAX_NESTING): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const char = text.charCodeAt(i);
    if (inString) {
      if (char === 92) i++;
      else if (char === 34) inString = false;
    } else if (char === 34) inString = true;
    else if (char === 91 || char === 123) {
      if (++depth > max) return true;
    } else if (char === 93 || char === 125) depth--;
  }
  return false;
}

/** Whether XML text opens more than `max` elements inside each other (comments, CDATA and declarations are skipped). */
export function xmlTooDeep(text: string, max = MAX_NESTING): boolean {
  let depth = 0;
  for (const match of text.matchAll(/<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<[?!][^>]*>|<(\/?)[^>]*?(\/?)>/g)) {
    if (match[0].startsWith('<!') || match[0].startsWith('<?')) continue;
    if (match[1]) depth--;
    else if (!match[2] && ++depth > max) return true;
  }
  return false;
}

/** Query strings: the first value of a repeated parameter; keys that would reach an object's prototype are dropped. */
export function parseQuery(text: string): Record<string, string> {
  const query: Record<string, string> = {};
  for (const [key, value] of new URLSearchParams(text)) {
    if (key === '__proto__' || key === 'constructor' || key === 'prototype' || Object.hasOwn(query, key)) continue;
    query[key] = value;
  }
  return query;
}

/** JSON bodies: refused before parsing when nested too deeply, and without prototype keys. */
export function registerJsonBodies(app: FastifyInstance) {
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    const text = String(body);
    if (text.trim() === '') return done(null, {});
    if (jsonTooDeep(text)) return done(new TooDeep(), undefined);
    try {
      done(
        null,
        JSON.parse(text, (key, value: unknown) => (key === '__proto__' || key === 'constructor' ? undefined : value)),
      );
    } catch {
      done(Object.assign(new Error('invalid JSON body'), { statusCode: 400, code: 'FST_ERR_CTP_INVALID_JSON_BODY' }), undefined);
    }
  });
}
