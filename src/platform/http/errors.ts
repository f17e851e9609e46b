// Typed errors that domain code throws; the error handler turns each into a page or an application/problem+json answer.
import type { Lang } from '../i18n/index.js';
export type FieldErrors = Record<string, string>;

/** What is wrong, as a text key of the module and its values; the page puts it into words in the reader's
 * language (`explain`). A value given in both languages (a question's label) is picked by language. Services
 * return or throw problems, never sentences. */
export type Problem<K extends string = string> = { code: K; params?: Record<string, string | number | Record<Lang, string>> };

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

export class UnknownTenant extends DomainError {
  constructor() {
    super(404, 'unknown tenant');
  }
}
