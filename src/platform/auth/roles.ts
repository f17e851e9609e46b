// Roles of Rathaus. Staff hold roles per unit; platform admins hold all of a tenant admin's rights in every tenant.
export const staffRoles = ['clerk', 'unit_lead', 'editor', 'cdo', 'tenant_admin'] as const;
export type StaffRole = (typeof staffRoles)[number];
export const allRoles = ['citizen', ...staffRoles, 'platform_admin'] as const;
export type Role = (typeof allRoles)[number];

/** Roles above editor must log in with a second factor. */
export const rolesRequiringTotp: ReadonlySet<Role> = new Set(['unit_lead', 'cdo', 'tenant_admin', 'platform_admin']);

export function isStaffRole(value: string): value is StaffRole {
  return (staffRoles as readonly string[]).includes(value);
}

export function effectiveRoles(unitRoles: StaffRole[], platformAdmin: boolean): Set<Role> {
  const roles = new Set<Role>(unitRoles);
  if (platformAdmin) {
    roles.add('platform_admin');
    roles.add('tenant_admin');
  }
  return roles;
}
