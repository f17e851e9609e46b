// Online services (OZG maturity level 3): every service is a declarative definition in src/services; the
// application assistant walks citizens through it step by step and stores complete, valid submissions.
import { fileURLToPath } from 'node:url';
import type { Module } from '../../platform/module.js';
import { registerAssistantPages } from './assistant/pages.js';
import { usageTally } from './assistant/usage-tally.js';
import { accountSection, registerOverviewPages } from './assistant/overview-pages.js';
import { ServiceLibrary } from './library/library.js';
import { registerLibraryPages } from './library/pages.js';
import { registerStaffPages, SubmissionAnswers } from './back-office/pages.js';
import { formsPolicy } from './policy.js';
import { caseStateEntered } from '../cases/index.js';
import { subscribe } from '../../platform/events.js';
import { findSubmission } from './repo.js';
import { definitionAt } from './library/versions.js';
import { loadDefinitions } from './library/registry.js';
import { deleteExpiredDrafts } from './repo.js';
import { completePaidSubmission, HANDOVER_JOB, keepDraftsFor, moveCase } from './service.js';
import { handOverSubmission } from './back-office/handover-job.js';
import { registerSchemaRoute } from './library/schema-route.js';
import { mailboxReplied } from '../mailbox/index.js';
import { paymentSettled, type PaymentMethod } from '../payments/index.js';
import { findTenantById } from '../../platform/tenancy/tenants.js';
import { publishVersions } from './library/versions.js';
import { submissionSteps } from './back-office/case-steps.js';

export const DRAFT_CLEANUP_JOB = 'forms.drafts.cleanup';

let library: ServiceLibrary | undefined;

export const forms: Module = {
  name: 'forms',
  policy: formsPolicy,
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
    const tally = usageTally(deps.db);
    app.addHook('onClose', () => tally.flush());
    registerAssistantPages(app, deps, services, tally);
    registerOverviewPages(app, deps, services);
    registerStaffPages(app, deps, services, tally);
    registerLibraryPages(app, deps, services);
    registerSchemaRoute(app, deps, services);
  },
  accountSection: async (deps, ctx) => (library ? accountSection(deps, ctx, library) : ''),
  onlineServiceFor(tenantId, catalogSlug) {
    for (const definition of library?.active(tenantId).values() ?? [])
      if (definition.catalog === catalogSlug) return `/online/${definition.id}`;
    return undefined;
  },
  noticeServices: (tenantId) =>
    [...(library?.active(tenantId).values() ?? [])].map((definition) => ({
      id: definition.id,
      title: definition.title.de,
      fields: definition.steps.flatMap((step) =>
        step.fields.filter((field) => field.type !== 'info' && field.type !== 'group' && field.type !== 'file').map((field) => field.name),
      ),
      defaultBody: definition.notice?.body,
    })),
  // The case page shows the submission's answers.
  caseSources: () => ({
    submission: async (db, ctx, id) => {
      const submission = await findSubmission(db, ctx.tenant.id, id);
      const current = submission && library?.entry(ctx.tenant.id, submission.service)?.effective;
      if (!submission || !current) return '';
      return (
        <SubmissionAnswers ctx={ctx} submission={submission} definition={await definitionAt(db, current, submission.version)} />
      ) as string;
    },
  }),
  subscribes: (deps) => [
    subscribe(paymentSettled, 'completes the submission the fee was paid for', async (trx, { payment }) => {
      if (payment.purpose_kind !== 'submission') return;
      const tenant = await findTenantById(trx, payment.tenant_id);
      const definition = library?.entry(payment.tenant_id, payment.service)?.effective;
      const paid = { amountCents: payment.amount_cents, method: payment.method as PaymentMethod, reference: payment.reference };
      const notice = { baseUrl: deps.baseUrl, town: tenant?.name ?? '', lang: 'de' as const };
      await completePaidSubmission(trx, payment.tenant_id, payment.purpose_id, definition, notice, paid);
    }),
    subscribe(mailboxReplied, "resumes the submission's case (and its deadline)", async (db, { item }) => {
      if (item.case_kind === 'submission' && item.case_id) await moveCase(db, item.tenant_id, item.case_id, 'reply', 'citizen');
    }),
    subscribe(caseStateEntered, 'informs the applicant or issues the notice', async (db, input) => {
      if (library) await submissionSteps(deps, library)(db, input);
    }),
  ],
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
