// Staff read submissions of their units until the back office (issue 6) takes them over: the list with usage
// counts, one submission as a readable summary, and its attachments.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { routes } from '../../../platform/http/route.js';
import { recordParams } from '../../../platform/validation/rules.js';
import { formsPolicy } from '../policy.js';
import { attachmentParams, attachmentQuery } from '../schema.js';
import { visibleUnits } from '../../../platform/auth/unit-scope.js';
import { auditView, type Deps } from '../../../platform/http/deps.js';
import { NotFound } from '../../../platform/http/errors.js';
import { formatDateTime, formatMoney } from '../../../platform/i18n/index.js';
import type { RequestContext } from '../../../platform/http/context.js';
import type { ServiceDefinition } from '../definition.js';
import { findStoredFile } from '../../../platform/storage/storage.js';
import { sendStoredFile } from '../../../platform/storage/download.js';
import { DataTable } from '../../../platform/ui/components.js';
import { Page } from '../../../platform/ui/layout.js';
import { sendHtml } from '../../../platform/ui/render.js';
import type { ServiceLibrary } from '../library/library.js';
import type { Answers } from '../expressions.js';
import { answerRows } from '../present.js';
import { findSubmission, listSubmissionsForUnits, usageTotals, type SubmissionRow } from '../repo.js';
import type { UsageTally } from '../assistant/usage-tally.js';
import { formsText } from '../texts.js';
import { visibleSteps } from '../validate.js';
import { definitionAt } from '../library/versions.js';
import { correspondenceOf } from '../../mailbox/index.js';
import { CorrespondenceSection, registerCorrespondenceRoutes } from './correspondence.js';
import { NoticeSection, noticeByWorkflow, registerNoticeRoute } from './notice.js';
import { noticesOfCase } from '../../notices/index.js';
import { deliveriesOfSubmission } from '../../handover/index.js';

/** The answers of a submission as the clerk reads them, with its attachments (also shown on the case page). */
export function SubmissionAnswers({
  ctx,
  submission,
  definition,
}: {
  ctx: RequestContext;
  submission: SubmissionRow;
  definition: ServiceDefinition;
}) {
  const t = formsText(ctx.lang);
  const sections = answerRows(visibleSteps(definition, submission.answers), submission.answers, ctx.lang, t);
  const files = Object.values(submission.answers).flatMap((value) =>
    Array.isArray(value) ? (value as Answers[]).filter((item) => typeof item === 'object' && 'file' in item) : [],
  );
  return (
    <>
      {sections.map((section) => (
        <section>
          <h2 safe>{section.title}</h2>
          <dl class="summary-list">
            {section.rows.map((row) => (
              <div class="summary-row">
                <dt safe>{row.label}</dt>
                <dd safe>{row.text}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
      {files.length > 0 && (
        <section>
          <h2 safe>{t('bo.files')}</h2>
          <ul class="attachments">
            {files.map((file) => (
              <AttachmentPreview
                ctx={ctx}
                href={`/bo/antraege/${submission.id}/anhang/${String(file.file)}`}
                name={String(file.name)}
                size={Number(file.size)}
                type={String(file.type ?? '')}
              />
            ))}
          </ul>
        </section>
      )}
      {submission.fee_cents ? (
        <p safe>{`${t('summary.fee')}: ${formatMoney(ctx.lang, submission.fee_cents / 100)} · ${t(`status.${submission.status}`)}`}</p>
      ) : (
        ''
      )}
    </>
  );
}

/** An attachment with its download link and a preview: images inline, PDFs in a frame (same origin only). */
function AttachmentPreview({
  ctx,
  href,
  name,
  size,
  type,
}: {
  ctx: RequestContext;
  href: string;
  name: string;
  size: number;
  type: string;
}) {
  const t = formsText(ctx.lang);
  const preview = `${href}?ansicht=vorschau`;
  return (
    <li>
      <a href={href} safe>{`${name} (${Math.ceil(size / 1024)} KB)`}</a>
      {type.startsWith('image/') && <img class="attachment-preview" src={preview} alt={t('bo.preview', { name })} loading="lazy" />}
      {type === 'application/pdf' && (
        <iframe class="attachment-preview" src={preview} title={t('bo.preview', { name })} loading="lazy"></iframe>
      )}
    </li>
  );
}

export function registerStaffPages(app: FastifyInstance, deps: Deps, library: ServiceLibrary, tally: UsageTally) {
  const { db } = deps;
  const route = routes(app, db);
  const access = formsPolicy.processSubmissions;

  const readableUnits = (request: FastifyRequest) => visibleUnits(db, request.ctx);

  /** A submission of a unit the staff member works for; any other is "not found". */
  async function readableSubmission(request: FastifyRequest, id: string) {
    const submission = await findSubmission(db, request.ctx.tenant.id, id);
    if (!submission || !(await readableUnits(request)).includes(submission.target_unit)) throw new NotFound('submission');
    return submission;
  }

  route.get('/bo/antraege', { access }, async ({ request, reply }) => {
    const { ctx } = request;
    const t = formsText(ctx.lang);
    await tally.flush();
    const [submissions, usage] = await Promise.all([
      listSubmissionsForUnits(db, ctx.tenant.id, await readableUnits(request)),
      usageTotals(db, ctx.tenant.id),
    ]);
    const name = (service: string) => library.entry(ctx.tenant.id, service)?.effective.title[ctx.lang] ?? service;
    return sendHtml(
      reply,
      <Page ctx={ctx} title={t('bo.title')} crumbs={[{ label: ctx.t('site.backoffice'), href: '/bo' }, { label: t('bo.title') }]}>
        <h1 safe>{t('bo.title')}</h1>
        {submissions.length === 0 ? (
          <p safe>{t('bo.none')}</p>
        ) : (
          <ul class="link-list">
            {submissions.map((row) => (
              <li>
                <a
                  href={`/bo/antraege/${row.id}`}
                  safe
                >{`${row.number} · ${name(row.service)} · ${formatDateTime(ctx.lang, row.submitted_at)} · ${t(`status.${row.status}`)}`}</a>
              </li>
            ))}
          </ul>
        )}
        <h2 safe>{t('bo.usage')}</h2>
        <DataTable
          caption={t('bo.usage')}
          head={[t('bo.service'), t('bo.opened'), t('bo.started'), t('bo.submitted'), t('bo.paid')]}
          empty="–"
          rows={usage.map((row) => [name(row.service), String(row.opened), String(row.started), String(row.submitted), String(row.paid)])}
        />
      </Page>,
    );
  });

  /** One submission as the clerk reads it: answers, attachments, correspondence. */
  async function submissionPage(
    request: FastifyRequest,
    id: string,
    extra: { values?: Record<string, string>; errors?: Record<string, string> } = {},
  ): Promise<string> {
    const { ctx } = request;
    const t = formsText(ctx.lang);
    const submission = await readableSubmission(request, id);
    const current = library.entry(ctx.tenant.id, submission.service)?.effective;
    if (!current) throw new NotFound('service');
    const definition = await definitionAt(db, current, submission.version);
    const [correspondence, notices, deliveries] = await Promise.all([
      correspondenceOf(db, ctx.tenant.id, 'submission', submission.id),
      noticesOfCase(db, ctx.tenant.id, 'submission', submission.id),
      deliveriesOfSubmission(db, ctx.tenant.id, submission.id),
    ]);
    return (
      <Page
        ctx={ctx}
        title={`${submission.number} – ${definition.title[ctx.lang]}`}
        crumbs={[
          { label: ctx.t('site.backoffice'), href: '/bo' },
          { label: t('bo.title'), href: '/bo/antraege' },
          { label: submission.number },
        ]}
      >
        <h1 safe>{`${submission.number}: ${definition.title[ctx.lang]}`}</h1>
        <dl class="facts">
          <dt safe>{t('bo.date')}</dt>
          <dd safe>{formatDateTime(ctx.lang, submission.submitted_at)}</dd>
          <dt safe>{t('bo.level')}</dt>
          <dd safe>{submission.trust_level ? t(`level.${submission.trust_level as 'basic'}`) : '–'}</dd>
          <dt safe>{t('bo.version')}</dt>
          <dd>
            <span safe>{String(submission.version)}</span>
            {submission.version !== current.version && (
              <>
                {' · '}
                <a href={`/bo/online-dienste/${submission.service}/versionen?von=${submission.version}&bis=${current.version}`} safe>
                  {t('bo.versionChanges', { current: String(current.version) })}
                </a>
              </>
            )}
          </dd>
        </dl>
        <SubmissionAnswers ctx={ctx} submission={submission} definition={definition} />
        {deliveries.length > 0 && (
          <section aria-labelledby="handover">
            <h2 id="handover" safe>
              {t('bo.handover')}
            </h2>
            <ul>
              {deliveries.map((delivery) => (
                <li
                  safe
                >{`${delivery.name}: ${t(`bo.handover.${delivery.state}`)}${delivery.push_state ? ` · Push: ${delivery.push_state}${delivery.push_attempts ? ` (${delivery.push_attempts})` : ''}${delivery.push_last_error ? `, ${delivery.push_last_error}` : ''}` : ''}${delivery.drop_state ? ` · ${t('bo.handover.drop')}: ${t(`bo.handover.drop.${delivery.drop_state}`)}${delivery.drop_last_error ? ` (${delivery.drop_attempts}, ${delivery.drop_last_error})` : ''}` : ''}`}</li>
              ))}
            </ul>
          </section>
        )}
        <NoticeSection ctx={ctx} submission={submission} notices={notices} byWorkflow={noticeByWorkflow(current)} />
        <CorrespondenceSection ctx={ctx} submission={submission} items={correspondence} {...extra} />
      </Page>
    ) as string;
  }

  route.get('/bo/antraege/:id', { access, params: recordParams }, async ({ request, reply, params }) => {
    const page = await submissionPage(request, params.id);
    await auditView(db, request.ctx, 'forms.submission_viewed', { type: 'submission', id: params.id });
    return sendHtml(reply, page);
  });

  registerCorrespondenceRoutes(app, deps, readableSubmission, submissionPage);
  registerNoticeRoute(app, deps, library, readableSubmission);

  route.get(
    '/bo/antraege/:id/anhang/:file',
    { access, params: attachmentParams, query: attachmentQuery },
    async ({ request, reply, params, query }) => {
      const { ctx } = request;
      const submission = await readableSubmission(request, params.id);
      const fileId = params.file;
      const referenced = Object.values(submission.answers).some(
        (value) => Array.isArray(value) && (value as Answers[]).some((item) => typeof item === 'object' && item.file === fileId),
      );
      const file = referenced ? await findStoredFile(db, ctx.tenant.id, fileId) : undefined;
      if (!file) throw new NotFound('attachment');
      await auditView(db, ctx, 'forms.attachment_viewed', {
        type: 'stored_file',
        id: file.id,
        summary: { submission: submission.id, file: file.original_name },
      });
      if (query.ansicht !== 'vorschau') return sendStoredFile(reply, deps.store, file);
      // The preview is shown inside our own case page only, and may load nothing itself.
      reply
        .header('content-security-policy', "default-src 'none'; img-src 'self'; frame-ancestors 'self'")
        .header('x-frame-options', 'SAMEORIGIN');
      return sendStoredFile(reply, deps.store, file, 'inline');
    },
  );
}
