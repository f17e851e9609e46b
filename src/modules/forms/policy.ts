// Who may do what with online services. Anyone may apply (a draft and a submission are then visible only to the
// account or browser that owns them, `ownsDraft`); staff of the processing units work the submissions (which
// ones, `readableSubmission` decides by unit); editors read the service library; the CDO and administrators
// adapt and import services.
import type { Access } from '../../platform/http/routes.js';

export const formsPolicy = {
  apply: 'public',
  processSubmissions: ['clerk', 'unit_lead', 'cdo', 'tenant_admin', 'platform_admin'],
  readLibrary: ['clerk', 'unit_lead', 'cdo', 'tenant_admin', 'platform_admin', 'editor'],
  manageLibrary: ['tenant_admin', 'platform_admin', 'cdo'],
} as const satisfies Record<string, Access>;
