// What route registrars and services receive: the database, configuration, file store and the audit helper.
import type { Config } from '../../config.js';
import type { Db } from '../db/database.js';
import type { BlobStore } from '../storage/storage.js';
import type { VirusScanner } from '../storage/virus-scan.js';
import type { TenantResolver } from '../tenancy/tenants.js';
import { recordAudit } from '../audit/audit-log.js';
import { actorId, actorLabel, type RequestContext } from './context.js';

export type Deps = {
  db: Db;
  config: Config;
  baseUrl: string;
  store: BlobStore;
  /** Set when CLAMD_HOST is configured: every upload is scanned before it is stored. */
  scanner?: VirusScanner;
  tenants: TenantResolver;
};

/** Records what an actor did, inside the caller's transaction when one is given. */
export function audit(db: Db, ctx: RequestContext, action: string, object: { type: string; id?: string | null; summary?: Record<string, unknown> }) {
  return recordAudit(db, {
    tenantId: ctx.tenant.id,
    actorId: actorId(ctx.actor),
    actorLabel: actorLabel(ctx.actor),
    action,
    objectType: object.type,
    objectId: object.id ?? null,
    summary: object.summary,
    requestId: ctx.requestId,
  });
}

export function tenantBaseUrl(deps: Deps, ctx: RequestContext, host: string | undefined): string {
  const configured = new URL(deps.baseUrl);
  const name = (host ?? '').replace(/:\d+$/, '');
  if (!name || ctx.tenant.hosts.length === 0 || !ctx.tenant.hosts.includes(name)) return deps.baseUrl;
  return `${configured.protocol}//${name}${configured.port ? `:${configured.port}` : ''}`;
}
