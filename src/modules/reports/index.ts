// Mängelmelder: citizens report problems in public space (no account needed); each report becomes a case in the
// unit responsible for its category, follows the report workflow, and the reporter is told of every public change.
import { reportsPolicy } from './policy.js';
import { fileURLToPath } from 'node:url';
import type { Module } from '../../platform/module.js';
import { reportSteps } from './case-steps.js';
import { subscribe } from '../../platform/events.js';
import { caseStateEntered } from '../cases/index.js';
import { registerReportPages } from './pages.js';
import { registerReportStaff, reportCaseSource } from './staff.js';
import { registerPublicMap } from './public-map.js';
import { registerOpen311 } from './open311/api.js';
import { registerOpen311Clients } from './open311/clients.js';
import { registerReportStatistics } from './statistics.js';
import { reportsAccountSection } from './account.js';
import { registerCategoryPages } from './category-pages.js';

export { seedReportCategories } from './categories.js';
export { submitReport } from './service.js';

export const reports: Module = {
  name: 'reports',
  policy: reportsPolicy,
  migrationsDir: fileURLToPath(new URL('./migrations/', import.meta.url)),
  nav: [
    {
      href: '/maengelmelder',
      label: { de: 'Mängelmelder', en: 'Report a problem' },
      description: {
        de: 'Schlagloch, defekte Laterne, wilde Müllkippe: melden Sie Mängel im Stadtgebiet.',
        en: 'Potholes, broken lamps, fly-tipping: report problems in town.',
      },
    },
    { href: '/bo/open311', label: { de: 'Open311-Zugänge', en: 'Open311 access' }, access: reportsPolicy.manageApiClients },
    {
      href: '/bo/meldungen/kategorien',
      label: { de: 'Mängelmelder-Kategorien', en: 'Report categories' },
      access: reportsPolicy.editCategories,
    },
    {
      href: '/bo/meldungen/statistik',
      label: { de: 'Mängelmelder-Statistik', en: 'Report statistics' },
      access: reportsPolicy.readStatistics,
    },
  ],
  accountSection: reportsAccountSection,
  caseSources: (deps) => ({ report: reportCaseSource(deps) }),
  subscribes: (deps) => [
    subscribe(caseStateEntered, 'gives the report its new state and tells the reporter and supporters', reportSteps(deps.baseUrl)),
  ],
  register(app, deps) {
    registerReportStaff(app, deps);
    registerReportPages(app, deps);
    registerPublicMap(app, deps);
    registerOpen311(app, deps);
    registerOpen311Clients(app, deps);
    registerReportStatistics(app, deps);
    registerCategoryPages(app, deps);
  },
};
