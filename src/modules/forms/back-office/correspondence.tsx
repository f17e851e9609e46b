// The correspondence of a submission for the clerk: messages and requests to the applicant's Postfach, and the
// applicant's answers with their documents, all in the case.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { routes } from '../../../platform/http/route.js';
import { recordParams } from '../../../platform/validation/rules.js';
import { formsPolicy } from '../policy.js';
import { correspondenceFileParams, messageBody } from '../schema.js';
import { actorLabel, type RequestContext } from '../../../platform/http/context.js';
import { audit, auditView, tenantBaseUrl, type Deps } from '../../../platform/http/deps.js';
import { NotFound } from '../../../platform/http/errors.js';
import { setFlash } from '../../../platform/http/request-context.js';
import { formatDateTime } from '../../../platform/i18n/index.js';
import { sendStoredFile } from '../../../platform/storage/download.js';
import { findStoredFile } from '../../../platform/storage/storage.js';
import { Button, Form, Paragraphs, RadioGroup, TextArea, TextField } from '../../../platform/ui/components.js';
import { correspondenceOf, deliver, type Attachment, type MailboxItem } from '../../mailbox/index.js';
import type { SubmissionRow } from '../repo.js';
import { moveCase } from '../service.js';
import { formsText } from '../texts.js';

export function CorrespondenceSection({
  ctx,
  submission,
  items,
  values,
  errors,
}: {
  ctx: RequestContext;
  submission: SubmissionRow;
  items: MailboxItem[];
  values?: Record<string, string>;
  errors?: Record<string, string>;
}) {
  const t = formsText(ctx.lang);
  return (
    <section aria-labelledby="correspondence">
      <h2 id="correspondence" safe>
        {t('bo.correspondence')}
      </h2>
      {items.length === 0 ? (
        <p safe>{t('bo.noCorrespondence')}</p>
      ) : (
        <ol class="timeline">
          {items.map((item) => (
            <li>
              <p>
                <strong safe>{item.subject}</strong>{' '}
                <span
                  safe
                >{`· ${item.direction === 'from_citizen' ? t('bo.fromApplicant') : item.sender_label} · ${formatDateTime(ctx.lang, item.created_at)}${item.read_at ? ` · ${t('bo.readAt', { date: formatDateTime(ctx.lang, item.read_at) })}` : ''}`}</span>
              </p>
              <Paragraphs text={item.body} />
              {(item.attachments as Attachment[]).map((file, index) => (
                <p>
                  <a
                    href={`/bo/antraege/${submission.id}/post/${item.id}/${index}`}
                    safe
                  >{`${file.name} (${Math.ceil(file.size / 1024)} KB)`}</a>
                </p>
              ))}
            </li>
          ))}
        </ol>
      )}
      {submission.user_id ? (
        <Form action={`/bo/antraege/${submission.id}/nachricht`} csrf={ctx.csrfToken()}>
          <h3 safe>{t('bo.writeMessage')}</h3>
          <RadioGroup
            name="kind"
            legend={t('bo.messageKind')}
            value={values?.kind ?? 'request'}
            options={[
              { value: 'request', label: t('bo.kindRequest') },
              { value: 'message', label: t('bo.kindMessage') },
            ]}
          />
          <TextField name="subject" label={t('bo.messageSubject')} value={values?.subject ?? ''} error={errors?.subject} />
          <TextArea name="body" label={t('bo.messageBody')} value={values?.body ?? ''} error={errors?.body} rows={5} />
          <Button label={t('bo.messageSend')} />
        </Form>
      ) : (
        <p class="hint" safe>
          {t('bo.noAccount')}
        </p>
      )}
    </section>
  );
}

export function registerCorrespondenceRoutes(
  app: FastifyInstance,
  deps: Deps,
  readableSubmission: (request: FastifyRequest, id: string) => Promise<SubmissionRow>,
  render: (
    request: FastifyRequest,
    id: string,
    extra: { values?: Record<string, string>; errors?: Record<string, string> },
  ) => Promise<string>,
) {
  const { db } = deps;

  routes(app, db).post(
    '/bo/antraege/:id/nachricht',
    { access: formsPolicy.processSubmissions, params: recordParams, body: messageBody },
    async ({ request, reply, params, body: values }) => {
      const { ctx } = request;
      const t = formsText(ctx.lang);
      const submission = await readableSubmission(request, params.id);
      const errors: Record<string, string> = {};
      if (!values.subject) errors.subject = t('error.required');
      if (!values.body) errors.body = t('error.required');
      if (!submission.user_id || Object.keys(errors).length > 0) {
        reply.status(400);
        return reply.type('text/html; charset=utf-8').send(await render(request, params.id, { values, errors }));
      }
      await db.transaction().execute(async (trx) => {
        await deliver(trx, {
          tenantId: ctx.tenant.id,
          userId: submission.user_id!,
          kind: values.kind as 'request' | 'message',
          subject: `${values.subject} (${submission.number})`,
          body: values.body,
          case: { kind: 'submission', id: submission.id },
          senderLabel: ctx.tenant.name,
          notify: { baseUrl: tenantBaseUrl(deps, ctx, request.headers.host), town: ctx.tenant.name, lang: 'de' },
        });
        await audit(trx, ctx, 'forms.message_sent', { type: 'submission', id: submission.id, summary: { kind: values.kind } });
      });
      // A request waits for the citizen; the deadline pauses until the answer arrives.
      if (values.kind === 'request') await moveCase(db, ctx.tenant.id, submission.id, 'request', actorLabel(ctx.actor));
      setFlash(reply, t('bo.messageSent'));
      return reply.redirect(`/bo/antraege/${submission.id}#correspondence`, 303);
    },
  );

  routes(app, db).get(
    '/bo/antraege/:id/post/:item/:index',
    { access: formsPolicy.processSubmissions, params: correspondenceFileParams },
    async ({ request, reply, params }) => {
      const { ctx } = request;
      const submission = await readableSubmission(request, params.id);
      const item = (await correspondenceOf(db, ctx.tenant.id, 'submission', submission.id)).find(
        (candidate) => candidate.id === params.item,
      );
      const attachment = item ? (item.attachments as Attachment[])[params.index] : undefined;
      const file = attachment ? await findStoredFile(db, ctx.tenant.id, attachment.file) : undefined;
      if (!file) throw new NotFound('attachment');
      await auditView(db, ctx, 'forms.attachment_viewed', {
        type: 'stored_file',
        id: file.id,
        summary: { submission: submission.id, file: file.original_name },
      });
      return sendStoredFile(reply, deps.store, file);
    },
  );
}
