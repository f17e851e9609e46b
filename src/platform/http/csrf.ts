// CSRF protection: every unsafe request carries the token of its form. Urlencoded forms are checked before the
// handler runs; a multipart form's token is its first field and is checked before any file is read (so the token
// never travels in the URL, where it would show in the address bar, the history and the logs).
import { randomBytes } from 'node:crypto';
import Tokens from '@fastify/csrf';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** The cookie that holds a visitor's CSRF secret (signed), as the plugin reads it. */
export const CSRF_COOKIE = '_csrf';
export const csrfCookieOptions = (secure: boolean) => ({ path: '/', sameSite: 'lax' as const, httpOnly: true, secure, signed: true });

// Tokens made as the plugin makes them (same defaults), so that its check accepts them.
const tokens = Tokens();
const SECRET_BYTES = 18;
let pool = Buffer.alloc(0);
let used = 0;

/** A new secret from a pool of random bytes (one system call per 256 secrets; every byte is used once). */
function freshSecret(): string {
  if (used + SECRET_BYTES > pool.length) {
    pool = randomBytes(SECRET_BYTES * 256);
    used = 0;
  }
  used += SECRET_BYTES;
  return pool.toString('base64url', used - SECRET_BYTES, used);
}

/** The token for the forms of one answer: from the visitor's secret, or a new secret set as their cookie. */
export function csrfTokenFor(request: FastifyRequest, reply: FastifyReply, secure: boolean): string {
  const cookie = request.cookies[CSRF_COOKIE];
  let secret = cookie ? request.unsignCookie(cookie).value : null;
  if (!secret) {
    secret = freshSecret();
    reply.setCookie(CSRF_COOKIE, secret, csrfCookieOptions(secure));
  }
  return tokens.create(secret);
}

/** Where the plugin finds the token: the form's `_csrf` field, or the `csrf-token` header of a script. */
export function csrfTokenOf(request: { body?: unknown; headers: Record<string, unknown> }): string | undefined {
  const fromBody = request.body && typeof request.body === 'object' && '_csrf' in request.body ? request.body._csrf : undefined;
  if (typeof fromBody === 'string') return fromBody;
  const header = request.headers['csrf-token'];
  return typeof header === 'string' ? header : undefined;
}

/** Resolves when the request's token matches its cookie; rejects with the plugin's 403 error otherwise. */
export function checkCsrf(request: FastifyRequest, token?: string): Promise<void> {
  if (token !== undefined) request.body = { _csrf: token };
  return new Promise((resolve, reject) => {
    const reply = { unsignCookie: (value: string) => request.unsignCookie(value), send: reject } as unknown as FastifyReply;
    request.server.csrfProtection(request, reply, () => resolve());
  });
}

/** Whether the check waits for the handler: a multipart form on a route that declares it reads one. */
export function csrfDeferred(request: FastifyRequest): boolean {
  return request.routeOptions.config?.multipart === true && request.isMultipart();
}
