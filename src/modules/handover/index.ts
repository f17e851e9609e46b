// Hand-over to specialist software: FIT-Connect-style packages through a pull API with a key per consumer,
// pushes with signature and retries, a file drop for legacy systems, all from an outbox so that nothing is lost or delivered twice.
import { handoverPolicy } from './policy.js';
import { fileURLToPath } from 'node:url';
import type { Module } from '../../platform/module.js';
import { registerHandoverApi } from './api.js';
import { handoverOpenApi } from './openapi.js';
import { registerConsumerPages } from './consumer-pages.js';
import { collectDrops, dropDue } from './file-drop.js';
import { pushDue } from './service.js';

export { queueHandover, type HandoverInput } from './service.js';
export type { Identification } from './package.js';
export { deliveriesOfSubmission } from './repo.js';

export const HANDOVER_PUSH_JOB = 'handover.push';
export const HANDOVER_DROP_JOB = 'handover.drop';

export const handover: Module = {
  name: 'handover',
  policy: handoverPolicy,
  migrationsDir: fileURLToPath(new URL('./migrations/', import.meta.url)),
  nav: [{ href: '/bo/schnittstellen', label: { de: 'Schnittstellen', en: 'Interfaces' }, access: handoverPolicy.manageConsumers }],
  register(app, deps) {
    registerHandoverApi(app, deps);
    registerConsumerPages(app, deps);
  },
  jobs: (deps) => ({
    [HANDOVER_PUSH_JOB]: async () => {
      await pushDue(deps.db);
    },
    [HANDOVER_DROP_JOB]: async () => {
      await dropDue(deps.db, deps.store, deps.config.handoverDropDir);
      await collectDrops(deps.db, deps.config.handoverDropDir);
    },
  }),
  schedules: [
    { jobName: HANDOVER_PUSH_JOB, cron: '* * * * *' },
    { jobName: HANDOVER_DROP_JOB, cron: '* * * * *' },
  ],
  openapi: handoverOpenApi,
};
