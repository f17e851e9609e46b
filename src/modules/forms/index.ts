// Online services (OZG maturity level 3): every service is a declarative definition in src/services; the
// application assistant walks citizens through it step by step and stores complete, valid submissions.
import { fileURLToPath } from 'node:url';
import type { Module } from '../../platform/module.js';
import { announceOnlineService } from '../catalog/index.js';
import { registerAssistantPages } from './pages.js';
import { accountSection, registerOverviewPages } from './overview-pages.js';
import type { ServiceDefinition } from './definition.js';
import { registerStaffPages, staffAccess } from './staff-pages.js';
import { loadDefinitions } from './registry.js';
import { deleteExpiredDrafts } from './repo.js';
import { publishVersions } from './versions.js';

export const DRAFT_CLEANUP_JOB = 'forms.drafts.cleanup';

let definitions = new Map<string, ServiceDefinition>();

export const forms: Module = {
  name: 'forms',
  migrationsDir: fileURLToPath(new URL('./migrations/', import.meta.url)),
  nav: [
    { href: '/online', label: { de: 'Online-Dienste', en: 'Online services' }, description: { de: 'Anträge rund um die Uhr online stellen und begonnene Anträge fortsetzen.', en: 'Apply online around the clock and continue applications you started.' } },
    { href: '/bo/antraege', label: { de: 'Anträge', en: 'Applications' }, access: [...staffAccess] },
  ],
  async register(app, deps) {
    definitions = await loadDefinitions();
    await publishVersions(deps.db, definitions);
    for (const definition of definitions.values()) announceOnlineService(definition.catalog, `/online/${definition.id}`);
    registerAssistantPages(app, deps, definitions);
    registerOverviewPages(app, deps, definitions);
    registerStaffPages(app, deps, definitions);
  },
  accountSection: (deps, ctx) => accountSection(deps, ctx, definitions),
  jobs: (deps) => ({
    [DRAFT_CLEANUP_JOB]: async () => {
      await deleteExpiredDrafts(deps.db);
    },
  }),
  schedules: [{ jobName: DRAFT_CLEANUP_JOB, cron: '17 3 * * *' }],
};
