// Case processing: every received submission becomes a case in its unit's inbox, with a workflow (the default or
// the service's own), assignment, deadlines, escalation and links. Other modules open cases with `openCase`,
// move them with `moveOnEvent`, and carry out automatic steps they registered with `defineStateAction`.
import { fileURLToPath } from 'node:url';
import type { Module } from '../../platform/module.js';
import type { StateAction } from './workflow.js';
import { casesPolicy } from './policy.js';
import { registerInbox } from './inbox-page.js';
import { registerCasePage } from './case-page.js';
import { escalateOverdue, STATE_ACTION_JOB } from './service.js';
import { registerDashboard } from './dashboard.js';
import { runStateAction } from './state-actions.js';
import { registerLinkRoutes } from './links.js';
import { casesWorkSection } from './work-section.js';

export { changeStatus, moveOnEvent, noteOnCase, openCase, publicTimeline, rerouteCase } from './service.js';
export { casesPolicy } from './policy.js';
export { findCaseOfSource, statusEventsBetween } from './repo.js';
export { caseStateEntered } from './events.js';
export type { CaseSourceRenderer } from './sources.js';
export { workflowSchema, type WorkflowInput } from './workflow.js';

export const CASE_ESCALATION_JOB = 'cases.escalate';

export const cases: Module = {
  name: 'cases',
  policy: casesPolicy,
  migrationsDir: fileURLToPath(new URL('./migrations/', import.meta.url)),
  nav: [{ href: '/bo/vorgaenge', label: { de: 'Vorgänge', en: 'Cases' }, access: casesPolicy.process }],
  register(app, deps) {
    registerDashboard(app, deps);
    registerInbox(app, deps);
    registerCasePage(app, deps);
    registerLinkRoutes(app, deps);
  },
  jobs: (deps) => ({
    [CASE_ESCALATION_JOB]: async () => {
      await escalateOverdue(deps.db, deps.baseUrl);
    },
    [STATE_ACTION_JOB]: async (payload, job) => {
      await runStateAction(deps.db, deps.events, job.id, {
        ...(payload as { caseId: string; state: string; action: StateAction; fields: Record<string, string>; actor: string }),
        tenantId: job.tenantId!,
      });
    },
  }),
  schedules: [{ jobName: CASE_ESCALATION_JOB, cron: '7 * * * *' }],
  workSection: (deps, ctx) => casesWorkSection(deps.db, ctx),
};
