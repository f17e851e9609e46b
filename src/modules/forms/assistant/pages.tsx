// Routes of the application assistant: /online/{service} and its steps, summary, submit and receipt.
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { findUserById } from '../../../platform/auth/users-repo.js';
import type { RequestContext } from '../../../platform/http/context.js';
import { tenantBaseUrl, type Deps } from '../../../platform/http/deps.js';
import { setFlash } from '../../../platform/http/request-context.js';
import { NotFound } from '../../../platform/http/errors.js';
import { sendHtml } from '../../../platform/ui/render.js';
import { Alert } from '../../../platform/ui/components.js';
import { TRUST_LEVELS, type ServiceDefinition, type Step } from '../definition.js';
import type { ServiceLibrary } from '../library/library.js';
import { fileFields, readMultipartStep } from './uploads.js';
import type { Answers } from '../expressions.js';
import { findSubmission, type SubmissionRow } from '../repo.js';
import type { UsageTally } from './usage-tally.js';
import {
  checkStep,
  draftOf,
  earlierSubmission,
  feeOf,
  startingFee,
  withComputedValues,
  migrateDraft,
  resumeWithLink,
  sendResumeLink,
  nextStep,
  ownsDraft,
  prefilledFields,
  previousStep,
  saveStep,
  startDraft,
  submit,
  withClaims,
  type Owner,
} from '../service.js';
import { formsText, type FormsTranslate } from '../texts.js';
import { toValues, visibleSteps } from '../validate.js';
import { definitionAt } from '../library/versions.js';
import { receiptPdf } from './receipt.js';
import { paidFor } from '../paid.js';
import { PayView, ReceiptView, ResumeFailedView, StartView, StepView, SummaryView, type PaymentState } from './views.js';
import { publicTimeline } from '../../cases/index.js';
import { beginPayment, PAYMENT_METHODS, PaymentUnavailable, paymentMethodLabel, paymentsOf } from '../../payments/index.js';
import { errorText, type Values } from '../views/fields.js';
import { isEmail } from '../../../platform/validation/rules.js';
import { routes } from '../../../platform/http/route.js';
import { formsPolicy } from '../policy.js';
import {
  answersBody,
  declarationsBody,
  draftParams,
  payBody,
  resumeBody,
  resumeParams,
  serviceParams,
  stepParams,
  submissionParams,
} from '../schema.js';

const OWNER_COOKIE = 'rh_forms';
/** Anyone may apply; what they may see of a draft or a submission follows from owning it (`ownsDraft`). */
const access = formsPolicy.apply;

/** The account filling in the form, or the anonymous browser's secret (created on first use). */
async function ownerOf(deps: Deps, request: FastifyRequest, reply: FastifyReply): Promise<Owner> {
  const { ctx } = request;
  if (ctx.actor.kind === 'citizen') {
    const user = await findUserById(deps.db, ctx.tenant.id, ctx.actor.userId);
    return {
      userId: ctx.actor.userId,
      kind: user?.kind === 'business' ? 'business' : 'citizen',
      claims: (user?.claims ?? {}) as Record<string, unknown>,
      trustLevel: user?.trust_level ?? null,
    };
  }
  const raw = request.cookies[OWNER_COOKIE];
  const unsigned = raw ? request.unsignCookie(raw) : undefined;
  if (unsigned?.valid && unsigned.value) return { secret: unsigned.value };
  const secret = randomBytes(24).toString('base64url');
  reply.setCookie(OWNER_COOKIE, secret, {
    path: '/online',
    httpOnly: true,
    sameSite: 'lax',
    signed: true,
    secure: deps.baseUrl.startsWith('https:'),
  });
  return { secret };
}

/** Why this person cannot apply (trust level, applicant kind), as a block for the start page; undefined when they can. */
function blocker(t: FormsTranslate, definition: ServiceDefinition, owner: Owner | undefined, path: string): JSX.Element | undefined {
  const login = `/konto/anmelden?next=${encodeURIComponent(path)}`;
  const account = owner && 'userId' in owner ? owner : undefined;
  if (definition.applicants === 'business' && account?.kind !== 'business') {
    return (
      <Alert kind="info">
        <p safe>{t('start.business')}</p>
        <p>
          <a class="button button--primary" href={login} safe>
            {t('start.login')}
          </a>
        </p>
      </Alert>
    );
  }
  if (definition.applicants === 'person' && account?.kind === 'business') return <Alert kind="warning" text={t('start.person')} />;
  if (definition.trustLevel === 'none') return undefined;
  if (!owner || !('userId' in owner)) {
    return (
      <Alert kind="info">
        <p safe>{t('start.trust', { level: t(`level.${definition.trustLevel}`) })}</p>
        <p>
          <a class="button button--primary" href={login} safe>
            {t('start.login')}
          </a>
        </p>
      </Alert>
    );
  }
  const current = (TRUST_LEVELS as readonly string[]).indexOf(owner.trustLevel ?? 'none');
  if (current >= TRUST_LEVELS.indexOf(definition.trustLevel)) return undefined;
  return (
    <Alert kind="warning">
      <p safe>
        {t('start.raise', {
          current: t(`level.${(owner.trustLevel ?? 'none') as 'basic'}`),
          required: t(`level.${definition.trustLevel}`),
        })}
      </p>
      <p>
        <a class="button button--primary" href={login} safe>
          {t('start.raiseLink')}
        </a>
      </p>
    </Alert>
  );
}

/** The files of each file field after this post: those kept from the draft, minus a removed one, plus new uploads. */
function currentFiles(step: Step, saved: Answers, uploaded: Record<string, Answers[]>, action: string): Record<string, Answers[]> {
  const [kind, name, index] = action.split(':');
  return Object.fromEntries(
    fileFields(step).map((field) => {
      const kept = Array.isArray(saved[field.name]) ? (saved[field.name] as Answers[]) : [];
      const afterRemoval = kind === 'removefile' && name === field.name ? kept.filter((_, position) => position !== Number(index)) : kept;
      return [field.name, [...afterRemoval, ...(uploaded[field.name] ?? [])]];
    }),
  );
}

/** Adds or removes an item of a repeated group without losing the other answers typed on the page. */
function applyGroupAction(action: string, values: Values): Values {
  const [kind, group, index] = action.split(':');
  if (kind === 'add' && group) {
    const next = Math.max(-1, ...Object.keys(values).map((key) => Number(new RegExp(`^${group}\\.(\\d+)\\.`).exec(key)?.[1] ?? -1))) + 1;
    return { ...values, [`${group}.${next}.__new`]: '' };
  }
  if (kind !== 'remove' || !group) return values;
  const result: Values = {};
  for (const [key, value] of Object.entries(values)) {
    const match = new RegExp(`^${group}\\.(\\d+)\\.(.+)$`).exec(key);
    if (!match) result[key] = value;
    else if (Number(match[1]) !== Number(index))
      result[`${group}.${Number(match[1]) > Number(index) ? Number(match[1]) - 1 : match[1]}.${match[2]}`] = value;
  }
  return result;
}

/** The summary before submitting: every visible step's answers with computed values and the fee. */
function summaryOf(ctx: RequestContext, definition: ServiceDefinition, draftId: string, answers: Answers, errors?: Record<string, string>) {
  return (
    <SummaryView
      ctx={ctx}
      t={formsText(ctx.lang)}
      definition={definition}
      draftId={draftId}
      steps={visibleSteps(definition, answers)}
      answers={withComputedValues(definition, answers)}
      fee={feeOf(definition, answers)}
      errors={errors}
    />
  );
}

export function registerAssistantPages(app: FastifyInstance, deps: Deps, library: ServiceLibrary, tally: UsageTally) {
  const { db } = deps;
  const route = routes(app, db);
  /** A service the tenant offers now; receipts of a service switched off since stay readable (`anyState`). */
  const definitionOf = (request: FastifyRequest, id: string, anyState = false) => {
    const entry = library.entry(request.ctx.tenant.id, id);
    if (!entry || (!entry.active && !anyState)) throw new NotFound('online service');
    return entry.effective;
  };

  route.get('/online/:service', { access, params: serviceParams }, async ({ request, reply, params }) => {
    const { ctx } = request;
    const definition = definitionOf(request, params.service);
    tally.opened(ctx.tenant.id, definition.id);
    const owner = ctx.actor.kind === 'citizen' ? await ownerOf(deps, request, reply) : undefined;
    const t = formsText(ctx.lang);
    return sendHtml(
      reply,
      <StartView ctx={ctx} t={t} definition={definition} fee={startingFee(definition)} blocker={blocker(t, definition, owner, ctx.path)} />,
    );
  });

  route.post('/online/:service', { access, params: serviceParams }, async ({ request, reply, params }) => {
    const { ctx } = request;
    const definition = definitionOf(request, params.service);
    const owner = await ownerOf(deps, request, reply);
    const t = formsText(ctx.lang);
    const blocked = blocker(t, definition, owner, ctx.path);
    if (blocked) return sendHtml(reply, <StartView ctx={ctx} t={t} definition={definition} blocker={blocked} />, 403);
    const draft = await startDraft(db, ctx.tenant.id, definition, owner);
    return reply.redirect(`/online/${definition.id}/${draft.id}/${definition.steps[0]!.id}`, 303);
  });

  async function stepContext(request: FastifyRequest, reply: FastifyReply, params: { service: string; draft: string }) {
    const definition = definitionOf(request, params.service);
    const owner = await ownerOf(deps, request, reply);
    const draft = await draftOf(db, request.ctx.tenant.id, params.draft, owner);
    const migrated = draft.version !== definition.version;
    const current = migrated ? await migrateDraft(db, request.ctx.tenant.id, draft, definition) : draft;
    const answers = withClaims(definition, current.answers, owner);
    return { definition, owner, draft: current, answers, migrated };
  }

  function renderStep(
    request: FastifyRequest,
    definition: ServiceDefinition,
    draftId: string,
    stepId: string,
    answers: Answers,
    owner: Owner,
    values?: Values,
    errors = {},
    migrated = false,
    resume?: { email: string; error: string },
  ) {
    const steps = visibleSteps(definition, answers);
    const step = steps.find((candidate) => candidate.id === stepId);
    if (!step) throw new NotFound('step');
    const { ctx } = request;
    return (
      <StepView
        ctx={ctx}
        t={formsText(ctx.lang)}
        definition={definition}
        draftId={draftId}
        steps={steps}
        step={step}
        values={values ?? toValues(step, answers)}
        answers={answers}
        errors={errors}
        prefilled={prefilledFields(definition, owner)}
        migrated={migrated}
        resume={resume}
      />
    );
  }

  route.get('/online/:service/:draft/:step', { access, params: stepParams }, async ({ request, reply, params }) => {
    const { definition, owner, draft, answers, migrated } = await stepContext(request, reply, params);
    const stepId = params.step;
    if (stepId === 'zusammenfassung') {
      const { ctx } = request;
      return sendHtml(reply, summaryOf(ctx, definition, draft.id, answers));
    }
    return sendHtml(reply, renderStep(request, definition, draft.id, stepId, answers, owner, undefined, {}, migrated));
  });

  route.post(
    '/online/:service/:draft/:step',
    { access, params: stepParams, body: answersBody, config: { multipart: true } },
    async ({ request, reply, params, body }) => {
      const { definition, owner, draft } = await stepContext(request, reply, params);
      const { ctx } = request;
      const step = definition.steps.find((candidate) => candidate.id === params.step);
      if (!step) throw new NotFound('step');
      const upload = request.isMultipart()
        ? await readMultipartStep(request, step, { db, store: deps.store, tenantId: ctx.tenant.id, scanner: deps.scanner })
        : undefined;
      const posted = upload ? answersBody.parse(upload.values) : body;
      const { action } = posted;
      const values = applyGroupAction(action, posted.values);
      const files = currentFiles(step, draft.answers, upload?.files ?? {}, action);
      const saved = await saveStep(db, ctx.tenant.id, draft, definition, step, values, owner, files, ctx.tenant.settings.geo);
      const errors = { ...saved.errors, ...upload?.errors };
      if (/^(add|remove|removefile):/.test(action))
        return sendHtml(reply, renderStep(request, definition, draft.id, step.id, saved.answers, owner, values));
      if (action === 'back') {
        const previous = previousStep(definition, saved.answers, step);
        return reply.redirect(`/online/${definition.id}/${draft.id}/${previous?.id ?? step.id}`, 303);
      }
      if (Object.keys(errors).length > 0)
        return sendHtml(reply, renderStep(request, definition, draft.id, step.id, saved.answers, owner, values, errors), 400);
      const next = nextStep(definition, saved.answers, step);
      return reply.redirect(`/online/${definition.id}/${draft.id}/${next?.id ?? 'zusammenfassung'}`, 303);
    },
  );

  // Inline validation: the same checks as saving, nothing stored; answers JSON messages per field.
  route.post(
    '/online/:service/:draft/:step/pruefen',
    { access, params: stepParams, body: answersBody },
    async ({ request, reply, params, body }) => {
      const { definition, owner, draft } = await stepContext(request, reply, params);
      const { ctx } = request;
      const step = definition.steps.find((candidate) => candidate.id === params.step);
      if (!step) throw new NotFound('step');
      const { values } = body;
      const { errors } = checkStep(
        draft,
        definition,
        step,
        values,
        owner,
        currentFiles(step, draft.answers, {}, 'next'),
        ctx.tenant.settings.geo,
      );
      const t = formsText(ctx.lang);
      return reply
        .header('cache-control', 'no-store')
        .send({ errors: Object.fromEntries(Object.entries(errors).map(([name, error]) => [name, errorText(error, t, ctx.lang)])) });
    },
  );

  route.post(
    '/online/:service/:draft/absenden',
    { access, params: draftParams, body: declarationsBody },
    async ({ request, reply, params, body }) => {
      const earlier = await earlierSubmission(db, request.ctx.tenant.id, params.draft, await ownerOf(deps, request, reply));
      if (earlier) return reply.redirect(`/online/${earlier.service}/eingang/${earlier.id}`, 303);
      const { definition, owner, draft, answers } = await stepContext(request, reply, params);
      const { ctx } = request;
      const t = formsText(ctx.lang);
      const missing = Object.fromEntries(
        definition.declarations
          .map((_, index) => `declaration${index}`)
          .filter((name) => body[name] !== 'yes')
          .map((name) => [name, t('summary.declarationMissing')]),
      );
      if (Object.keys(missing).length > 0) {
        return sendHtml(reply, summaryOf(ctx, definition, draft.id, answers, missing), 400);
      }
      const outcome = await submit(db, ctx.tenant.id, draft, definition, owner, ctx.requestId, ctx.tenant.settings.geo, {
        baseUrl: tenantBaseUrl(deps, ctx, request.headers.host),
        town: ctx.tenant.name,
        lang: ctx.lang,
      });
      if (!outcome.ok) return reply.redirect(`/online/${definition.id}/${draft.id}/${outcome.firstInvalidStep}`, 303);
      return reply.redirect(`/online/${definition.id}/eingang/${outcome.submissionId}`, 303);
    },
  );

  route.post(
    '/online/:service/:draft/merken',
    { access, params: draftParams, body: resumeBody },
    async ({ request, reply, params, body }) => {
      const { ctx } = request;
      const { definition, draft, owner, answers } = await stepContext(request, reply, params);
      const t = formsText(ctx.lang);
      const email = body.resumeEmail;
      const step = definition.steps.find((candidate) => candidate.id === body.step) ?? definition.steps[0]!;
      if (draft.user_id) return reply.redirect(`/online/${definition.id}/${draft.id}/${step.id}`, 303);
      if (!isEmail(email)) {
        return sendHtml(
          reply,
          renderStep(request, definition, draft.id, step.id, answers, owner, undefined, {}, false, {
            email: email.slice(0, 254),
            error: t('error.email'),
          }),
          400,
        );
      }
      const until = await sendResumeLink(db, draft, {
        tenantId: ctx.tenant.id,
        to: email,
        baseUrl: tenantBaseUrl(deps, ctx, request.headers.host),
        serviceTitle: definition.title[ctx.lang],
        town: ctx.tenant.name,
        lang: ctx.lang,
      });
      setFlash(reply, t('resume.sent', { until }));
      return reply.redirect(`/online/${definition.id}/${draft.id}/${step.id}`, 303);
    },
  );

  route.get('/online/fortsetzen/:token', { access, params: resumeParams }, async ({ request, reply, params }) => {
    const { ctx } = request;
    const owner = await ownerOf(deps, request, reply);
    const draft = await resumeWithLink(db, ctx.tenant.id, params.token, owner);
    const definition = draft ? library.active(ctx.tenant.id).get(draft.service) : undefined;
    if (!draft || !definition) return sendHtml(reply, <ResumeFailedView ctx={ctx} t={formsText(ctx.lang)} />, 410);
    return reply.redirect(`/online/${definition.id}/${draft.id}/${definition.steps[0]!.id}`, 303);
  });

  async function ownSubmission(request: FastifyRequest, reply: FastifyReply, params: { service: string; submission: string }) {
    const { ctx } = request;
    const definition = definitionOf(request, params.service, true);
    const submission = await findSubmission(db, ctx.tenant.id, params.submission);
    const owner = await ownerOf(deps, request, reply);
    if (!submission || submission.service !== definition.id || !ownsDraft(submission, owner)) throw new NotFound('submission');
    const asSubmitted = await definitionAt(db, definition, submission.version);
    return { submission, definition: asSubmitted, steps: visibleSteps(asSubmitted, submission.answers) };
  }

  /** The fee page of a submission waiting for its payment, with what happened to the last attempt. */
  async function payView(ctx: RequestContext, definition: ServiceDefinition, submission: SubmissionRow, unavailable = false) {
    const last = (await paymentsOf(db, ctx.tenant.id, { kind: 'submission', id: submission.id }))[0];
    const state: PaymentState = unavailable
      ? 'unavailable'
      : last?.status === 'failed' || last?.status === 'cancelled' || last?.status === 'error'
        ? last.status
        : last
          ? 'open'
          : undefined;
    const methods = PAYMENT_METHODS.map((method) => ({ value: method, label: paymentMethodLabel(ctx.lang, method) }));
    return (
      <PayView
        ctx={ctx}
        t={formsText(ctx.lang)}
        definition={definition}
        number={submission.number}
        feeCents={submission.fee_cents ?? 0}
        methods={methods}
        state={state}
      />
    );
  }

  route.get('/online/:service/eingang/:submission', { access, params: submissionParams }, async ({ request, reply, params }) => {
    const { ctx } = request;
    const { submission, definition, steps } = await ownSubmission(request, reply, params);
    if (submission.status === 'payment_pending') return sendHtml(reply, await payView(ctx, definition, submission));
    const [timeline, paid] = await Promise.all([
      publicTimeline(db, ctx.tenant.id, { kind: 'submission', id: submission.id }, ctx.lang),
      paidFor(db, ctx.tenant.id, submission.id),
    ]);
    return sendHtml(
      reply,
      <ReceiptView
        ctx={ctx}
        t={formsText(ctx.lang)}
        definition={definition}
        number={submission.number}
        submittedAt={submission.submitted_at}
        steps={steps}
        answers={submission.answers}
        paid={paid}
        timeline={timeline}
      />,
    );
  });

  // The amount comes from the stored submission, never from the browser.
  route.post(
    '/online/:service/eingang/:submission/bezahlen',
    { access, params: submissionParams, body: payBody },
    async ({ request, reply, params, body }) => {
      const { ctx } = request;
      const { submission, definition } = await ownSubmission(request, reply, params);
      const receipt = `/online/${definition.id}/eingang/${submission.id}`;
      if (submission.status !== 'payment_pending' || !submission.fee_cents) return reply.redirect(receipt, 303);
      const { method } = body;
      try {
        const target = await beginPayment(db, tenantBaseUrl(deps, ctx, request.headers.host), {
          tenantId: ctx.tenant.id,
          purpose: { kind: 'submission', id: submission.id },
          service: definition.id,
          serviceTitle: definition.title.de,
          description: `${definition.title.de} ${submission.number}`,
          amountCents: submission.fee_cents,
          method,
          returnPath: receipt,
        });
        return reply.redirect(target, 303);
      } catch (error) {
        if (!(error instanceof PaymentUnavailable)) throw error;
        return sendHtml(reply, await payView(ctx, definition, submission, true), 503);
      }
    },
  );

  route.get(
    '/online/:service/eingang/:submission/bestaetigung.pdf',
    { access, params: submissionParams },
    async ({ request, reply, params }) => {
      const { ctx } = request;
      const { submission, definition } = await ownSubmission(request, reply, params);
      if (submission.status === 'payment_pending') return reply.redirect(`/online/${definition.id}/eingang/${submission.id}`, 303);
      const pdf = await receiptPdf(ctx.tenant, definition, submission, ctx.lang, await paidFor(db, ctx.tenant.id, submission.id));
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="eingangsbestaetigung-${submission.number}.pdf"`)
        .header('cache-control', 'private, no-store')
        .send(Buffer.from(pdf));
    },
  );
}
