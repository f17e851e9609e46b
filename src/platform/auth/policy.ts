// Who may reach the platform's own pages: logging in and out, the staff start page and profile, the citizen
// account, and the administration (users, units, audit log, captured mail).
import type { Access } from '../http/routes.js';

export const accountPolicy = {
  /** Login, password reset, logging out, the identity provider's pages. */
  anyone: 'public',
  /** Logging out everywhere: any logged-in person. */
  signedIn: 'authenticated',
  /** The back office start page and one's own profile. */
  staff: ['clerk', 'unit_lead', 'editor', 'cdo', 'tenant_admin', 'platform_admin'],
  /** Users, units, the audit log, API clients, captured mail. */
  administer: ['tenant_admin', 'platform_admin'],
  /** The citizen's own account (deleting it). */
  citizen: ['citizen'],
} as const satisfies Record<string, Access>;
