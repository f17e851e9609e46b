// What every request knows once the platform hooks ran: tenant, language, who is asking, and the request id.
import type { Role } from '../auth/roles.js';
import type { Lang, Translate } from '../i18n/index.js';
import type { TenantSettings } from '../db/tables.js';

/** A one-time message after a redirect: a confirmation, or why nothing was done. */
export type Flash = { kind: 'success' | 'error'; text: string };

export type Tenant = { id: string; slug: string; name: string; hosts: string[]; settings: TenantSettings };

export type Actor =
  | { kind: 'anonymous' }
  | { kind: 'staff'; userId: string; name: string; roles: Set<Role>; unitIds: string[] }
  | { kind: 'citizen'; userId: string; name: string; roles: Set<Role> };

export type NavItem = { href: string; label: Record<Lang, string>; description?: Record<Lang, string>; access?: readonly Role[] };

export type RequestContext = {
  tenant: Tenant;
  lang: Lang;
  t: Translate;
  actor: Actor;
  sessionId: string | undefined;
  sessionExpired: boolean;
  requestId: string;
  path: string;
  csrfToken: () => string;
  flash: Flash | undefined;
  nav: NavItem[];
};

export const anonymous: Actor = { kind: 'anonymous' };

/** How an entry names its actor: a member of staff by name; a citizen only by account id (the admin can resolve it). */
export function actorLabel(actor: Actor): string {
  if (actor.kind === 'staff') return actor.name;
  return actor.kind === 'anonymous' ? 'anonymous' : `${actor.kind}:${actor.userId}`;
}

export function actorId(actor: Actor): string | null {
  return actor.kind === 'anonymous' ? null : actor.userId;
}

/** Whether a navigation entry is for this actor (entries without access are for everyone). */
export function mayUse(item: NavItem, actor: Actor): boolean {
  return !item.access || (actor.kind !== 'anonymous' && item.access.some((role) => actor.roles.has(role)));
}

/** Back-office areas are listed on the back office's start page, not in the main navigation (which must not wrap). */
export const isBackOfficeArea = (item: NavItem) => item.href.startsWith('/bo') || item.href.startsWith('/admin');

/** Anonymous visitors without a one-time message all see the same page, so such a page may be rendered once and shared. */
export function isSharedView(ctx: RequestContext): boolean {
  return ctx.actor.kind === 'anonymous' && !ctx.flash;
}
