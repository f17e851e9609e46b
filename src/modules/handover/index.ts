// Hand-over to specialist software: FIT-Connect-style packages through a pull API with a key per consumer,
// pushes with signature and retries, a file drop for legacy systems, all from an outbox so that nothing is lost or delivered twice.
import { handoverPolicy } from './policy.js';
import { fileURLToPath } from 'node:url';
import type { Module } from '../../platform/module.js';
import { registerHandoverApi } from './api.js';
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
  openapi: {
    paths: {
      '/api/handover/v1/submissions': {
        get: {
          summary: 'New submissions for this consumer',
          security: [{ bearer: [] }],
          responses: { 200: { description: 'List of submissions not yet acknowledged' }, 401: { description: 'Missing or unknown key' } },
        },
      },
      '/api/handover/v1/submissions/{id}': {
        get: {
          summary: 'The FIT-Connect-style package (metadata and data)',
          security: [{ bearer: [] }],
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
          responses: {
            200: { description: 'Package; header idempotency-key identifies the delivery' },
            404: { description: 'Unknown or not for this consumer' },
          },
        },
      },
      '/api/handover/v1/submissions/{id}/attachments/{attachmentId}': {
        get: {
          summary: 'One attachment',
          security: [{ bearer: [] }],
          responses: { 200: { description: 'The file' }, 404: { description: 'Unknown' } },
        },
      },
      '/api/handover/v1/submissions/{id}/ack': {
        post: {
          summary: 'Acknowledge receipt (idempotent)',
          security: [{ bearer: [] }],
          responses: { 200: { description: 'Acknowledged' }, 404: { description: 'Unknown or not for this consumer' } },
        },
      },
      '/api/schemas/{service}/v{version}.json': {
        get: { summary: 'JSON schema of a service’s submission data', responses: { 200: { description: 'JSON schema (draft 2020-12)' } } },
      },
    },
  },
};
