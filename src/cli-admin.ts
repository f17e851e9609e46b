// Administrative CLI commands: add staff users and tenants, reset a second factor. Each is audited.
import type { Db } from './platform/db/database.js';
import { recordAudit } from './platform/audit/audit-log.js';
import { hashPassword, MIN_PASSWORD_LENGTH } from './platform/auth/passwords.js';
import { isStaffRole } from './platform/auth/roles.js';
import { addMembership, findStaffByEmail, insertUser, listUnits, updateUser } from './platform/auth/users-repo.js';
import { addTenant, findTenantBySlug } from './platform/tenancy/tenants.js';

type Options = Record<string, string | string[] | boolean | undefined>;

class CliError extends Error {}

function required(options: Options, name: string): string {
  const value = options[name];
  if (typeof value !== 'string' || !value.trim()) throw new CliError(`--${name} is required`);
  return value.trim();
}

async function tenantOf(db: Db, options: Options) {
  const tenant = await findTenantBySlug(db, required(options, 'tenant'));
  if (!tenant) throw new CliError(`unknown tenant ${String(options.tenant)}`);
  return tenant;
}

const cliActor = { actorId: null, actorLabel: 'cli' };

export async function addStaffByCli(db: Db, options: Options): Promise<number> {
  const tenant = await tenantOf(db, options);
  const email = required(options, 'email');
  const role = required(options, 'role');
  if (!isStaffRole(role)) throw new CliError(`--role must be one of clerk, unit_lead, editor, cdo, tenant_admin`);
  const unitName = required(options, 'unit');
  const unit = (await listUnits(db, tenant.id)).find((u) => u.short_name === unitName || u.name === unitName);
  if (!unit) throw new CliError(`unknown unit ${unitName}`);
  const password = typeof options.password === 'string' ? options.password : undefined;
  if (password && password.length < MIN_PASSWORD_LENGTH) throw new CliError(`--password needs at least ${MIN_PASSWORD_LENGTH} characters`);
  await db.transaction().execute(async (trx) => {
    const user =
      (await findStaffByEmail(trx, tenant.id, email)) ??
      (await insertUser(trx, {
        tenant_id: tenant.id,
        kind: 'staff',
        email,
        display_name: required(options, 'name'),
        password_hash: password ? await hashPassword(password) : null,
      }));
    await addMembership(trx, tenant.id, user.id, unit.id, role);
    await recordAudit(trx, {
      tenantId: tenant.id,
      ...cliActor,
      action: 'staff.membership_added',
      objectType: 'user',
      objectId: user.id,
      summary: { unit: unit.name, role },
    });
  });
  console.log(`${email} is ${role} in ${unit.name}`);
  return 0;
}

export async function resetTotpByCli(db: Db, options: Options): Promise<number> {
  const tenant = await tenantOf(db, options);
  const user = await findStaffByEmail(db, tenant.id, required(options, 'email'));
  if (!user) throw new CliError('unknown user');
  await db.transaction().execute(async (trx) => {
    await updateUser(trx, tenant.id, user.id, { totp_secret: null, totp_enabled: false });
    await recordAudit(trx, { tenantId: tenant.id, ...cliActor, action: 'staff.totp_reset', objectType: 'user', objectId: user.id });
  });
  console.log('second factor reset: the user sets up a new one at the next login');
  return 0;
}

export async function addTenantByCli(db: Db, options: Options): Promise<number> {
  const slug = required(options, 'slug');
  if (!/^[a-z0-9-]+$/.test(slug)) throw new CliError('--slug may contain a-z, 0-9 and -');
  const hosts = [options.host]
    .flat()
    .filter((h): h is string => typeof h === 'string')
    .map((h) => h.toLowerCase());
  if (hosts.length === 0) throw new CliError('--host is required');
  await db.transaction().execute(async (trx) => {
    const tenant = await addTenant(trx, { slug, name: required(options, 'name'), hosts, settings: { languages: ['de', 'en'] } });
    await recordAudit(trx, {
      tenantId: tenant.id,
      ...cliActor,
      action: 'tenant.created',
      objectType: 'tenant',
      objectId: tenant.id,
      summary: { slug, hosts },
    });
  });
  console.log(`tenant ${slug} added for ${hosts.join(', ')}`);
  return 0;
}
