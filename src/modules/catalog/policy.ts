// Who may do what in the catalog: editors edit the entries of their units (and the units below them),
// unit leads review and publish them. Other staff may read the editorial pages.
import type { Db } from '../../platform/db/database.js';
import type { Actor } from '../../platform/http/context.js';
import { Forbidden } from '../../platform/http/errors.js';
import { listUnits, membershipsOf } from '../../platform/auth/users-repo.js';
import type { Access } from '../../platform/http/routes.js';

/** Who reaches which catalog page; which entries an editor or lead may then change, `can` below decides by unit. */
export const catalogPolicy = {
  /** The public catalog: service and office pages, search, the JSON API. */
  read: 'public',
  /** The editorial pages: entries, history, freshness, exchange, synonyms. */
  work: ['editor', 'unit_lead', 'cdo', 'tenant_admin', 'platform_admin'],
  /** Synonyms for the search. */
  editSynonyms: ['editor', 'tenant_admin', 'platform_admin'],
  /** Importing a whole XZuFi or JSON exchange file. */
  importExchange: ['tenant_admin', 'platform_admin', 'cdo'],
} as const satisfies Record<string, Access>;

export type CatalogPermissions = { editUnits: Set<string>; reviewUnits: Set<string> };

export type CatalogAction = 'edit' | 'review';

export function withDescendants(roots: string[], units: { id: string; parent_id: string | null }[]): Set<string> {
  const result = new Set(roots);
  let grew = true;
  while (grew) {
    grew = false;
    for (const unit of units) {
      if (unit.parent_id && result.has(unit.parent_id) && !result.has(unit.id)) {
        result.add(unit.id);
        grew = true;
      }
    }
  }
  return result;
}

export async function catalogPermissions(db: Db, tenantId: string, actor: Actor): Promise<CatalogPermissions> {
  if (actor.kind !== 'staff') return { editUnits: new Set(), reviewUnits: new Set() };
  const [memberships, units] = await Promise.all([membershipsOf(db, tenantId, actor.userId), listUnits(db, tenantId)]);
  const rootsFor = (role: string) => memberships.filter((m) => m.role === role).map((m) => m.unit_id);
  return { editUnits: withDescendants(rootsFor('editor'), units), reviewUnits: withDescendants(rootsFor('unit_lead'), units) };
}

export function can(permissions: CatalogPermissions, action: CatalogAction, entry: { unit_id: string | null }): boolean {
  if (!entry.unit_id) return false;
  return (action === 'edit' ? permissions.editUnits : permissions.reviewUnits).has(entry.unit_id);
}

export function ensure(permissions: CatalogPermissions, action: CatalogAction, entry: { unit_id: string | null }) {
  if (!can(permissions, action, entry)) throw new Forbidden(`catalog ${action}`);
}
