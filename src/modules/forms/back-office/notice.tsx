// Issuing the notice for a submission: its values come from the submission, the delivery goes to the
// applicant's Postfach (or, without an account, by a one-time pickup to the e-mail address they gave), and
// the submission is then decided.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { RequestContext } from '../../../platform/http/context.js';
import type { Tenant } from '../../../platform/http/context.js';
import { routes } from '../../../platform/http/route.js';
import { recordParams } from '../../../platform/validation/rules.js';
import { formsPolicy } from '../policy.js';
import { actorId, actorLabel } from '../../../platform/http/context.js';
import { tenantBaseUrl, type Deps } from '../../../platform/http/deps.js';
import { setFlash } from '../../../platform/http/request-context.js';
import { formatDateTime, translator } from '../../../platform/i18n/index.js';
import type { Db } from '../../../platform/db/database.js';
import { listUnits, membershipsOf } from '../../../platform/auth/users-repo.js';
import { Page } from '../../../platform/ui/layout.js';
import { sendHtml } from '../../../platform/ui/render.js';
import { Alert, Button, Form } from '../../../platform/ui/components.js';
import {
  draftNotice,
  feeValues,
  issueNotice,
  NoticeIncomplete,
  salutation,
  type NoticeDraft,
  type NoticeRequest,
  type NoticeRow,
} from '../../notices/index.js';
import type { ServiceDefinition } from '../definition.js';
import type { Answers } from '../expressions.js';
import type { ServiceLibrary } from '../library/library.js';
import { addressLine, fieldText } from '../present.js';
import { markDecided, type SubmissionRow } from '../repo.js';
import { moveCase } from '../service.js';
import { formsText } from '../texts.js';

const longDate = (date: Date) => new Intl.DateTimeFormat('de-DE', { dateStyle: 'long', timeZone: 'Europe/Berlin' }).format(date);

function applicantName(answers: Answers): string {
  if (typeof answers.name === 'string') return answers.name;
  return [answers.givenName, answers.familyName].filter((part) => typeof part === 'string').join(' ');
}

/** The postal address: an address field, or street, postcode and town given as separate answers. */
function applicantAddress(answers: Answers): string {
  const address = Object.values(answers).find(
    (value) => Array.isArray(value) && value.length === 1 && typeof value[0] === 'object' && 'postalCode' in (value[0] as Answers),
  );
  if (address) return addressLine((address as Answers[])[0]!);
  return addressLine({ street: answers.street, postalCode: answers.postalCode, city: answers.city });
}

/** The answers as the notice quotes them: dates, amounts and yes/no as people read them. */
function noticeAnswers(definition: ServiceDefinition, answers: Answers): Record<string, string> {
  const t = formsText('de');
  const fields = definition.steps
    .flatMap((step) => step.fields)
    .filter((field) => field.type !== 'info' && field.type !== 'group' && field.type !== 'file' && field.name in answers);
  return Object.fromEntries(fields.map((field) => [field.name, fieldText(field, answers[field.name], 'de', t)]));
}

/** Who signs: their name, their function in the unit, and the unit's full name. */
async function signer(db: Db, tenantId: string, issuer: { id: string | null; name: string }, unitName: string) {
  const units = await listUnits(db, tenantId);
  const unit = units.find((candidate) => candidate.short_name === unitName);
  const memberships = issuer.id ? await membershipsOf(db, tenantId, issuer.id) : [];
  const role =
    memberships.find((membership) => membership.unit_id === unit?.id)?.role ??
    memberships.find((membership) => membership.unit_id === unit?.parent_id)?.role;
  return { id: issuer.id, name: issuer.name, function: role ? translator('de')(`role.${role}`) : '', unit: unit?.name ?? unitName };
}

/** What the notice of this submission says, filled from the submission and the clerk: for the preview and for issuing. */
export async function submissionNoticeRequest(
  db: Db,
  input: {
    tenant: Tenant;
    submission: SubmissionRow;
    definition: ServiceDefinition;
    issuer: { id: string | null; name: string };
    baseUrl: string;
  },
): Promise<NoticeRequest> {
  const { submission, definition, tenant } = input;
  const answers = submission.answers;
  const email = answers.email;
  const recipient = submission.user_id
    ? { userId: submission.user_id }
    : typeof email === 'string' && email.includes('@')
      ? { email }
      : undefined;
  const by = await signer(db, tenant.id, input.issuer, submission.target_unit);
  const name = applicantName(answers);
  return {
    tenant,
    case: { kind: 'submission', id: submission.id },
    service: definition.id,
    subject: definition.title.de,
    defaultBody: definition.notice?.body,
    values: {
      anrede: salutation(name),
      name,
      anschrift: applicantAddress(answers),
      leistung: definition.title.de,
      eingangsnummer: submission.number,
      antragsdatum: longDate(submission.submitted_at),
      ...feeValues(submission.fee_cents),
      sachbearbeitung: by.name,
      funktion: by.function,
      stelle: by.unit,
      stadt: tenant.name,
      answers: noticeAnswers(definition, answers),
    },
    directDebitIban: answers.directDebit === 'yes' && typeof answers.iban === 'string' ? answers.iban : undefined,
    issuedBy: by,
    recipient,
    baseUrl: input.baseUrl,
  };
}

/** Whether the service's workflow issues the notice itself (then only through its steps, e.g. after approval). */
export const noticeByWorkflow = (definition: ServiceDefinition) =>
  Boolean(definition.workflow?.states.some((state) => state.onEnter.includes('notice')));

export function NoticeSection({
  ctx,
  submission,
  notices,
  byWorkflow,
}: {
  ctx: RequestContext;
  submission: SubmissionRow;
  notices: NoticeRow[];
  byWorkflow: boolean;
}) {
  const t = formsText(ctx.lang);
  return (
    <section aria-labelledby="notice">
      <h2 id="notice" safe>
        {t('bo.notice')}
      </h2>
      {notices.map((notice) => (
        <p>
          <a href={`/verify/${notice.verify_code}`} safe>{`${notice.number}`}</a>
          <span
            safe
          >{` · ${formatDateTime(ctx.lang, notice.issued_at)} · ${notice.issued_by_name} · ${t(`bo.delivered.${notice.delivered_via}`)}${notice.first_accessed_at ? ` · ${t('bo.firstAccess', { date: formatDateTime(ctx.lang, notice.first_accessed_at) })}` : ''}`}</span>
        </p>
      ))}
      {submission.status === 'received' && byWorkflow && (
        <p class="hint" safe>
          {t('bo.noticeByWorkflow')}
        </p>
      )}
      {submission.status === 'received' && !byWorkflow && (
        <>
          <p class="hint" safe>
            {t('bo.noticeHint')}
          </p>
          <p>
            <a class="button" href={`/bo/antraege/${submission.id}/bescheid`} safe>
              {t('bo.noticePreview')}
            </a>
          </p>
        </>
      )}
      {submission.status === 'payment_pending' && <p safe>{t('bo.awaitingPayment')}</p>}
    </section>
  );
}

/** Issues the notice from the service's template and delivers it; the submission is then decided. Used by the
 * clerk's button and by a workflow whose state issues the notice on entry. */
export async function issueSubmissionNotice(
  deps: Pick<Deps, 'db' | 'store'>,
  input: {
    tenant: Tenant;
    submission: SubmissionRow;
    definition: ServiceDefinition;
    issuer: { id: string | null; name: string };
    baseUrl: string;
  },
) {
  await issueNotice(deps, await submissionNoticeRequest(deps.db, input));
  await markDecided(deps.db, input.tenant.id, input.submission.id);
}

/** The notice as it will be issued, with what is missing, and the button that issues it when nothing is. */
function NoticePreview({ ctx, submission, draft }: { ctx: RequestContext; submission: SubmissionRow; draft: NoticeDraft }) {
  const t = formsText(ctx.lang);
  const back = `/bo/antraege/${submission.id}`;
  return (
    <Page
      ctx={ctx}
      title={t('bo.noticePreviewTitle')}
      crumbs={[
        { label: ctx.t('site.backoffice'), href: '/bo' },
        { label: submission.number, href: back },
        { label: t('bo.noticePreviewTitle') },
      ]}
    >
      <h1 safe>{t('bo.noticePreviewTitle')}</h1>
      {draft.missing.length > 0 && (
        <Alert kind="error" text={t('bo.noticeMissing', { names: draft.missing.map((name) => `{{${name}}}`).join(', ') })} />
      )}
      <p class="hint" safe>
        {t('bo.noticePreviewIntro')}
      </p>
      <article class="preview">
        <p>
          {draft.address.map((line) => (
            <>
              <span safe>{line}</span>
              <br />
            </>
          ))}
        </p>
        <h2 safe>{draft.subject}</h2>
        {[draft.body, draft.legal]
          .flatMap((text) => text.split(/\n{2,}/))
          .map((paragraph) => (
            <p>
              {paragraph.split('\n').map((line) => (
                <>
                  <span safe>{line}</span>
                  <br />
                </>
              ))}
            </p>
          ))}
        <p>
          {draft.signature.filter(Boolean).map((line) => (
            <>
              <span safe>{line}</span>
              <br />
            </>
          ))}
        </p>
      </article>
      {draft.missing.length === 0 && (
        <Form action={`/bo/antraege/${submission.id}/bescheid`} csrf={ctx.csrfToken()}>
          <Button label={t('bo.issueNotice')} />
        </Form>
      )}
      <p>
        <a href={back} safe>
          {ctx.t('error.back')}
        </a>
      </p>
    </Page>
  );
}

export function registerNoticeRoute(
  app: FastifyInstance,
  deps: Deps,
  library: ServiceLibrary,
  readableSubmission: (request: FastifyRequest, id: string) => Promise<SubmissionRow>,
) {
  const route = routes(app, deps.db);
  const spec = { access: formsPolicy.processSubmissions, params: recordParams };
  /** The submission, its service and the notice it would get; undefined when no notice can be issued from here. */
  async function noticeOf(request: FastifyRequest, id: string) {
    const { ctx } = request;
    const submission = await readableSubmission(request, id);
    const definition: ServiceDefinition | undefined = library.entry(ctx.tenant.id, submission.service)?.effective;
    if (submission.status !== 'received' || !definition || noticeByWorkflow(definition)) return { submission, notice: undefined };
    const issuer = { id: actorId(ctx.actor), name: actorLabel(ctx.actor) };
    const notice = await submissionNoticeRequest(deps.db, {
      tenant: ctx.tenant,
      submission,
      definition,
      issuer,
      baseUrl: tenantBaseUrl(deps, ctx, request.headers.host),
    });
    return { submission, definition, notice };
  }

  route.get('/bo/antraege/:id/bescheid', spec, async ({ request, reply, params }) => {
    const { submission, notice } = await noticeOf(request, params.id);
    if (!notice) return reply.redirect(`/bo/antraege/${submission.id}#notice`, 303);
    return sendHtml(reply, <NoticePreview ctx={request.ctx} submission={submission} draft={await draftNotice(deps.db, notice)} />);
  });

  route.post('/bo/antraege/:id/bescheid', spec, async ({ request, reply, params }) => {
    const { ctx } = request;
    const { submission, notice } = await noticeOf(request, params.id);
    if (!notice) return reply.redirect(`/bo/antraege/${submission.id}#notice`, 303);
    try {
      await issueNotice(deps, notice);
    } catch (error) {
      if (!(error instanceof NoticeIncomplete)) throw error;
      return sendHtml(reply, <NoticePreview ctx={ctx} submission={submission} draft={await draftNotice(deps.db, notice)} />, 400);
    }
    await markDecided(deps.db, ctx.tenant.id, submission.id);
    await moveCase(deps.db, ctx.tenant.id, submission.id, 'notice', actorLabel(ctx.actor));
    setFlash(reply, formsText(ctx.lang)('bo.noticeIssued'));
    return reply.redirect(`/bo/antraege/${submission.id}#notice`, 303);
  });
}
