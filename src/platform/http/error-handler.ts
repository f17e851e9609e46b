// One place that turns errors into answers: HTML pages for people, application/problem+json for API clients.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { ErrorPage } from '../ui/error-page.js';
import { sendHtml } from '../ui/render.js';
import { FileTooLarge, FileTypeNotAllowed } from '../storage/storage.js';
import { DomainError, Invalid, Unauthenticated, UnknownTenant } from './errors.js';
import { fallbackContext } from './request-context.js';
import { accessOf, loginPathFor } from './routes.js';
import type { MessageKey } from '../i18n/index.js';

type Answer = { status: number; title: MessageKey; text: MessageKey; params?: Record<string, string | number>; back?: boolean };

function classify(error: FastifyError | Error, requestId: string): Answer {
  const code = (error as FastifyError).code;
  if (error instanceof UnknownTenant) return { status: 404, title: 'error.notFound', text: 'error.unknownTenant' };
  if (
    error instanceof FileTooLarge ||
    code === 'FST_REQ_FILE_TOO_LARGE' ||
    code === 'FST_ERR_CTP_BODY_TOO_LARGE' ||
    code === 'FST_FILES_LIMIT'
  )
    return { status: 413, title: 'error.tooLarge', text: 'error.tooLargeText', params: { max: maxLabel(error) }, back: true };
  if (error instanceof FileTypeNotAllowed)
    return { status: 415, title: 'error.title', text: 'error.unsupportedType', params: { allowed: error.allowed.join(', ') }, back: true };
  if (code?.startsWith('FST_CSRF')) return { status: 403, title: 'error.csrf', text: 'error.csrfText', back: true };
  if (error instanceof DomainError && error.status === 400)
    return { status: 400, title: 'error.title', text: 'error.badRequestText', back: true };
  if ((error as FastifyError).statusCode === 429)
    return { status: 429, title: 'error.rateLimited', text: 'error.rateLimitedText', back: true };
  if (error instanceof DomainError && error.status === 409)
    return { status: 409, title: 'error.title', text: 'error.conflictText', back: true };
  if (error instanceof DomainError && error.status === 403) return { status: 403, title: 'error.forbidden', text: 'error.forbiddenText' };
  if (error instanceof DomainError && error.status === 404) return { status: 404, title: 'error.notFound', text: 'error.notFoundText' };
  const status = (error as FastifyError).statusCode;
  if (status === 404) return { status: 404, title: 'error.notFound', text: 'error.notFoundText' };
  if (status && status >= 400 && status < 500) return { status: 400, title: 'error.title', text: 'error.badRequestText', back: true };
  return { status: 500, title: 'error.internal', text: 'error.internalText', params: { requestId } };
}

function maxLabel(error: Error): string {
  const bytes = error instanceof FileTooLarge ? error.maxBytes : 10 * 1024 * 1024;
  return `${Math.round(bytes / 1024 / 1024)} MB`;
}

function wantsJson(request: FastifyRequest): boolean {
  return request.url.startsWith('/api/') || (request.headers.accept ?? '').includes('application/json');
}

export async function handleError(error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply) {
  // An answer the handler had begun (a redirect before a failed commit) is replaced whole.
  reply.removeHeader('location');
  if (error instanceof Unauthenticated && !wantsJson(request)) {
    const next = encodeURIComponent(request.url);
    const expired = request.ctx?.sessionExpired ? '&abgelaufen=1' : '';
    return reply.redirect(`${loginPathFor(accessOf(request))}?next=${next}${expired}`, 303);
  }
  const answer =
    error instanceof Unauthenticated
      ? ({ status: 401, title: 'error.forbidden', text: 'error.forbiddenText' } as Answer)
      : classify(error, request.id);
  if (answer.status >= 500) request.log.error({ event: 'request_failed', err: error, request_id: request.id }, 'request_failed');
  else request.log.info({ event: 'request_refused', status: answer.status, code: (error as FastifyError).code }, 'request_refused');
  const ctx = request.ctx ?? fallbackContext(request);
  if (wantsJson(request)) {
    const body: Record<string, unknown> = {
      type: 'about:blank',
      title: ctx.t(answer.title),
      status: answer.status,
      detail: ctx.t(answer.text, answer.params),
    };
    if (error instanceof Invalid) body.errors = error.fields;
    return reply.status(answer.status).type('application/problem+json').send(body);
  }
  const backHref = answer.back ? (sameOriginReferer(request) ?? request.url) : undefined;
  return sendHtml(reply, ErrorPage({ ctx, title: ctx.t(answer.title), text: ctx.t(answer.text, answer.params), backHref }), answer.status);
}

function sameOriginReferer(request: FastifyRequest): string | undefined {
  const referer = request.headers.referer;
  if (!referer) return undefined;
  try {
    const url = new URL(referer);
    return url.host === request.headers.host ? url.pathname + url.search : undefined;
  } catch {
    return undefined;
  }
}
