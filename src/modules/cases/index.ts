// Case processing: every received submission becomes a case in its unit's inbox, with a workflow, assignment,
// deadlines and escalation. Other modules open cases with `openCase` and move them with `advanceBySource`.
import { fileURLToPath } from 'node:url';
import type { Module } from '../../platform/module.js';
import { caseAccess, registerCasePages } from './pages.js';
import { escalateOverdue } from './service.js';
import { registerDashboard } from './dashboard.js';

export { advanceBySource, openCase, publicTimeline } from './service.js';
export { publicStateLabel } from './public-labels.js';
export { describeCaseSource } from './sources.js';

export const CASE_ESCALATION_JOB = 'cases.escalate';

export const cases: Module = {
  name: 'cases',
  migrationsDir: fileURLToPath(new URL('./migrations/', import.meta.url)),
  nav: [{ href: '/bo/vorgaenge', label: { de: 'Vorgänge', en: 'Cases' }, access: [...caseAccess] }],
  register(app, deps) {
    registerDashboard(app, deps);
    registerCasePages(app, deps);
  },
  jobs: (deps) => ({
    [CASE_ESCALATION_JOB]: async () => {
      await escalateOverdue(deps.db, deps.baseUrl);
    },
  }),
  schedules: [{ jobName: CASE_ESCALATION_JOB, cron: '7 * * * *' }],
};
