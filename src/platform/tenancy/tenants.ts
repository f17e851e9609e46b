// Tenants (municipalities) on one installation: found by the request's host name, with a default for localhost.
import type { Db } from '../db/database.js';
import type { TenantSettings } from '../db/tables.js';
import type { Tenant } from '../http/context.js';

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);

export function hostName(hostHeader: string | undefined): string {
  return (hostHeader ?? '').toLowerCase().replace(/:\d+$/, '');
}

export type TenantResolver = { resolve(host: string): Promise<Tenant | undefined>; forget(): void };

export function tenantResolver(db: Db, defaultSlug: string, ttlMs = 30_000): TenantResolver {
  const cache = new Map<string, { tenant: Tenant | undefined; until: number }>();
  return {
    async resolve(host) {
      const hit = cache.get(host);
      if (hit && hit.until > Date.now()) return hit.tenant;
      const tenant = LOCAL_HOSTS.has(host) ? await findTenantBySlug(db, defaultSlug) : await findTenantByHost(db, host);
      cache.set(host, { tenant, until: Date.now() + ttlMs });
      return tenant;
    },
    forget: () => cache.clear(),
  };
}

function toTenant(row: { id: string; slug: string; name: string; hosts: string[]; settings: TenantSettings }): Tenant {
  return { id: row.id, slug: row.slug, name: row.name, hosts: row.hosts, settings: row.settings };
}

export async function findTenantBySlug(db: Db, slug: string): Promise<Tenant | undefined> {
  const row = await db.selectFrom('tenant').selectAll().where('slug', '=', slug).executeTakeFirst();
  return row && toTenant(row);
}

export async function findTenantById(db: Db, id: string): Promise<Tenant | undefined> {
  const row = await db.selectFrom('tenant').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toTenant(row);
}

async function findTenantByHost(db: Db, host: string): Promise<Tenant | undefined> {
  const row = await db
    .selectFrom('tenant')
    .selectAll()
    .where((eb) => eb(eb.val(host), '=', eb.fn.any('hosts')))
    .executeTakeFirst();
  return row && toTenant(row);
}

export async function addTenant(
  db: Db,
  values: { slug: string; name: string; hosts: string[]; settings: TenantSettings },
): Promise<Tenant> {
  const row = await db
    .insertInto('tenant')
    .values({ slug: values.slug, name: values.name, hosts: values.hosts, settings: JSON.stringify(values.settings) })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toTenant(row);
}

export function listTenants(db: Db) {
  return db.selectFrom('tenant').select(['id', 'slug', 'name', 'hosts']).orderBy('slug').execute();
}

/** Replaces one part of the tenant's settings (the resolver's cache must be told to forget it). */
export async function updateTenantSettings(db: Db, tenantId: string, change: Partial<TenantSettings>): Promise<void> {
  const current = await findTenantById(db, tenantId);
  if (!current) return;
  await db
    .updateTable('tenant')
    .set({ settings: JSON.stringify({ ...current.settings, ...change }) })
    .where('id', '=', tenantId)
    .execute();
}
