// Public pages of notices: /verify (anyone checks a notice by its code and can compare a PDF with the
// original's fingerprint) and /bescheid/abholen (one-time pickup for applicants without an account).
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../platform/http/deps.js';
import { NotFound } from '../../platform/http/errors.js';
import { readFormWithFile } from '../../platform/http/upload.js';
import { formatDateTime } from '../../platform/i18n/index.js';
import { recordAudit } from '../../platform/audit/audit-log.js';
import { sendStoredFile } from '../../platform/storage/download.js';
import { findStoredFile } from '../../platform/storage/storage.js';
import type { RequestContext } from '../../platform/http/context.js';
import { Alert, Button, ErrorSummary, FileField, Form, TextField } from '../../platform/ui/components.js';
import { Page } from '../../platform/ui/layout.js';
import { sharedPage } from '../../platform/http/shared-page.js';
import { sendHtml } from '../../platform/ui/render.js';
import { countPickupAttempt, findByVerifyCode, findNotice, findPickup, recordFirstAccess, usePickup, type NoticeRow } from './repo.js';
import { sha256 } from './service.js';
import { routes } from '../../platform/http/route.js';
import { noticesPolicy } from './policy.js';
import { pickupBody, pickupParams, verifyParams, verifyQuery } from './schema.js';
import { noticesText } from './texts.js';

const VERIFY_MAX_BYTES = 20 * 1024 * 1024;
const MAX_ATTEMPTS = 5;
const normalizeCode = (code: string) =>
  code
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '')
    .replace(/(.{4})(?=.)/g, '$1-');

function VerifyView({
  ctx,
  notice,
  code,
  error,
  result,
}: {
  ctx: RequestContext;
  notice?: NoticeRow;
  code?: string;
  error?: string;
  result?: 'match' | 'mismatch';
}) {
  const t = noticesText(ctx.lang);
  return (
    <Page ctx={ctx} title={t('verify.title')} crumbs={[{ label: t('verify.title') }]}>
      <ErrorSummary errors={error ? { code: error } : undefined} t={ctx.t} />
      <h1 safe>{t('verify.title')}</h1>
      {!notice && (
        <>
          <p safe>{t('verify.intro')}</p>
          <Form action="/verify" csrf="" method="get">
            <TextField name="code" label={t('verify.code')} value={code ?? ''} error={error} autocomplete="off" />
            <Button label={t('verify.submit')} />
          </Form>
        </>
      )}
      {notice && (
        <>
          <Alert kind="success" text={t('verify.found', { town: ctx.tenant.name })} />
          <dl class="facts">
            <dt safe>{t('verify.number')}</dt>
            <dd safe>{notice.number}</dd>
            <dt safe>{t('verify.subject')}</dt>
            <dd safe>{notice.subject}</dd>
            <dt safe>{t('verify.issuedAt')}</dt>
            <dd safe>{formatDateTime(ctx.lang, notice.issued_at)}</dd>
            <dt safe>{t('verify.issuedBy')}</dt>
            <dd safe>{notice.issued_by_name}</dd>
            <dt safe>{t('verify.fingerprint')}</dt>
            <dd>
              <code safe>{notice.sha256}</code>
            </dd>
          </dl>
          {result && <Alert kind={result === 'match' ? 'success' : 'error'} text={t(`verify.${result}`)} />}
          <h2 safe>{t('verify.fileTitle')}</h2>
          <Form action={`/verify/${notice.verify_code}`} csrf={ctx.csrfToken()} multipart>
            <FileField name="pdf" label={t('verify.file')} accept="application/pdf" />
            <Button label={t('verify.compare')} kind="secondary" />
          </Form>
        </>
      )}
    </Page>
  );
}

function PickupView({ ctx, token, error, gone }: { ctx: RequestContext; token: string; error?: string; gone?: boolean }) {
  const t = noticesText(ctx.lang);
  return (
    <Page ctx={ctx} title={t('pickup.title')} crumbs={[{ label: t('pickup.title') }]}>
      <ErrorSummary errors={error ? { code: error } : undefined} t={ctx.t} />
      <h1 safe>{t('pickup.title')}</h1>
      {gone ? (
        <Alert kind="warning" text={t('pickup.gone')} />
      ) : (
        <>
          <p safe>{t('pickup.intro')}</p>
          <Form action={`/bescheid/abholen/${token}`} csrf={ctx.csrfToken()}>
            <TextField name="code" label={t('pickup.code')} error={error} inputmode="numeric" autocomplete="one-time-code" width="short" />
            <Button label={t('pickup.submit')} />
          </Form>
        </>
      )}
    </Page>
  );
}

export function registerNoticePublicPages(app: FastifyInstance, deps: Deps) {
  const { db } = deps;
  const route = routes(app, db);
  const noticeOf = (tenantId: string, code: string) => findByVerifyCode(db, tenantId, normalizeCode(code));

  route.get('/verify', { access: noticesPolicy.verify, query: verifyQuery }, async ({ request, reply, query: { code } }) => {
    const { ctx } = request;
    if (!code)
      return sendHtml(
        reply,
        sharedPage(ctx, 'verify', request.url, 60, (shared) => <VerifyView ctx={shared} />),
      );
    const notice = await noticeOf(ctx.tenant.id, code);
    if (notice) return reply.redirect(`/verify/${notice.verify_code}`, 303);
    return sendHtml(reply, <VerifyView ctx={ctx} code={code} error={noticesText(ctx.lang)('verify.unknown')} />, 404);
  });

  route.get('/verify/:code', { access: noticesPolicy.verify, params: verifyParams }, async ({ request, reply, params: { code } }) => {
    const { ctx } = request;
    const notice = await noticeOf(ctx.tenant.id, code);
    if (!notice) return sendHtml(reply, <VerifyView ctx={ctx} code={code} error={noticesText(ctx.lang)('verify.unknown')} />, 404);
    return sendHtml(reply, <VerifyView ctx={ctx} notice={notice} />);
  });

  route.post(
    '/verify/:code',
    { access: noticesPolicy.verify, params: verifyParams, config: { multipart: true } },
    async ({ request, reply, params }) => {
      const { ctx } = request;
      const notice = await noticeOf(ctx.tenant.id, params.code);
      if (!notice) throw new NotFound('notice');
      const upload = await readFormWithFile(request, VERIFY_MAX_BYTES);
      if (!upload.file)
        return sendHtml(
          reply,
          <VerifyView ctx={ctx} notice={notice} error={noticesText(ctx.lang)('verify.noFile')} />,
          upload.tooLarge ? 413 : 400,
        );
      return sendHtml(
        reply,
        <VerifyView ctx={ctx} notice={notice} result={sha256(upload.file) === notice.sha256 ? 'match' : 'mismatch'} />,
      );
    },
  );

  const openPickup = async (tenantId: string, token: string) => {
    const pickup = /^[A-Za-z0-9_-]{20,64}$/.test(token) ? await findPickup(db, tenantId, sha256(token)) : undefined;
    return pickup && !pickup.used_at && pickup.expires_at > new Date() && pickup.attempts < MAX_ATTEMPTS ? pickup : undefined;
  };

  route.get(
    '/bescheid/abholen/:token',
    { access: noticesPolicy.pickUp, params: pickupParams },
    async ({ request, reply, params: { token } }) => {
      const pickup = await openPickup(request.ctx.tenant.id, token);
      return sendHtml(reply, <PickupView ctx={request.ctx} token={token} gone={!pickup} />, pickup ? 200 : 410);
    },
  );

  route.post(
    '/bescheid/abholen/:token',
    { access: noticesPolicy.pickUp, params: pickupParams, body: pickupBody },
    async ({ request, reply, params: { token }, body: { code } }) => {
      const { ctx } = request;
      const t = noticesText(ctx.lang);
      const pickup = await openPickup(ctx.tenant.id, token);
      if (!pickup) return sendHtml(reply, <PickupView ctx={ctx} token={token} gone />, 410);
      if (sha256(`${pickup.notice_id}:${code}`) !== pickup.code_hash) {
        const attempts = (await countPickupAttempt(db, pickup.notice_id))?.attempts ?? MAX_ATTEMPTS;
        if (attempts >= MAX_ATTEMPTS) return sendHtml(reply, <PickupView ctx={ctx} token={token} gone />, 410);
        return sendHtml(
          reply,
          <PickupView ctx={ctx} token={token} error={t('pickup.wrong', { left: String(MAX_ATTEMPTS - attempts) })} />,
          400,
        );
      }
      const notice = await findNotice(db, ctx.tenant.id, pickup.notice_id);
      const file = notice ? await findStoredFile(db, notice.tenant_id, notice.file_id) : undefined;
      if (!notice || !file || !(await usePickup(db, notice.id))) return sendHtml(reply, <PickupView ctx={ctx} token={token} gone />, 410);
      await recordFirstAccess(db, { noticeId: notice.id });
      await recordAudit(db, {
        tenantId: notice.tenant_id,
        actorId: null,
        actorLabel: 'pickup-code',
        action: 'notices.picked-up',
        objectType: 'notice',
        objectId: notice.id,
      });
      return sendStoredFile(reply, deps.store, file);
    },
  );
}
