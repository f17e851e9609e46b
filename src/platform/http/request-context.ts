// Builds the request context in the onRequest hooks: tenant from the host, language from ?lang or the cookie,
// and the actor from the server-side session.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../config.js';
import type { Db } from '../db/database.js';
import { effectiveRoles, isStaffRole } from '../auth/roles.js';
import { SESSION_COOKIE, loadSession } from '../auth/sessions.js';
import { findUserById, membershipsOf } from '../auth/users-repo.js';
import { parseLang, translator, type Lang } from '../i18n/index.js';
import { hostName, type TenantResolver } from '../tenancy/tenants.js';
import { anonymous, type Actor, type Flash, type NavItem, type RequestContext, type Tenant } from './context.js';
import { UnknownTenant } from './errors.js';
import { csrfTokenFor } from './csrf.js';

const LANG_COOKIE = 'lang';
export const FLASH_COOKIE = 'rh_flash';

const neutralTenant: Tenant = { id: '', slug: '', name: 'Rathaus', hosts: [], settings: {} };

/** What every page reads from the query before its route does: `?lang=en`, and `?abgelaufen=1` after a
 * session ran out. Any other shape (a list, an object) counts as absent. */
const queryValue = (request: FastifyRequest, name: 'lang' | 'abgelaufen'): string | undefined => {
  const value = (request.query as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value : undefined;
};

function pickLang(request: FastifyRequest, reply: FastifyReply): Lang {
  const fromQuery = parseLang(queryValue(request, 'lang'));
  if (fromQuery) {
    reply.setCookie(LANG_COOKIE, fromQuery, { path: '/', sameSite: 'lax', httpOnly: true, maxAge: 365 * 86_400 });
    return fromQuery;
  }
  return parseLang(request.cookies[LANG_COOKIE]) ?? 'de';
}

function baseContext(
  request: FastifyRequest,
  reply: FastifyReply | undefined,
  tenant: Tenant,
  nav: NavItem[],
  secure = false,
): RequestContext {
  const lang = reply ? pickLang(request, reply) : (parseLang(request.cookies?.[LANG_COOKIE]) ?? 'de');
  // One token per response: a second call would make a new secret and orphan the first token on the page.
  let token: string | undefined;
  return {
    tenant,
    lang,
    t: translator(lang),
    actor: anonymous,
    sessionId: undefined,
    sessionExpired: false,
    requestId: request.id,
    path: request.url.split('?')[0],
    csrfToken: () => (token ??= reply ? csrfTokenFor(request, reply, secure) : ''),
    flash: undefined,
    nav,
  };
}

/** For errors raised before the context exists (unknown tenant): a neutral page that reveals nothing. */
export function fallbackContext(request: FastifyRequest): RequestContext {
  return baseContext(request, undefined, neutralTenant, []);
}

async function actorFor(db: Db, tenantId: string, userId: string): Promise<Actor> {
  const user = await findUserById(db, tenantId, userId);
  if (!user) return anonymous;
  if (user.kind !== 'staff') return { kind: 'citizen', userId: user.id, name: user.display_name, roles: new Set(['citizen']) };
  const memberships = await membershipsOf(db, tenantId, user.id);
  const unitRoles = memberships.map((m) => m.role).filter(isStaffRole);
  return {
    kind: 'staff',
    userId: user.id,
    name: user.display_name,
    roles: effectiveRoles(unitRoles, user.platform_admin),
    unitIds: [...new Set(memberships.map((m) => m.unit_id))],
  };
}

export function contextHook(deps: { db: Db; config: Config; secure: boolean; tenants: TenantResolver; nav: NavItem[] }) {
  const timeouts = { idleMinutes: deps.config.sessionIdleMinutes, absoluteHours: deps.config.sessionAbsoluteHours };
  return async (request: FastifyRequest, reply: FastifyReply) => {
    if (request.routeOptions.config?.tenantless) return;
    const tenant = await deps.tenants.resolve(hostName(request.headers.host));
    if (!tenant) throw new UnknownTenant();
    const ctx = baseContext(request, reply, tenant, deps.nav, deps.secure);
    request.ctx = ctx;
    ctx.sessionExpired = queryValue(request, 'abgelaufen') === '1';
    const flash = request.cookies[FLASH_COOKIE];
    if (flash) {
      const unsigned = request.unsignCookie(flash);
      ctx.flash = unsigned.valid && unsigned.value ? readFlash(unsigned.value) : undefined;
      reply.clearCookie(FLASH_COOKIE, { path: '/' });
    }
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    const session = await loadSession(deps.db, tenant.id, token, timeouts);
    if (session === 'expired' || !session) {
      ctx.sessionExpired ||= session === 'expired';
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return;
    }
    ctx.sessionId = token;
    if (session.userId) ctx.actor = await actorFor(deps.db, tenant.id, session.userId);
  };
}

/** The message shown once on the page the redirect leads to; an error is shown as one (and announced). */
export function setFlash(reply: FastifyReply, message: string, kind: Flash['kind'] = 'success') {
  reply.setCookie(FLASH_COOKIE, `${kind}:${message}`, { path: '/', signed: true, httpOnly: true, sameSite: 'lax', maxAge: 60 });
}

function readFlash(value: string): Flash {
  const separator = value.indexOf(':');
  const kind = value.slice(0, separator);
  return kind === 'error' || kind === 'success' ? { kind, text: value.slice(separator + 1) } : { kind: 'success', text: value };
}
