// Who may do what with notices: anyone checks a notice at /verify and picks one up with its one-time code;
// editors, leads and administrators keep the notice templates. Issuing a notice belongs to the case (forms).
import type { Access } from '../../platform/http/routes.js';

export const noticesPolicy = {
  verify: 'public',
  pickUp: 'public',
  editTemplates: ['editor', 'unit_lead', 'tenant_admin', 'platform_admin'],
} as const satisfies Record<string, Access>;
