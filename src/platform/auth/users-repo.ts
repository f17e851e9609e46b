// The only code that reads and writes users, units and memberships. Every query is filtered by tenant.
import type { Db } from '../db/database.js';
import type { StaffRole } from './roles.js';

export type UserRow = Awaited<ReturnType<typeof findUserById>>;

export function findUserById(db: Db, tenantId: string, userId: string) {
  return db.selectFrom('app_user').selectAll().where('tenant_id', '=', tenantId).where('id', '=', userId).executeTakeFirst();
}

export function findStaffByEmail(db: Db, tenantId: string, email: string) {
  return db
    .selectFrom('app_user')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('kind', '=', 'staff')
    .where((eb) => eb(eb.fn('lower', ['email']), '=', email.toLowerCase()))
    .executeTakeFirst();
}

export function findByOidcSubject(db: Db, tenantId: string, issuer: string, subject: string) {
  return db
    .selectFrom('app_user')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('oidc_issuer', '=', issuer)
    .where('oidc_subject', '=', subject)
    .executeTakeFirst();
}

export async function membershipsOf(db: Db, tenantId: string, userId: string) {
  return db
    .selectFrom('unit_membership')
    .innerJoin('unit', 'unit.id', 'unit_membership.unit_id')
    .select(['unit_membership.unit_id', 'unit_membership.role', 'unit.name as unit_name'])
    .where('unit_membership.tenant_id', '=', tenantId)
    .where('unit_membership.user_id', '=', userId)
    .orderBy('unit.name')
    .execute();
}

/** Takes a TOTP time step for the user; false when this or a later step was used already (a replayed code). */
export async function claimTotpStep(db: Db, tenantId: string, userId: string, step: number): Promise<boolean> {
  const row = await db
    .updateTable('app_user')
    .set({ totp_last_step: step })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', userId)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
    .returning('id')
    .executeTakeFirst();
  return Boolean(row);
}

export function recordLoginSuccess(db: Db, tenantId: string, userId: string) {
  return db
    .updateTable('app_user')
    .set({ last_login_at: new Date() })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', userId)
    .returning('email')
    .executeTakeFirst();
}

export function updateUser(
  db: Db,
  tenantId: string,
  userId: string,
  values: Partial<{
    password_hash: string;
    totp_secret: string | null;
    totp_enabled: boolean;
    totp_last_step: number | null;
    claims: string;
    display_name: string;
    email: string | null;
    trust_level: string | null;
  }>,
) {
  return db.updateTable('app_user').set(values).where('tenant_id', '=', tenantId).where('id', '=', userId).execute();
}

export function insertUser(
  db: Db,
  values: {
    tenant_id: string;
    kind: 'staff' | 'citizen' | 'business';
    display_name: string;
    email: string | null;
    password_hash?: string | null;
    totp_secret?: string | null;
    totp_enabled?: boolean;
    platform_admin?: boolean;
    oidc_issuer?: string;
    oidc_subject?: string;
    claims?: string;
    trust_level?: string;
  },
) {
  return db.insertInto('app_user').values(values).returningAll().executeTakeFirstOrThrow();
}

export function deleteUser(db: Db, tenantId: string, userId: string) {
  return db.deleteFrom('app_user').where('tenant_id', '=', tenantId).where('id', '=', userId).execute();
}

export function listStaff(db: Db, tenantId: string) {
  return db
    .selectFrom('app_user')
    .select(['id', 'display_name', 'email', 'totp_enabled', 'platform_admin'])
    .where('tenant_id', '=', tenantId)
    .where('kind', '=', 'staff')
    .orderBy('display_name')
    .execute();
}

/** Staff holding a role, with the unit they hold it in (e.g. every unit lead for a report). */
export function listRoleHolders(db: Db, tenantId: string, role: StaffRole) {
  return db
    .selectFrom('unit_membership')
    .innerJoin('app_user', 'app_user.id', 'unit_membership.user_id')
    .select(['app_user.id', 'app_user.display_name', 'app_user.email', 'unit_membership.unit_id'])
    .where('unit_membership.tenant_id', '=', tenantId)
    .where('unit_membership.role', '=', role)
    .execute();
}

/** Everyone with a role in one of these units, with the role and the unit. */
export function listUnitMembers(db: Db, tenantId: string, unitIds: string[]) {
  if (unitIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('unit_membership')
    .innerJoin('app_user', 'app_user.id', 'unit_membership.user_id')
    .select(['app_user.id', 'app_user.display_name', 'unit_membership.unit_id', 'unit_membership.role'])
    .where('unit_membership.tenant_id', '=', tenantId)
    .where('unit_membership.unit_id', 'in', unitIds)
    .orderBy('app_user.display_name')
    .execute();
}

export function addMembership(db: Db, tenantId: string, userId: string, unitId: string, role: StaffRole) {
  return db
    .insertInto('unit_membership')
    .values({ tenant_id: tenantId, user_id: userId, unit_id: unitId, role })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export function listUnits(db: Db, tenantId: string) {
  return db
    .selectFrom('unit')
    .select(['id', 'name', 'short_name', 'parent_id'])
    .where('tenant_id', '=', tenantId)
    .orderBy('name')
    .execute();
}

export function findUnit(db: Db, tenantId: string, unitId: string) {
  return db.selectFrom('unit').selectAll().where('tenant_id', '=', tenantId).where('id', '=', unitId).executeTakeFirst();
}

export function insertUnit(db: Db, values: { tenant_id: string; name: string; short_name: string | null; parent_id: string | null }) {
  return db.insertInto('unit').values(values).returningAll().executeTakeFirstOrThrow();
}
