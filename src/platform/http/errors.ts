// Typed errors that domain code throws; the error handler turns each into a page or an application/problem+json answer.
import type { Lang } from '../i18n/index.js';
export type FieldErrors = Record<string, string>;

/** What is wrong, as a text key of the module and its values; the page puts it into words in the reader's
 * language (`explain`). A value given in both languages (a question's label) is picked by language. Services
 * return or throw problems, never sentences. */
export type Problem<K extends string = string> = { code: K; params?: Record<string, string | number | Record<Lang, string>> };

/** Field errors given as text keys, in words. */
export function inWords(fields: FieldErrors, t: (key: never) => string): FieldErrors {
  const translate = t as (key: string) => string;
  return Object.fromEntries(Object.entries(fields).map(([field, key]) => [field, translate(key)]));
}

export function explain<K extends string>(
  problem: Problem<K>,
  t: (key: K, params?: Record<string, string | number>) => string,
  lang: Lang,
): string {
  const params = Object.fromEntries(
    Object.entries(problem.params ?? {}).map(([name, value]) => [name, typeof value === 'object' ? value[lang] : value]),
  );
  return t(problem.code, params);
}

export class DomainError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export class NotFound extends DomainError {
  constructor(what = 'resource') {
    super(404, `${what} not found`);
  }
}

export class Forbidden extends DomainError {
  constructor(reason = 'forbidden') {
    super(403, reason);
  }
}

export class Unauthenticated extends DomainError {
  constructor() {
    super(401, 'authentication required');
  }
}

export class Invalid extends DomainError {
  constructor(readonly fields: FieldErrors) {
    super(400, 'invalid input');
  }
}

/** The change collides with the current state (a name already taken, a record changed meanwhile). */
export class Conflict extends DomainError {
  constructor(
    readonly field: string,
    readonly code: string,
  ) {
    super(409, `conflict: ${field} ${code}`);
  }
}

export class UnknownTenant extends DomainError {
  constructor() {
    super(404, 'unknown tenant');
  }
}
