// Append-only audit log. Each entry carries the hash of its predecessor, so changing or deleting
// any row breaks the chain, which the verification (audit-verify.ts) detects.
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import { auditedInRequest } from './audit-scope.js';

export const GENESIS = '0'.repeat(64);

export type AuditEntry = {
  tenantId: string | null;
  actorId: string | null;
  actorLabel: string;
  action: string;
  objectType: string;
  objectId?: string | null;
  summary?: Record<string, unknown>;
  requestId?: string | null;
};

export type ChainFields = {
  tenant_id: string | null;
  at: Date;
  actor_id: string | null;
  actor_label: string;
  action: string;
  object_type: string;
  object_id: string | null;
  summary: unknown;
  request_id: string | null;
};

export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value instanceof Date ? value.toISOString() : value);
}

function chainBody(row: ChainFields): string {
  return canonicalJson({ ...row, at: row.at.toISOString() });
}

export function chainHash(prevHash: string, row: ChainFields): string {
  return createHash('sha256').update(prevHash).update('\n').update(chainBody(row)).digest('hex');
}

/** Appends an entry; the database seals it into the chain when the surrounding transaction commits. */
export async function recordAudit(db: Db, entry: AuditEntry): Promise<void> {
  const requestId = auditedInRequest();
  const row: ChainFields = {
    tenant_id: entry.tenantId,
    at: new Date(),
    actor_id: entry.actorId,
    actor_label: entry.actorLabel,
    action: entry.action,
    object_type: entry.objectType,
    object_id: entry.objectId ?? null,
    summary: entry.summary ?? {},
    request_id: entry.requestId ?? requestId ?? null,
  };
  await db
    .insertInto('audit_log')
    .values({ ...row, summary: JSON.stringify(row.summary), chain_body: chainBody(row) })
    .execute();
}

/** How many entries (by position) one search looks through: a rare word never walks the whole history. */
export const SEARCH_WINDOW = 20_000;

export type AuditQuery = { tenantId: string; text?: string; before?: number; pageSize: number };

/** Entries of a tenant before a position, newest first, each with the acting person's current name when the actor
 * is a user; a text search looks only through the SEARCH_WINDOW positions before `before`. */
export async function searchAudit(db: Db, query: AuditQuery) {
  const newest =
    query.before ??
    Number(
      (
        await db
          .selectFrom('audit_log')
          .select((eb) => eb.fn.max('seq').as('max'))
          .executeTakeFirst()
      )?.max ?? 0,
    ) + 1;
  let q = db
    .selectFrom('audit_log')
    .leftJoin('app_user', (join) =>
      join.onRef('app_user.id', '=', 'audit_log.actor_id').onRef('app_user.tenant_id', '=', 'audit_log.tenant_id'),
    )
    .selectAll('audit_log')
    .select(['app_user.display_name as actor_name', 'app_user.kind as actor_kind'])
    .where('audit_log.tenant_id', '=', query.tenantId)
    .where('audit_log.seq', '<', newest);
  if (query.text) {
    const like = `%${query.text.replace(/[%_\\]/g, '\\$&')}%`;
    q = q
      .where('audit_log.seq', '>=', newest - SEARCH_WINDOW)
      .where((eb) =>
        eb.or([
          eb('action', 'ilike', like),
          eb('actor_label', 'ilike', like),
          eb('app_user.display_name', 'ilike', like),
          eb('object_id', 'ilike', like),
          eb(sql`summary::text`, 'ilike', like),
        ]),
      );
  }
  const rows = await q
    .orderBy('audit_log.seq', 'desc')
    .limit(query.pageSize + 1)
    .execute();
  const more = rows.length > query.pageSize;
  // A search that found less than a page in its window may go on below it, if the tenant has older entries there.
  const below = query.text && !more ? newest - SEARCH_WINDOW : undefined;
  const searchOn =
    below !== undefined &&
    (await db
      .selectFrom('audit_log')
      .select('seq')
      .where('tenant_id', '=', query.tenantId)
      .where('seq', '<', below)
      .limit(1)
      .executeTakeFirst())
      ? below
      : undefined;
  return { rows: rows.slice(0, query.pageSize), more, newest, searchOn };
}

/**
 * Records that someone looked at personal data, once per person, action and object in `withinMinutes`: a preview
 * that reloads, a PDF read page by page or a page kept open is one view, not one row per request.
 */
export async function recordView(db: Db, entry: AuditEntry, withinMinutes = 15): Promise<void> {
  const since = new Date(Date.now() - withinMinutes * 60_000);
  let recent = db
    .selectFrom('audit_log')
    .select('seq')
    .where('tenant_id', '=', entry.tenantId)
    .where('action', '=', entry.action)
    .where('object_id', '=', entry.objectId ?? '')
    .where('at', '>', since);
  recent = entry.actorId ? recent.where('actor_id', '=', entry.actorId) : recent.where('actor_id', 'is', null);
  if (await recent.limit(1).executeTakeFirst()) return;
  await recordAudit(db, entry);
}
