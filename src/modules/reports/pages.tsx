// The citizen's side of the Mängelmelder: the report form (works without JavaScript: address instead of map pin),
// the list of the latest reports, and a report's page. The description is shown only to the reporter (private
// key) until moderation before publication exists; the public sees category, place, status and the answer.
import type { Lang } from '../../platform/i18n/index.js';
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { RequestContext } from '../../platform/http/context.js';
import { tenantBaseUrl, type Deps } from '../../platform/http/deps.js';
import { explain, NotFound } from '../../platform/http/errors.js';
import { formatDate, formatDateTime } from '../../platform/i18n/index.js';
import { publicTimeline } from '../cases/index.js';
import { PlaceMap } from '../../platform/geo/map.js';
import { Alert, Button, DataTable, ErrorSummary, FileField, Form, SelectField, TextArea, TextField } from '../../platform/ui/components.js';
import { readFormWithFiles } from '../../platform/http/upload.js';
import { sharedPage } from '../../platform/http/shared-page.js';
import { sendStoredFile } from '../../platform/storage/download.js';
import { findStoredFile } from '../../platform/storage/storage.js';
import { MAX_PHOTOS, PHOTO_MAX_BYTES } from './photos.js';
import { Page } from '../../platform/ui/layout.js';
import { sendHtml } from '../../platform/ui/render.js';
import { findReport, listCategories, photosOf, recentReports, REPORT_PAGES, SHARED_SECONDS, type CategoryRow } from './repo.js';
import { keyHash, reopenReport, submitReport, supportReport, type Nearby, type ReportErrors, type ReportInput } from './service.js';
import { setFlash } from '../../platform/http/request-context.js';
import { reportsText } from './texts.js';
import { categoryLabel } from './categories.js';
import { routes } from '../../platform/http/route.js';
import { recordParams } from '../../platform/validation/rules.js';
import { reportsPolicy } from './policy.js';
import { photoParams, reopenBody, reportBody, reporterQuery, supportBody } from './schema.js';
import { publicPlace } from './place.js';

const BASE = '/maengelmelder';
const FIELDS: (keyof ReportInput)[] = ['category', 'description', 'address', 'coordinates', 'name', 'email'];
/** A flood of reports from one address gets the friendly rate-limit page. */
const reportRateLimit = { rateLimit: { max: 10, timeWindow: '10 minutes' } };

/** "Already reported?": the open reports of the same category nearby, each with a way to support it instead. */
function NearbyReports({ ctx, nearby }: { ctx: RequestContext; nearby: Nearby }) {
  const t = reportsText(ctx.lang);
  return (
    <section aria-labelledby="nearby" class="notice">
      <h2 id="nearby" safe>
        {t('nearby')}
      </h2>
      <p safe>{t('nearby.text')}</p>
      <ul>
        {nearby.map((report) => (
          <li>
            <a href={`${BASE}/meldung/${report.id}`} safe>
              {report.number}
            </a>
            <span
              safe
            >{` · ${publicPlace(report, ctx.lang)} · ${formatDate(ctx.lang, report.created_at)} · ${t(`status.${report.status}`)} · ${t('nearby.supporters', { count: String(report.supporters) })}`}</span>
            <Form action={`${BASE}/meldung/${report.id}/unterstuetzen`} csrf={ctx.csrfToken()}>
              <TextField name="email" id={`f-support-${report.id}`} label={t('support.email')} type="email" autocomplete="email" />
              <Button label={t('support.submit', { number: report.number })} />
            </Form>
          </li>
        ))}
      </ul>
      <p safe>{t('nearby.anyway')}</p>
    </section>
  );
}

/** The chosen category's extra questions (shown once a category is chosen; without JavaScript after a first send). */
function QuestionFields({
  ctx,
  category,
  answers,
  errors,
}: {
  ctx: RequestContext;
  category: CategoryRow | undefined;
  answers: Record<string, string>;
  errors: Record<string, string>;
}) {
  if (!category || category.questions.length === 0) return '';
  const t = reportsText(ctx.lang);
  return (
    <fieldset>
      <legend safe>{t('questions')}</legend>
      {category.questions.map((question) =>
        question.datatype === 'singlevaluelist' ? (
          <SelectField
            name={`q.${question.code}`}
            label={question[ctx.lang]}
            value={answers[question.code] ?? ''}
            error={errors[question.code]}
            options={[
              { value: '', label: '–' },
              ...(question.values ?? []).map((option) => ({ value: option.key, label: option[ctx.lang] })),
            ]}
          />
        ) : (
          <TextField
            name={`q.${question.code}`}
            label={question[ctx.lang]}
            value={answers[question.code] ?? ''}
            error={errors[question.code]}
          />
        ),
      )}
    </fieldset>
  );
}

async function ReportForm({
  ctx,
  deps,
  values,
  answers = {},
  errors: problems,
  nearby,
}: {
  ctx: RequestContext;
  deps: Deps;
  values: Partial<ReportInput>;
  answers?: Record<string, string>;
  errors: ReportErrors;
  nearby?: Nearby;
}) {
  const t = reportsText(ctx.lang);
  const errors = inWords(problems, ctx.lang);
  const [categories, recent] = await Promise.all([listCategories(deps.db, ctx.tenant.id), recentReports(deps.db, ctx.tenant.id, 20)]);
  const options = categories
    .filter((category) => category.parent_code)
    .map((category) => ({ value: category.code, label: categoryLabel(categories, category.code, ctx.lang) }));
  return (
    <Page ctx={ctx} title={t('title')}>
      <ErrorSummary errors={summary(errors)} t={ctx.t} />
      <h1 safe>{t('title')}</h1>
      <p safe>{t('intro')}</p>
      {nearby && <NearbyReports ctx={ctx} nearby={nearby} />}
      <h2 safe>{t('form')}</h2>
      <Form action={`${BASE}`} csrf={ctx.csrfToken()} multipart>
        {nearby && <input type="hidden" name="confirmed" value="yes" />}
        <SelectField
          name="category"
          label={t('category')}
          options={[{ value: '', label: '–' }, ...options]}
          value={values.category ?? ''}
          error={errors.category}
        />
        <QuestionFields
          ctx={ctx}
          category={categories.find((category) => category.code === values.category)}
          answers={answers}
          errors={errors.questions ?? {}}
        />
        <TextField
          name="address"
          label={t('address')}
          hint={t('address.hint')}
          value={values.address ?? ''}
          error={errors.address}
          list="street-list"
          suggest="/api/strassen"
          autocomplete="off"
        />
        <datalist id="street-list"></datalist>
        <TextField
          name="coordinates"
          label={t('coordinates')}
          hint={t('coordinates.hint')}
          value={values.coordinates ?? ''}
          error={errors.coordinates}
        />
        <button type="button" class="button button--secondary" data-locate-for="coordinates" hidden safe>
          {t('locate')}
        </button>
        <PlaceMap geo={ctx.tenant.settings.geo} label={t('map')} pickFor="coordinates" tileUrl={deps.config.mapTileUrl} />
        <TextArea name="description" label={t('description')} value={values.description ?? ''} error={errors.description} />
        <TextField name="name" label={t('name')} value={values.name ?? ''} autocomplete="name" />
        <TextField
          name="email"
          label={t('email')}
          hint={t('email.hint')}
          type="email"
          value={values.email ?? ''}
          error={errors.email}
          autocomplete="email"
        />
        <FileField name="photos" label={t('photos')} hint={t('photos.hint')} accept="image/jpeg,image/png" multiple error={errors.photos} />
        <Button label={nearby ? t('submit.anyway') : t('submit')} />
      </Form>
      <p>
        <a href={`${BASE}/meldungen`} safe>
          {t('map.link')}
        </a>
      </p>
      <DataTable
        caption={t('recent')}
        head={[t('col.number'), t('col.category'), t('col.place'), t('col.status'), t('col.date')]}
        empty={t('none')}
        rows={recent.map((report) => [
          report.number,
          categoryLabel(categories, report.category_code, ctx.lang),
          publicPlace(report, ctx.lang),
          t(`status.${report.status}`),
          formatDate(ctx.lang, report.created_at),
        ])}
      />
    </Page>
  );
}

/** The error summary's entries, each pointing to its field (questions are named q.<code>). */
type ReportMessages = Partial<Record<keyof ReportInput | 'photos', string>> & { questions?: Record<string, string> };

/** The service's problems with a report, in the reader's words. */
function inWords(problems: ReportErrors, lang: Lang): ReportMessages {
  const t = reportsText(lang);
  const { questions, ...fields } = problems;
  return {
    ...Object.fromEntries(Object.entries(fields).map(([field, problem]) => [field, explain(problem, t, lang)])),
    ...(questions
      ? { questions: Object.fromEntries(Object.entries(questions).map(([code, problem]) => [code, explain(problem, t, lang)])) }
      : {}),
  };
}

function summary(errors: ReportMessages): Record<string, string> | undefined {
  const { questions, ...fields } = errors;
  const all = {
    ...(fields as Record<string, string>),
    ...Object.fromEntries(Object.entries(questions ?? {}).map(([code, message]) => [`q.${code}`, message])),
  };
  return Object.keys(all).length ? all : undefined;
}

const sameKey = (given: string | undefined, hash: string) =>
  Boolean(given) && timingSafeEqual(Buffer.from(keyHash(given!)), Buffer.from(hash));

/** The reporter: with the private key, or logged in as the citizen who reported it. */
const isReporter = (ctx: RequestContext, report: { key_hash: string; user_id: string | null }, key: string | undefined) =>
  sameKey(key, report.key_hash) || (ctx.actor.kind === 'citizen' && ctx.actor.userId === report.user_id);

export function registerReportPages(app: FastifyInstance, deps: Deps) {
  const { db } = deps;
  const route = routes(app, db);
  const access = reportsPolicy.report;

  /** The report named in the URL, or 404. */
  async function reportOf(request: FastifyRequest, id: string) {
    const report = await findReport(db, request.ctx.tenant.id, id);
    if (!report) throw new NotFound('report');
    return report;
  }

  // The empty form with the newest reports, shared by anonymous visitors (their CSRF token filled in per visit).
  route.get(BASE, { access }, async ({ request, reply }) =>
    sendHtml(
      reply,
      sharedPage(request.ctx, REPORT_PAGES, request.url, SHARED_SECONDS, (ctx) => ReportForm({ ctx, deps, values: {}, errors: {} })),
    ),
  );

  route.post(
    BASE,
    { access, body: reportBody, config: { multipart: true, ...reportRateLimit } },
    async ({ request, reply, body: posted }) => {
      const { ctx } = request;
      const upload = await readFormWithFiles(request, PHOTO_MAX_BYTES, MAX_PHOTOS);
      const body: Record<string, unknown> = request.isMultipart() ? upload.fields : posted;
      const input = Object.fromEntries(FIELDS.map((name) => [name, String(body[name] ?? '').slice(0, 2000)])) as ReportInput;
      const userId = ctx.actor.kind === 'citizen' ? ctx.actor.userId : null;
      const answers = Object.fromEntries(
        Object.entries(body)
          .filter(([name]) => name.startsWith('q.'))
          .map(([name, value]) => [name.slice(2), String(value ?? '')]),
      );
      const outcome = await submitReport(db, {
        tenantId: ctx.tenant.id,
        geo: ctx.tenant.settings.geo,
        input,
        userId,
        lang: ctx.lang,
        answers,
        confirmed: body.confirmed === 'yes',
        photos: upload.files,
        photoProblem: upload.tooLarge ? 'tooLarge' : upload.tooMany ? 'tooMany' : undefined,
        files: { store: deps.store, scanner: deps.scanner },
        confirmationLink: (id, key) => `${tenantBaseUrl(deps, ctx, request.headers.host)}${BASE}/meldung/${id}?schluessel=${key}`,
      });
      if (outcome.nearby)
        return sendHtml(reply, await ReportForm({ ctx, deps, values: input, answers, errors: {}, nearby: outcome.nearby }));
      if (!outcome.report) return sendHtml(reply, await ReportForm({ ctx, deps, values: input, answers, errors: outcome.errors }), 400);
      return reply.redirect(`${BASE}/meldung/${outcome.report.id}?schluessel=${outcome.key}&neu=1`, 303);
    },
  );

  route.post(
    `${BASE}/meldung/:id/unterstuetzen`,
    { access, params: recordParams, body: supportBody, config: reportRateLimit },
    async ({ request, reply, params, body }) => {
      const { ctx } = request;
      const t = reportsText(ctx.lang);
      const report = await reportOf(request, params.id);
      const outcome = await supportReport(db, ctx.tenant.id, report, body.email);
      if (outcome.error) setFlash(reply, explain(outcome.error, t, ctx.lang), 'error');
      else setFlash(reply, outcome.counted ? t('support.thanks') : t('support.already'));
      return reply.redirect(`${BASE}/meldung/${report.id}`, 303);
    },
  );

  // The reporter (with the private key) says the problem is still there: back to the unit that closed it.
  route.post(
    `${BASE}/meldung/:id/wieder-oeffnen`,
    { access, params: recordParams, body: reopenBody, config: reportRateLimit },
    async ({ request, reply, params, body }) => {
      const { ctx } = request;
      const report = await reportOf(request, params.id);
      if (!isReporter(ctx, report, body.schluessel)) throw new NotFound('report');
      if (['fixed', 'closed'].includes(report.status)) {
        await reopenReport(db, ctx.tenant.id, report, body.comment);
        setFlash(reply, reportsText(ctx.lang)('reopened'));
      }
      return reply.redirect(
        `${BASE}/meldung/${report.id}${body.schluessel ? `?schluessel=${encodeURIComponent(body.schluessel)}` : ''}`,
        303,
      );
    },
  );

  // A photo: in public only once a moderator released it; the reporter sees their own with the private key.
  route.get(
    `${BASE}/meldung/:id/foto/:position`,
    { access, params: photoParams, query: reporterQuery },
    async ({ request, reply, params, query }) => {
      const { ctx } = request;
      const report = await reportOf(request, params.id);
      const photo = (await photosOf(db, report.id)).find((candidate) => candidate.position === params.position);
      const allowed = photo && (photo.public || isReporter(ctx, report, query.schluessel));
      const file = allowed ? await findStoredFile(db, ctx.tenant.id, photo.file_id) : undefined;
      if (!file) throw new NotFound('photo');
      return sendStoredFile(reply, deps.store, file, 'inline');
    },
  );

  // Anonymous visitors without the reporter's key share the page (renewed by every change to reports, see repo.ts).
  route.get(`${BASE}/meldung/:id`, { access, params: recordParams, query: reporterQuery }, async ({ request, reply, params, query }) => {
    const render = (ctx: RequestContext) => reportPage(request, ctx, params.id, query);
    return sendHtml(
      reply,
      query.schluessel ? render(request.ctx) : sharedPage(request.ctx, REPORT_PAGES, request.url, SHARED_SECONDS, render),
    );
  });

  async function reportPage(request: FastifyRequest, ctx: RequestContext, id: string, query: { schluessel?: string; neu?: string }) {
    const t = reportsText(ctx.lang);
    const report = await reportOf(request, id);
    const own = isReporter(ctx, report, query.schluessel);
    const keyParam = query.schluessel ? `?schluessel=${encodeURIComponent(query.schluessel)}` : '';
    const [categories, photos, history] = await Promise.all([
      listCategories(db, ctx.tenant.id),
      photosOf(db, report.id),
      publicTimeline(db, ctx.tenant.id, { kind: 'report', id: report.id }, ctx.lang),
    ]);
    const target = categories.find((category) => category.code === report.category_code)?.target_days;
    const expected =
      target && ['new', 'in_progress'].includes(report.status) ? new Date(report.created_at.getTime() + target * 86_400_000) : undefined;
    const shown = photos.filter((photo) => own || photo.public);
    const privateLink = `${tenantBaseUrl(deps, ctx, request.headers.host)}${BASE}/meldung/${report.id}?schluessel=${query.schluessel ?? ''}`;
    return (
      <Page ctx={ctx} title={t('report', { number: report.number })} crumbs={[{ label: t('title'), href: BASE }, { label: report.number }]}>
        {own && query.neu && <Alert kind="success" text={t('thanks')} />}
        <h1 safe>{t('report', { number: report.number })}</h1>
        {own && query.schluessel && (
          <p>
            <span safe>{t('privateLink')}</span>{' '}
            <a href={privateLink} safe>
              {privateLink}
            </a>
          </p>
        )}
        <dl class="facts">
          <dt safe>{t('facts.category')}</dt>
          <dd safe>{categoryLabel(categories, report.category_code, ctx.lang)}</dd>
          <dt safe>{t('facts.place')}</dt>
          <dd safe>{publicPlace(report, ctx.lang, 5)}</dd>
          <dt safe>{t('facts.status')}</dt>
          <dd safe>{t(`status.${report.status}`)}</dd>
          <dt safe>{t('facts.date')}</dt>
          <dd safe>{formatDate(ctx.lang, report.created_at)}</dd>
          {expected && (
            <>
              <dt safe>{t('facts.expected')}</dt>
              <dd safe>{formatDate(ctx.lang, expected)}</dd>
            </>
          )}
          {(own || report.public_description) && (
            <>
              <dt safe>{t('facts.description')}</dt>
              <dd safe>{own ? report.description : report.public_description}</dd>
            </>
          )}
        </dl>
        <PlaceMap
          geo={ctx.tenant.settings.geo}
          focus={{ lat: report.lat, lng: report.lng }}
          label={publicPlace(report, ctx.lang)}
          tileUrl={deps.config.mapTileUrl}
        />
        {shown.map((photo) => (
          <img
            class="attachment-preview"
            src={`${BASE}/meldung/${report.id}/foto/${photo.position}${own ? keyParam : ''}`}
            alt={t('photo', { number: String(photo.position + 1) })}
            loading="lazy"
          />
        ))}
        {report.public_answer && (
          <section>
            <h2 safe>{t('answer')}</h2>
            <p safe>{report.public_answer}</p>
          </section>
        )}
        <section aria-labelledby="history">
          <h2 id="history" safe>
            {t('history')}
          </h2>
          <ol class="timeline">
            {history.map((entry) => (
              <li>
                <span safe>{`${formatDateTime(ctx.lang, entry.at)}: `}</span>
                <strong safe>{entry.label}</strong>
              </li>
            ))}
          </ol>
        </section>
        {own && ['fixed', 'closed'].includes(report.status) && (
          <section aria-labelledby="reopen">
            <h2 id="reopen" safe>
              {t('reopen')}
            </h2>
            <Form action={`${BASE}/meldung/${report.id}/wieder-oeffnen`} csrf={ctx.csrfToken()}>
              <input type="hidden" name="schluessel" value={query.schluessel ?? ''} />
              <TextArea name="comment" label={t('reopen.comment')} />
              <Button label={t('reopen.submit')} kind="secondary" />
            </Form>
          </section>
        )}
      </Page>
    );
  }
}
