// Small helpers for HTML form posts: reading fields, safe local redirects, zod issues as field messages.
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { FieldErrors } from './errors.js';

export function formFields(request: FastifyRequest): Record<string, string> {
  const body = (request.body ?? {}) as Record<string, unknown>;
  return Object.fromEntries(Object.entries(body).map(([key, value]) => [key, typeof value === 'string' ? value : '']));
}

/** Only paths on this site: never an absolute or protocol-relative URL an attacker could slip in. */
export function localPath(value: unknown, fallback: string): string {
  return typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') && !value.includes('\\') ? value : fallback;
}

/** Maps zod issues to field messages; each issue's message is a translation produced by the schema's caller. */
export function fieldErrors(error: z.ZodError, translate: (issue: z.core.$ZodIssue) => string): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? 'form');
    errors[field] ??= translate(issue);
  }
  return errors;
}
