// Issuing the notice for a submission: its values come from the submission, the delivery goes to the
// applicant's Postfach (or, without an account, by a one-time pickup to the e-mail address they gave), and
// the submission is then decided.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { RequestContext } from '../../platform/http/context.js';
import type { Tenant } from '../../platform/http/context.js';
import type { Role } from '../../platform/auth/roles.js';
import { actorId, actorLabel } from '../../platform/http/context.js';
import { tenantBaseUrl, type Deps } from '../../platform/http/deps.js';
import { setFlash } from '../../platform/http/request-context.js';
import { formatDateTime } from '../../platform/i18n/index.js';
import { Button, Form } from '../../platform/ui/components.js';
import { feeValues, issueNotice, type NoticeRow } from '../notices/index.js';
import type { ServiceDefinition } from './definition.js';
import type { Answers } from './expressions.js';
import type { ServiceLibrary } from './library.js';
import { addressLine } from './present.js';
import { markDecided, type SubmissionRow } from './repo.js';
import { moveCase } from './service.js';
import { formsText } from './texts.js';

const longDate = (date: Date) => new Intl.DateTimeFormat('de-DE', { dateStyle: 'long', timeZone: 'Europe/Berlin' }).format(date);

function applicantName(answers: Answers): string {
  if (typeof answers.name === 'string') return answers.name;
  return [answers.givenName, answers.familyName].filter((part) => typeof part === 'string').join(' ');
}

function applicantAddress(answers: Answers): string {
  const address = Object.values(answers).find((value) => Array.isArray(value) && value.length === 1 && typeof value[0] === 'object' && 'postalCode' in (value[0] as Answers));
  if (address) return addressLine((address as Answers[])[0]!);
  return typeof answers.street === 'string' ? answers.street : '';
}

function flatAnswers(answers: Answers): Record<string, string> {
  return Object.fromEntries(Object.entries(answers).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}

/** Whether the service's workflow issues the notice itself (then only through its steps, e.g. after approval). */
export const noticeByWorkflow = (definition: ServiceDefinition) => Boolean(definition.workflow?.states.some((state) => state.onEnter.includes('notice')));

export function NoticeSection({ ctx, submission, notices, byWorkflow }: { ctx: RequestContext; submission: SubmissionRow; notices: NoticeRow[]; byWorkflow: boolean }) {
  const t = formsText(ctx.lang);
  return (
    <section aria-labelledby="notice">
      <h2 id="notice" safe>{t('bo.notice')}</h2>
      {notices.map((notice) => (
        <p>
          <a href={`/verify/${notice.verify_code}`} safe>{`${notice.number}`}</a>
          <span safe>{` · ${formatDateTime(ctx.lang, notice.issued_at)} · ${notice.issued_by_name} · ${t(`bo.delivered.${notice.delivered_via}`)}${notice.first_accessed_at ? ` · ${t('bo.firstAccess', { date: formatDateTime(ctx.lang, notice.first_accessed_at) })}` : ''}`}</span>
        </p>
      ))}
      {submission.status === 'received' && byWorkflow && <p class="hint" safe>{t('bo.noticeByWorkflow')}</p>}
      {submission.status === 'received' && !byWorkflow && (
        <Form action={`/bo/antraege/${submission.id}/bescheid`} csrf={ctx.csrfToken()}>
          <p class="hint" safe>{t('bo.noticeHint')}</p>
          <Button label={t('bo.issueNotice')} />
        </Form>
      )}
      {submission.status === 'payment_pending' && <p safe>{t('bo.awaitingPayment')}</p>}
    </section>
  );
}

/** Issues the notice from the service's template and delivers it; the submission is then decided. Used by the
 * clerk's button and by a workflow whose state issues the notice on entry. */
export async function issueSubmissionNotice(deps: Pick<Deps, 'db' | 'store'>, input: { tenant: Tenant; submission: SubmissionRow; definition: ServiceDefinition; issuer: { id: string | null; name: string }; baseUrl: string }) {
  const { submission, definition, tenant } = input;
  const email = submission.answers.email;
  const recipient = submission.user_id ? { userId: submission.user_id } : typeof email === 'string' && email.includes('@') ? { email } : undefined;
  await issueNotice(deps, {
    tenant,
    case: { kind: 'submission', id: submission.id },
    service: definition.id,
    subject: definition.title.de,
    values: {
      name: applicantName(submission.answers), anschrift: applicantAddress(submission.answers), leistung: definition.title.de, eingangsnummer: submission.number,
      antragsdatum: longDate(submission.submitted_at), ...feeValues(submission.fee_cents),
      sachbearbeitung: input.issuer.name, stelle: submission.target_unit, stadt: tenant.name, answers: flatAnswers(submission.answers),
    },
    issuedBy: { id: input.issuer.id, name: input.issuer.name, unit: submission.target_unit },
    recipient,
    baseUrl: input.baseUrl,
  });
  await markDecided(deps.db, tenant.id, submission.id);
}

export function registerNoticeRoute(app: FastifyInstance, deps: Deps, access: readonly Role[], library: ServiceLibrary, readableSubmission: (request: FastifyRequest) => Promise<SubmissionRow>) {
  app.post('/bo/antraege/:id/bescheid', { config: { access } }, async (request, reply) => {
    const { ctx } = request;
    const t = formsText(ctx.lang);
    const submission = await readableSubmission(request);
    const definition: ServiceDefinition | undefined = library.entry(ctx.tenant.id, submission.service)?.effective;
    if (submission.status !== 'received' || !definition || noticeByWorkflow(definition)) return reply.redirect(`/bo/antraege/${submission.id}#notice`, 303);
    const staffName = ctx.actor.kind === 'staff' ? ctx.actor.name : actorLabel(ctx.actor);
    await issueSubmissionNotice(deps, { tenant: ctx.tenant, submission, definition, issuer: { id: actorId(ctx.actor), name: staffName }, baseUrl: tenantBaseUrl(deps, ctx, request.headers.host) });
    await moveCase(deps.db, ctx.tenant.id, submission.id, 'notice', staffName);
    setFlash(reply, t('bo.noticeIssued'));
    return reply.redirect(`/bo/antraege/${submission.id}#notice`, 303);
  });
}
