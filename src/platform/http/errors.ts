// Typed errors that domain code throws; the error handler turns each into a page or an application/problem+json answer.
export type FieldErrors = Record<string, string>;

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
