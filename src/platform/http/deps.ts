// What route registrars and services receive: the database, configuration, file store and the audit helper.
import type { Config } from '../../config.js';
import type { Db } from '../db/database.js';
import type { BlobStore } from '../storage/storage.js';
import type { VirusScanner } from '../storage/virus-scan.js';
import type { TenantResolver } from '../tenancy/tenants.js';
import type { Module } from '../module.js';
import type { EventBus } from '../events.js';
import { recordAudit, recordView, type AuditEntry } from '../audit/audit-log.js';
import { actorId, actorLabel, type RequestContext } from './context.js';

export type Deps = {
  db: Db;
  config: Config;
  baseUrl: string;
  store: BlobStore;
  /** Set when CLAMD_HOST is configured: every upload is scanned before it is stored. */
  scanner?: VirusScanner;
  tenants: TenantResolver;
  /** The installation's modules (to ask the questions they answer, see platform/module.ts). */
  modules: readonly Module[];
  /** Publishes domain events to the subscribers the modules declare. */
  events: EventBus;
};

type AuditObject = { type: string; id?: string | null; summary?: Record<string, unknown> };

function entryOf(ctx: RequestContext, action: string, object: AuditObject): AuditEntry {
  return {
    tenantId: ctx.tenant.id,
    actorId: actorId(ctx.actor),
    actorLabel: actorLabel(ctx.actor),
    action,
    objectType: object.type,
    objectId: object.id ?? null,
    summary: object.summary,
    requestId: ctx.requestId,
  };
}

/** Records what an actor did, inside the caller's transaction when one is given. */
export function audit(db: Db, ctx: RequestContext, action: string, object: AuditObject) {
  return recordAudit(db, entryOf(ctx, action, object));
}

/** Records that an actor looked at personal data: once per person and object within a quarter of an hour. */
export function auditView(db: Db, ctx: RequestContext, action: string, object: AuditObject) {
  return recordView(db, entryOf(ctx, action, object));
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The origin links and redirects name: the one the browser used when this installation answers to it — the
 * configured BASE_URL, a tenant's own host, or, when BASE_URL is a loopback address (the demo's default), the other
 * loopback names on the same port — and otherwise BASE_URL. A forged Host header never reaches a link.
 */
export function tenantBaseUrl(deps: Deps, ctx: RequestContext, host: string | undefined): string {
  const configured = new URL(deps.baseUrl);
  const used = parseHost(host);
  if (!used) return deps.baseUrl;
  if (ctx.tenant.hosts.includes(used.hostname))
    return `${configured.protocol}//${used.hostname}${configured.port ? `:${configured.port}` : ''}`;
  if (LOOPBACK.has(configured.hostname) && LOOPBACK.has(used.hostname) && used.port === configured.port)
    return `${configured.protocol}//${used.host}`;
  return deps.baseUrl;
}

/** Every origin the demo identity provider must accept a return to: BASE_URL, its loopback aliases, tenant hosts. */
export function knownOrigins(baseUrl: string, tenantHosts: string[]): string[] {
  const base = new URL(baseUrl);
  const port = base.port ? `:${base.port}` : '';
  const aliases = LOOPBACK.has(base.hostname) ? [...LOOPBACK] : [];
  return [...new Set([base.origin, ...[...aliases, ...tenantHosts].map((name) => `${base.protocol}//${name}${port}`)])];
}

function parseHost(host: string | undefined): URL | undefined {
  if (!host) return undefined;
  try {
    return new URL(`http://${host.toLowerCase()}`);
  } catch {
    return undefined;
  }
}
