// Who may do what with the Mängelmelder. Anyone reports, supports and reads public reports; the reporter (with
// the private key, or logged in) reopens their own and sees their own photos. Clerks moderate and recategorise
// the reports of their units' categories (`staffReport` finds only those); editors keep the categories; leads
// read the statistics; administrators register Open311 clients.
import type { Access } from '../../platform/http/routes.js';

export const reportsPolicy = {
  report: 'public',
  process: ['clerk', 'unit_lead', 'cdo', 'tenant_admin', 'platform_admin'],
  editCategories: ['editor', 'tenant_admin', 'platform_admin'],
  readStatistics: ['unit_lead', 'cdo', 'tenant_admin', 'platform_admin'],
  manageApiClients: ['tenant_admin', 'platform_admin'],
} as const satisfies Record<string, Access>;
