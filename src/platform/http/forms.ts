// Small helpers for HTML form posts: reading fields and safe local redirects.
import type { FastifyRequest } from 'fastify';

export function formFields(request: FastifyRequest): Record<string, string> {
  const body = (request.body ?? {}) as Record<string, unknown>;
  return Object.fromEntries(Object.entries(body).map(([key, value]) => [key, typeof value === 'string' ? value : '']));
}

/** Only paths on this site: never an absolute or protocol-relative URL an attacker could slip in. */
export function localPath(value: unknown, fallback: string): string {
  return typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') && !value.includes('\\') ? value : fallback;
}
