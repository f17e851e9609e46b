// Use cases of the application assistant: start a draft, save a step, submit once. No HTTP here.
import { createHash, randomBytes } from 'node:crypto';
import { queueMail } from '../../platform/mail/mailer.js';
import { formatDateTime } from '../../platform/i18n/index.js';
import { paidText, type Paid } from './paid.js';
import { formsText } from './texts.js';
import { insidePolygon } from '../../platform/geo/geometry.js';
import type { Db } from '../../platform/db/database.js';
import { recordAudit } from '../../platform/audit/audit-log.js';
import { deliver } from '../mailbox/index.js';
import { enqueue } from '../../platform/jobs/queue.js';
import { moveOnEvent, openCase } from '../cases/index.js';
import { NotFound } from '../../platform/http/errors.js';
import type { ServiceDefinition, Step } from './definition.js';
import { evaluate, holds, ratesOf, type Answers } from './expressions.js';
import {
  markReceived,
  claimByResumeToken,
  countUsage,
  deleteDraft,
  findDraft,
  setResumeToken,
  updateDraftVersion,
  findSubmissionOfDraft,
  insertDraft,
  insertSubmission,
  saveDraftAnswers,
  type DraftRow,
} from './repo.js';
import { checkAll, readStep, toValues, visibleSteps, type StepErrors } from './validate.js';
import type { TownGeo } from '../../platform/db/tables.js';

/** How long a draft is kept (FORM_DRAFT_DAYS); set once at start-up. */
let draftDays = 30;

export function keepDraftsFor(days: number) {
  draftDays = days;
}

/** Who fills in the form: a logged-in account, or an anonymous browser holding a secret. */
export type Owner =
  | { userId: string; kind: 'citizen' | 'business'; claims: Record<string, unknown>; trustLevel: string | null }
  | { secret: string };

const hash = (secret: string) => createHash('sha256').update(secret).digest('hex');
const expiry = () => new Date(Date.now() + draftDays * 86_400_000);

/** Creates the one-time resume link for an anonymous draft and mails it; the mail says until when it works. */
export async function sendResumeLink(
  db: Db,
  draft: DraftRow,
  mail: { tenantId: string; to: string; baseUrl: string; serviceTitle: string; town: string; lang: 'de' | 'en' },
) {
  const token = randomBytes(24).toString('base64url');
  await setResumeToken(db, mail.tenantId, draft.id, hash(token));
  const t = formsText(mail.lang);
  const until = formatDateTime(mail.lang, draft.expires_at);
  await queueMail(db, {
    tenantId: mail.tenantId,
    to: mail.to,
    subject: t('resume.subject', { town: mail.town }),
    text: t('resume.body', { service: mail.serviceTitle, link: `${mail.baseUrl}/online/fortsetzen/${token}`, until }),
  });
  return until;
}

export async function resumeWithLink(db: Db, tenantId: string, token: string, owner: Owner): Promise<DraftRow | undefined> {
  if (!('secret' in owner) || !/^[A-Za-z0-9_-]{20,64}$/.test(token)) return undefined;
  return claimByResumeToken(db, tenantId, hash(token), hash(owner.secret));
}

export function ownsDraft(draft: Pick<DraftRow, 'user_id' | 'owner_secret_hash'>, owner: Owner): boolean {
  return 'userId' in owner
    ? draft.user_id === owner.userId
    : draft.owner_secret_hash !== null && draft.owner_secret_hash === hash(owner.secret);
}

export async function startDraft(db: Db, tenantId: string, definition: ServiceDefinition, owner: Owner) {
  const draft = await insertDraft(db, {
    tenant_id: tenantId,
    service: definition.id,
    version: definition.version,
    user_id: 'userId' in owner ? owner.userId : null,
    owner_secret_hash: 'secret' in owner ? hash(owner.secret) : null,
    expires_at: expiry(),
  });
  await countUsage(db, tenantId, definition.id, 'started');
  return draft;
}

export async function draftOf(db: Db, tenantId: string, id: string, owner: Owner): Promise<DraftRow> {
  const draft = /^[0-9a-f-]{36}$/i.test(id) ? await findDraft(db, tenantId, id) : undefined;
  if (!draft || !ownsDraft(draft, owner)) throw new NotFound('draft');
  return draft;
}

/** Answers from the identity account (once-only): they replace whatever was posted for those fields. */
export function withClaims(definition: ServiceDefinition, answers: Answers, owner: Owner): Answers {
  if (!('userId' in owner)) return answers;
  const claims = owner.claims as Record<string, unknown> & { address?: Record<string, unknown> };
  const result = { ...answers };
  for (const field of definition.steps.flatMap((step) => step.fields)) {
    if (!('prefill' in field) || !field.prefill) continue;
    if (field.type === 'address') {
      const address = claims.address;
      if (typeof address?.street_address === 'string' && address.street_address) {
        result[field.name] = [
          { street: address.street_address, postalCode: String(address.postal_code ?? ''), city: String(address.locality ?? '') },
        ];
      }
      continue;
    }
    const value = claims[field.prefill] ?? claims.address?.[field.prefill];
    if (typeof value === 'string' && value) result[field.name] = value;
  }
  return result;
}

export function prefilledFields(definition: ServiceDefinition, owner: Owner): Set<string> {
  return new Set(Object.keys(withClaims(definition, {}, owner)));
}

function ruleErrors(definition: ServiceDefinition, step: Step, answers: Answers): StepErrors {
  const errors: StepErrors = {};
  for (const rule of definition.rules) {
    if (step.fields.some((field) => field.name === rule.field) && holds(rule.when, answers))
      errors[rule.field] = { code: 'rule', message: rule.message };
  }
  return errors;
}

/** Checks a step's posted values without saving (for saving, and for inline validation while typing). */
export function checkStep(
  draft: DraftRow,
  definition: ServiceDefinition,
  step: Step,
  values: Record<string, string | string[] | undefined>,
  owner: Owner,
  files: Record<string, Answers[]> = {},
  geo?: TownGeo,
) {
  const claimed = toValues(step, withClaims(definition, {}, owner));
  const { answers, errors } = readStep(step, { ...values, ...claimed }, draft.answers, { files, streets: geo?.streets });
  for (const field of step.fields) {
    const place = field.type === 'location' && Array.isArray(answers[field.name]) ? (answers[field.name] as Answers[])[0] : undefined;
    if (place?.lat && geo?.boundary && !insidePolygon({ lat: Number(place.lat), lng: Number(place.lng) }, geo.boundary)) {
      errors[field.name] = { code: 'outside' };
      delete answers[field.name];
    }
  }
  const merged = withClaims(definition, { ...dropStep(draft.answers, step), ...answers }, owner);
  Object.assign(errors, ruleErrors(definition, step, merged));
  return { answers: merged, errors };
}

/** Reads a step; valid answers are saved even when others are missing, so going back loses nothing. */
export async function saveStep(
  db: Db,
  tenantId: string,
  draft: DraftRow,
  definition: ServiceDefinition,
  step: Step,
  values: Record<string, string | string[] | undefined>,
  owner: Owner,
  files: Record<string, Answers[]> = {},
  geo?: TownGeo,
) {
  const checked = checkStep(draft, definition, step, values, owner, files, geo);
  await saveDraftAnswers(db, tenantId, draft.id, checked.answers, expiry());
  return checked;
}

function dropStep(answers: Answers, step: Step): Answers {
  const result = { ...answers };
  for (const field of step.fields) delete result[field.name];
  return result;
}

/** Moves a draft made with an older definition to the current one: answers that still fit are kept, the rest is asked again. */
export async function migrateDraft(db: Db, tenantId: string, draft: DraftRow, definition: ServiceDefinition): Promise<DraftRow> {
  const { answers } = checkAll(definition, draft.answers);
  await updateDraftVersion(db, tenantId, draft.id, definition.version, answers, expiry());
  return { ...draft, version: definition.version, answers };
}

export function nextStep(definition: ServiceDefinition, answers: Answers, current: Step): Step | undefined {
  const steps = visibleSteps(definition, answers);
  return steps[steps.findIndex((step) => step.id === current.id) + 1];
}

export function previousStep(definition: ServiceDefinition, answers: Answers, current: Step): Step | undefined {
  const steps = visibleSteps(definition, answers);
  return steps[steps.findIndex((step) => step.id === current.id) - 1];
}

export function feeOf(definition: ServiceDefinition, answers: Answers): number | undefined {
  return definition.fee === undefined ? undefined : Math.round(evaluate(definition.fee, answers, ratesOf(definition)) * 100);
}

/** The fee as the start page announces it: the amount for the smallest answers (one certificate, not none), and
 * whether the answers change it ("ab 12,00 €"). */
export function startingFee(definition: ServiceDefinition): { cents: number; depends: boolean } | undefined {
  if (definition.fee === undefined) return undefined;
  const smallest: Answers = {};
  for (const field of definition.steps.flatMap((step) => step.fields))
    if (field.type === 'number') smallest[field.name] = String(Math.max(field.min ?? 1, 1));
  return { cents: feeOf(definition, smallest) ?? 0, depends: JSON.stringify(definition.fee).includes('"field"') };
}

/** The answers with each visible computed value as the citizen saw it on the summary ("216.00"), so that the clerk,
 * the receipt and the hand-over read the same figure later, whatever the town's rates are by then. */
export function withComputedValues(definition: ServiceDefinition, answers: Answers): Answers {
  const values: Answers = { ...answers };
  for (const step of visibleSteps(definition, answers)) {
    for (const field of step.fields) {
      if (field.type === 'computed' && holds(field.visibleIf, answers))
        values[field.name] = evaluate(field.expression, answers, ratesOf(definition)).toFixed(2);
    }
  }
  return values;
}

/** The submission made from a draft, when this owner made it: a repeated submit finds it. */
export async function earlierSubmission(db: Db, tenantId: string, draftId: string, owner: Owner) {
  const submission = /^[0-9a-f-]{36}$/i.test(draftId) ? await findSubmissionOfDraft(db, tenantId, draftId) : undefined;
  return submission && ownsDraft(submission, owner) ? submission : undefined;
}

/** The receipt goes into the account holder's Postfach (with a content-free e-mail notification there). */
export function receiptToPostfach(
  db: Db,
  tenantId: string,
  userId: string,
  definition: ServiceDefinition,
  submission: { id: string; number: string; submitted_at: Date },
  mail: ReceiptMail,
  paid?: Paid,
) {
  const t = formsText(mail.lang);
  const body = t('receipt.mailBody', {
    service: definition.title[mail.lang],
    date: formatDateTime(mail.lang, submission.submitted_at),
    number: submission.number,
    link: `${mail.baseUrl}/online/${definition.id}/eingang/${submission.id}`,
  });
  return deliver(db, {
    tenantId,
    userId,
    kind: 'receipt',
    subject: t('receipt.mailSubject', { number: submission.number, town: mail.town }),
    body: paid ? `${body}\n\n${paidText(mail.lang, paid, 'receipt.paidMail')}` : body,
    case: { kind: 'submission', id: submission.id },
    senderLabel: mail.town,
    notify: mail,
  });
}

export const HANDOVER_JOB = 'forms.handover';

/** Every text the applicant gave (group items and addresses included, file ids left out), for the clerk's search. */
function searchableAnswers(value: unknown): string {
  if (typeof value === 'string') return value.slice(0, 2000);
  if (Array.isArray(value)) return value.map(searchableAnswers).join(' ');
  if (value && typeof value === 'object')
    return Object.entries(value)
      .filter(([key]) => key !== 'file')
      .map(([, item]) => searchableAnswers(item))
      .join(' ');
  return '';
}

/** A received submission is a case in its unit's inbox, and goes to the specialist software (by a job in the
 * same transaction: the outbox, so nothing is lost). */
async function openCaseFor(
  db: Db,
  definition: ServiceDefinition,
  submission: { id: string; tenant_id: string; number: string; target_unit: string; answers: Answers },
) {
  await openCase(db, {
    tenantId: submission.tenant_id,
    source: { kind: 'submission', id: submission.id },
    number: submission.number,
    service: definition.id,
    title: definition.title.de,
    unit: submission.target_unit,
    processingDays: definition.processingDays,
    workflow: definition.workflow,
    searchText: searchableAnswers(submission.answers),
  });
  await enqueue(db, {
    name: HANDOVER_JOB,
    tenantId: submission.tenant_id,
    payload: { submissionId: submission.id },
    dedupeKey: `handover:${submission.id}`,
  });
}

/** Moves the submission's case as its workflow says for the event (a request, the citizen's reply, a notice). */
export function moveCase(db: Db, tenantId: string, submissionId: string, trigger: 'request' | 'reply' | 'notice', label: string) {
  return moveOnEvent(db, tenantId, { kind: 'submission', id: submissionId }, trigger, label);
}

/** A paid fee completes the submission (called by the payments module inside its booking transaction). */
export async function completePaidSubmission(
  db: Db,
  tenantId: string,
  submissionId: string,
  definition: ServiceDefinition | undefined,
  mail: ReceiptMail,
  paid?: Paid,
) {
  const submission = await markReceived(db, tenantId, submissionId);
  if (!submission) return;
  await countUsage(db, tenantId, submission.service, 'paid');
  if (definition) await openCaseFor(db, definition, submission);
  if (definition && submission.user_id) await receiptToPostfach(db, tenantId, submission.user_id, definition, submission, mail, paid);
}

export type SubmitOutcome = { ok: true; submissionId: string } | { ok: false; firstInvalidStep: string };

/** Checks everything again and stores the submission once; a repeated submit returns the first one. */
/** What the receipt in the Postfach needs: links, the town's name and the language. */
export type ReceiptMail = { baseUrl: string; town: string; lang: 'de' | 'en' };

export async function submit(
  db: Db,
  tenantId: string,
  draft: DraftRow,
  definition: ServiceDefinition,
  owner: Owner,
  requestId: string,
  geo?: TownGeo,
  mail?: ReceiptMail,
): Promise<SubmitOutcome> {
  const existing = await findSubmissionOfDraft(db, tenantId, draft.id);
  if (existing) return { ok: true, submissionId: existing.id };
  const checked = checkAll(definition, withClaims(definition, draft.answers, owner), { streets: geo?.streets });
  const invalid = visibleSteps(definition, checked.answers).find((step) => checked.errors[step.id]);
  if (invalid) return { ok: false, firstInvalidStep: invalid.id };
  const answers = withComputedValues(definition, checked.answers);
  const outcome = await db.transaction().execute(async (trx) => {
    const again = await findSubmissionOfDraft(trx, tenantId, draft.id);
    if (again) return { ok: true as const, submissionId: again.id };
    const now = new Date();
    const fee = feeOf(definition, answers);
    const awaitsPayment = definition.payment === 'online' && (fee ?? 0) > 0;
    const submission = await insertSubmission(trx, {
      tenant_id: tenantId,
      year: now.getFullYear(),
      service: definition.id,
      version: draft.version,
      draft_id: draft.id,
      user_id: 'userId' in owner ? owner.userId : null,
      owner_secret_hash: draft.owner_secret_hash,
      trust_level: 'userId' in owner ? owner.trustLevel : null,
      answers,
      fee_cents: fee ?? null,
      target_unit: definition.targetUnit,
      status: awaitsPayment ? 'payment_pending' : 'received',
      delete_after: new Date(now.getTime() + definition.retentionDays * 86_400_000).toISOString().slice(0, 10),
    });
    await deleteDraft(trx, tenantId, draft.id);
    await recordAudit(trx, {
      tenantId,
      actorId: 'userId' in owner ? owner.userId : null,
      actorLabel: 'userId' in owner ? `citizen:${owner.userId}` : 'anonymous',
      action: 'forms.submitted',
      objectType: 'submission',
      objectId: submission.id,
      summary: { service: definition.id, number: submission.number },
      requestId,
    });
    if (!awaitsPayment) await openCaseFor(trx, definition, submission);
    if (!awaitsPayment && mail && 'userId' in owner) await receiptToPostfach(trx, tenantId, owner.userId, definition, submission, mail);
    return { ok: true as const, submissionId: submission.id, isNew: true };
  });
  // Counted after the commit: the shared counter row is not held while the submission is written.
  if ('isNew' in outcome) await countUsage(db, tenantId, definition.id, 'submitted');
  return { ok: true, submissionId: outcome.submissionId };
}
