// Every route declares who may call it. Routes without a declaration stop start-up; the declaration is
// enforced before the handler runs, and the list of declarations is what the access test walks.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Role } from '../auth/roles.js';
import type { RequestContext } from './context.js';
import { Forbidden, Unauthenticated } from './errors.js';

/** public: everyone; authenticated: any logged-in actor; a role list: actors holding at least one of them. */
/** 'apiKey': machine access; the handler checks the caller's key and answers 401 without a valid one. */
export type Access = 'public' | 'apiKey' | 'authenticated' | readonly Role[];

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
    /** Health, metrics and static files answer without a tenant. */
    tenantless?: boolean;
    /** Only for endpoints that authenticate their callers otherwise (the IdP's token endpoint, APIs with tokens). */
    csrf?: boolean;
    /** The handler reads a multipart form; its CSRF token (the first field) is checked as the form is read. */
    multipart?: boolean;
  }
  interface FastifyRequest {
    ctx: RequestContext;
  }
}

export type RouteDeclaration = { method: string; url: string; access: Access };

export function collectRouteDeclarations(app: FastifyInstance): RouteDeclaration[] {
  const declarations: RouteDeclaration[] = [];
  app.addHook('onRoute', (route) => {
    // @fastify/static takes no route config: its files are public and need no tenant.
    if (route.url.startsWith('/static/')) route.config = { ...route.config, access: 'public', tenantless: true };
    const access = (route.config as { access?: Access } | undefined)?.access;
    if (!access) throw new Error(`Route ${String(route.method)} ${route.url} declares no access`);
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') declarations.push({ method, url: route.url, access });
    }
  });
  return declarations;
}

export function accessOf(request: FastifyRequest): Access {
  return request.routeOptions.config?.access ?? 'public';
}

export function isAllowed(access: Access, ctx: Pick<RequestContext, 'actor'>): boolean {
  if (access === 'public' || access === 'apiKey') return true;
  if (ctx.actor.kind === 'anonymous') return false;
  if (access === 'authenticated') return true;
  const roles = ctx.actor.roles;
  return access.some((role) => roles.has(role));
}

export async function authorize(request: FastifyRequest): Promise<void> {
  const access = accessOf(request);
  if (isAllowed(access, request.ctx)) return;
  throw request.ctx.actor.kind === 'anonymous' ? new Unauthenticated() : new Forbidden();
}

/** Where an anonymous caller of a protected page is sent to log in: staff pages to the staff login, the rest to the citizen account. */
export function loginPathFor(access: Access): string {
  const citizenOnly = Array.isArray(access) && access.length === 1 && access[0] === 'citizen';
  return citizenOnly ? '/konto' : '/bo/anmelden';
}
