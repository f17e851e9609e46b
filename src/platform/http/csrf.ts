// CSRF protection: every unsafe request carries the token of its form. Urlencoded forms are checked before the
// handler runs; a multipart form's token is its first field and is checked before any file is read (so the token
// never travels in the URL, where it would show in the address bar, the history and the logs).
import type { FastifyReply, FastifyRequest } from 'fastify';

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
