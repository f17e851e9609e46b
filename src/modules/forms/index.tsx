// Online services (OZG maturity level 3): every service is a declarative definition in src/services; the
// application assistant walks citizens through it step by step and stores complete, valid submissions.
import { fileURLToPath } from 'node:url';
import type { Module } from '../../platform/module.js';
import { announceOnlineServices } from '../catalog/index.js';
import { registerAssistantPages } from './pages.js';
import { usageTally } from './usage-tally.js';
import { accountSection, registerOverviewPages } from './overview-pages.js';
import { ServiceLibrary } from './library.js';
import { registerLibraryPages } from './library-pages.js';
import { registerStaffPages, SubmissionAnswers } from './staff-pages.js';
import { formsPolicy } from './policy.js';
import { describeCaseSource } from '../cases/index.js';
import { findSubmission } from './repo.js';
import { definitionAt } from './versions.js';
import { loadDefinitions } from './registry.js';
import { deleteExpiredDrafts } from './repo.js';
import { completePaidSubmission, HANDOVER_JOB, keepDraftsFor, moveCase } from './service.js';
import { handOverSubmission } from './handover-job.js';
import { registerSchemaRoute } from './schema-route.js';
import { onCitizenReply } from '../mailbox/index.js';
import { onPaymentSettled, type PaymentMethod } from '../payments/index.js';
import { announceNoticeServices } from '../notices/index.js';
import { findTenantById } from '../../platform/tenancy/tenants.js';
import { publishVersions } from './versions.js';
import { defineSubmissionSteps } from './case-steps.js';

export const DRAFT_CLEANUP_JOB = 'forms.drafts.cleanup';

let library: ServiceLibrary | undefined;

export const forms: Module = {
  name: 'forms',
  migrationsDir: fileURLToPath(new URL('./migrations/', import.meta.url)),
  nav: [
    {
      href: '/online',
      label: { de: 'Online-Dienste', en: 'Online services' },
      description: {
        de: 'Anträge rund um die Uhr online stellen und begonnene Anträge fortsetzen.',
        en: 'Apply online around the clock and continue applications you started.',
      },
    },
    { href: '/bo/antraege', label: { de: 'Anträge', en: 'Applications' }, access: formsPolicy.processSubmissions },
    {
      href: '/bo/online-dienste',
      label: { de: 'Online-Dienste verwalten', en: 'Manage online services' },
      access: formsPolicy.readLibrary,
    },
  ],
  async register(app, deps) {
    keepDraftsFor(deps.config.formDraftDays);
    const installed = await loadDefinitions();
    await publishVersions(deps.db, installed);
    const services = new ServiceLibrary(deps.db, installed);
    await services.load();
    services.watch();
    app.addHook('onClose', async () => services.stop());
    library = services;
    announceOnlineServices((tenantId, slug) => {
      for (const definition of services.active(tenantId).values()) if (definition.catalog === slug) return `/online/${definition.id}`;
      return undefined;
    });
    // A fee paid online completes the submission, inside the payment's booking transaction.
    onPaymentSettled('submission', async (trx, payment) => {
      const tenant = await findTenantById(trx, payment.tenant_id);
      const definition = services.entry(payment.tenant_id, payment.service)?.effective;
      const paid = { amountCents: payment.amount_cents, method: payment.method as PaymentMethod, reference: payment.reference };
      await completePaidSubmission(
        trx,
        payment.tenant_id,
        payment.purpose_id,
        definition,
        { baseUrl: deps.baseUrl, town: tenant?.name ?? '', lang: 'de' },
        paid,
      );
    });
    announceNoticeServices((tenantId) =>
      [...services.active(tenantId).values()].map((definition) => ({
        id: definition.id,
        title: definition.title.de,
        fields: definition.steps.flatMap((step) =>
          step.fields
            .filter((field) => field.type !== 'info' && field.type !== 'group' && field.type !== 'file')
            .map((field) => field.name),
        ),
        defaultBody: definition.notice?.body,
      })),
    );
    // The citizen's answer to a request resumes the case (and its deadline).
    onCitizenReply(async (db, item) => {
      if (item.case_kind === 'submission' && item.case_id) await moveCase(db, item.tenant_id, item.case_id, 'reply', 'citizen');
    });
    // The case page shows the submission's answers.
    describeCaseSource('submission', async (db, ctx, id) => {
      const submission = await findSubmission(db, ctx.tenant.id, id);
      const current = submission && services.entry(ctx.tenant.id, submission.service)?.effective;
      if (!submission || !current) return '';
      return (
        <SubmissionAnswers ctx={ctx} submission={submission} definition={await definitionAt(db, current, submission.version)} />
      ) as string;
    });
    defineSubmissionSteps(deps, services);
    const tally = usageTally(deps.db);
    app.addHook('onClose', () => tally.flush());
    registerAssistantPages(app, deps, services, tally);
    registerOverviewPages(app, deps, services);
    registerStaffPages(app, deps, services, tally);
    registerLibraryPages(app, deps, services);
    registerSchemaRoute(app, deps, services);
  },
  accountSection: async (deps, ctx) => (library ? accountSection(deps, ctx, library) : ''),
  jobs: (deps) => ({
    [HANDOVER_JOB]: async (payload, job) => {
      if (library && job.tenantId) await handOverSubmission(deps, library, job.tenantId, String(payload.submissionId));
    },
    [DRAFT_CLEANUP_JOB]: async () => {
      await deleteExpiredDrafts(deps.db);
    },
  }),
  schedules: [{ jobName: DRAFT_CLEANUP_JOB, cron: '17 3 * * *' }],
};
