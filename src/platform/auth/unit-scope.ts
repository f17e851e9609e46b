// Which units' work a staff member sees: their own units and those directly below; tenant admins and the CDO
// see all. Units are named by their short name (as services and cases name them).
import type { Db } from '../db/database.js';
import type { RequestContext } from '../http/context.js';
import { listUnits, membershipsOf } from './users-repo.js';

export async function visibleUnits(db: Db, ctx: RequestContext): Promise<string[]> {
  const [units, memberships] = await Promise.all([
    listUnits(db, ctx.tenant.id),
    ctx.actor.kind === 'staff' ? membershipsOf(db, ctx.tenant.id, ctx.actor.userId) : [],
  ]);
  const all = ctx.actor.kind === 'staff' && (ctx.actor.roles.has('tenant_admin') || ctx.actor.roles.has('cdo'));
  const own = new Set(memberships.map((membership) => membership.unit_id));
  return units
    .filter((unit) => all || own.has(unit.id) || (unit.parent_id !== null && own.has(unit.parent_id)))
    .map((unit) => unit.short_name ?? unit.name);
}
