// Who may do what with cases: staff of the processing units work the cases of their units (and the units below
// them; `caseOf` refuses another unit's case with 403); which state changes a role may make, the case's
// workflow says per transition. Leads see the overview of their units' figures.
import type { Access } from '../../platform/http/routes.js';

export const casesPolicy = {
  process: ['clerk', 'unit_lead', 'cdo', 'tenant_admin', 'platform_admin'],
  overview: ['unit_lead', 'cdo', 'tenant_admin', 'platform_admin'],
} as const satisfies Record<string, Access>;
