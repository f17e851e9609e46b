// Use cases of the tenant admin: add staff members, assign them to units with a role, add units. A refusal names
// the fields with the text key of what is wrong; the page puts it into words.
import { z } from 'zod';
import type { Db } from '../db/database.js';
import { Invalid, NotFound } from '../http/errors.js';
import { staffRoles } from './roles.js';
import { addMembership, findStaffByEmail, findUnit, findUserById, insertUnit, insertUser } from './users-repo.js';
import { email } from '../validation/rules.js';

export const newStaffSchema = z.object({
  display_name: z.string().trim().min(1).max(120),
  email,
});

export const membershipSchema = z.object({ unit_id: z.string().uuid(), role: z.enum(staffRoles) });

export const newUnitSchema = z.object({
  name: z.string().trim().min(1).max(160),
  short_name: z.string().trim().max(40).optional(),
  parent_id: z.union([z.literal(''), z.string().uuid()]).optional(),
});

function invalidFrom(error: z.ZodError): Invalid {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const name = String(issue.path[0]);
    fields[name] ??= name === 'email' ? 'error.invalidEmail' : 'error.required';
  }
  return new Invalid(fields);
}

export async function addStaffMember(db: Db, tenantId: string, input: unknown) {
  const parsed = newStaffSchema.safeParse(input);
  if (!parsed.success) throw invalidFrom(parsed.error);
  if (await findStaffByEmail(db, tenantId, parsed.data.email)) throw new Invalid({ email: 'admin.emailTaken' });
  return insertUser(db, { tenant_id: tenantId, kind: 'staff', display_name: parsed.data.display_name, email: parsed.data.email });
}

export async function assignToUnit(db: Db, tenantId: string, userId: string, input: unknown) {
  const parsed = membershipSchema.safeParse(input);
  if (!parsed.success) throw invalidFrom(parsed.error);
  const user = await findUserById(db, tenantId, userId);
  if (user?.kind !== 'staff') throw new NotFound('user');
  const unit = await findUnit(db, tenantId, parsed.data.unit_id);
  if (!unit) throw new Invalid({ unit_id: 'error.required' });
  await addMembership(db, tenantId, userId, unit.id, parsed.data.role);
  return { user, unit, role: parsed.data.role };
}

export async function addUnit(db: Db, tenantId: string, input: unknown) {
  const parsed = newUnitSchema.safeParse(input);
  if (!parsed.success) throw invalidFrom(parsed.error);
  const parentId = parsed.data.parent_id || null;
  if (parentId && !(await findUnit(db, tenantId, parentId))) throw new Invalid({ parent_id: 'error.required' });
  return insertUnit(db, { tenant_id: tenantId, name: parsed.data.name, short_name: parsed.data.short_name || null, parent_id: parentId });
}
