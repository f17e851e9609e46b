// Access lists used by routes, named for who they admit.
import type { Role } from './roles.js';

export const staffRolesAccess: readonly Role[] = ['clerk', 'unit_lead', 'editor', 'cdo', 'tenant_admin', 'platform_admin'];
export const adminAccess: readonly Role[] = ['tenant_admin', 'platform_admin'];
export const citizenAccess: readonly Role[] = ['citizen'];
