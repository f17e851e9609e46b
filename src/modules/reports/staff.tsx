// The report in the back office: the case page shows category, place, description and the reporter's contact,
// and a clerk can move the report to another category; the case then goes to the unit responsible for it.
// Moderation: photos and the description reach the public only once a clerk has released them.
import type { Db } from '../../platform/db/database.js';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { RequestContext } from '../../platform/http/context.js';
import { sendStoredFile } from '../../platform/storage/download.js';
import { findStoredFile } from '../../platform/storage/storage.js';
import { visibleUnits } from '../../platform/auth/unit-scope.js';
import { actorLabel } from '../../platform/http/context.js';
import { audit, type Deps } from '../../platform/http/deps.js';
import { NotFound } from '../../platform/http/errors.js';
import { setFlash } from '../../platform/http/request-context.js';
import { Button, Form, SelectField, TextArea } from '../../platform/ui/components.js';
import { findCaseOfSource, type CaseSourceRenderer } from '../cases/index.js';
import { findReport, listCategories, photosOf, setPhotoPublic, setPublicDescription, type ReportRow } from './repo.js';
import { recategorise } from './service.js';
import { reportsText } from './texts.js';
import { categoryLabel } from './categories.js';
import { routes } from '../../platform/http/route.js';
import { recordParams } from '../../platform/validation/rules.js';
import { reportsPolicy } from './policy.js';
import { categoryBody, photoParams, photoVisibilityBody, publicDescriptionBody } from './schema.js';
import { PlaceMap } from '../../platform/geo/map.js';
import { publicPlace } from './place.js';

const STAFF = '/bo/meldungen';
const PUBLIC_DESCRIPTION_MAX = 4000;

/** The report behind a staff route, if its category's unit is one of the clerk's; otherwise 404. */
async function staffReport(db: Db, request: FastifyRequest, id: string) {
  const { ctx } = request;
  const report = await findReport(db, ctx.tenant.id, id);
  const category = report && (await listCategories(db, ctx.tenant.id)).find((candidate) => candidate.code === report.category_code);
  if (!report || !category || !(await visibleUnits(db, ctx)).includes(category.unit)) throw new NotFound('report');
  return report;
}

function PhotoModeration({
  ctx,
  reportId,
  photos,
}: {
  ctx: RequestContext;
  reportId: string;
  photos: Awaited<ReturnType<typeof photosOf>>;
}) {
  const t = reportsText(ctx.lang);
  return (
    <ul class="attachments">
      {photos.map((photo) => {
        const number = String(photo.position + 1);
        return (
          <li>
            <img
              class="attachment-preview"
              src={`${STAFF}/${reportId}/foto/${photo.position}`}
              alt={t('photo', { number })}
              loading="lazy"
            />
            <span safe>{photo.public ? t('visibility.public') : t('visibility.internal')}</span>
            <Form action={`${STAFF}/${reportId}/foto/${photo.position}/sichtbarkeit`} csrf={ctx.csrfToken()}>
              <input type="hidden" name="public" value={photo.public ? 'no' : 'yes'} />
              <Button label={photo.public ? t('photo.withdraw', { number }) : t('photo.release', { number })} kind="secondary" />
            </Form>
          </li>
        );
      })}
    </ul>
  );
}

/** The description as the public will read it: the moderator edits out personal details, then publishes it. */
function DescriptionModeration({ ctx, report }: { ctx: RequestContext; report: ReportRow }) {
  const t = reportsText(ctx.lang);
  const action = `${STAFF}/${report.id}/beschreibung`;
  return (
    <>
      <Form action={action} csrf={ctx.csrfToken()}>
        <TextArea
          name="publicDescription"
          label={`${t('publicDescription')} (${report.public_description === null ? t('visibility.internal') : t('visibility.public')})`}
          hint={t('publicDescription.hint')}
          value={report.public_description ?? report.description}
        />
        <Button label={t('publicDescription.publish')} kind="secondary" name="action" value="publish" />
      </Form>
      {report.public_description !== null && (
        <Form action={action} csrf={ctx.csrfToken()}>
          <Button label={t('publicDescription.withdraw')} kind="secondary" name="action" value="withdraw" />
        </Form>
      )}
    </>
  );
}

/** Where a moderation step returns to: the report's case page. */
async function caseUrl(db: Db, ctx: RequestContext, reportId: string) {
  const row = await findCaseOfSource(db, ctx.tenant.id, 'report', reportId);
  return row ? `/bo/vorgaenge/${row.id}` : '/bo/vorgaenge';
}

/** The report as the case page shows it: facts, place on the map, photo and description moderation. */
export function reportCaseSource(deps: Deps): CaseSourceRenderer {
  return async (db, ctx, id) => {
    const report = await findReport(db, ctx.tenant.id, id);
    if (!report) return '';
    const t = reportsText(ctx.lang);
    const [categories, photos] = await Promise.all([listCategories(db, ctx.tenant.id), photosOf(db, report.id)]);
    const name = (code: string) => categoryLabel(categories, code, ctx.lang);
    return (
      <>
        <dl class="summary-list">
          <div class="summary-row">
            <dt safe>{t('facts.category')}</dt>
            <dd safe>{name(report.category_code)}</dd>
          </div>
          <div class="summary-row">
            <dt safe>{t('facts.place')}</dt>
            <dd safe>{`${publicPlace(report, ctx.lang)} (${report.lat.toFixed(5)}, ${report.lng.toFixed(5)})`}</dd>
          </div>
          {report.address_note && (
            <div class="summary-row">
              <dt safe>{t('facts.addressNote')}</dt>
              <dd safe>{report.address_note}</dd>
            </div>
          )}
          <div class="summary-row">
            <dt safe>{t('facts.description')}</dt>
            <dd safe>{report.description}</dd>
          </div>
          <div class="summary-row">
            <dt safe>{t('facts.reporter')}</dt>
            <dd safe>{[report.reporter_name, report.reporter_email].filter(Boolean).join(', ') || '–'}</dd>
          </div>
          <div class="summary-row">
            <dt safe>{t('facts.supporters')}</dt>
            <dd safe>{String(report.supporters)}</dd>
          </div>
        </dl>
        <PlaceMap
          geo={ctx.tenant.settings.geo}
          focus={{ lat: report.lat, lng: report.lng }}
          label={report.address ?? report.number}
          tileUrl={deps.config.mapTileUrl}
        />
        <h2 safe>{t('moderation')}</h2>
        <PhotoModeration ctx={ctx} reportId={report.id} photos={photos} />
        <DescriptionModeration ctx={ctx} report={report} />
        <Form action={`${STAFF}/${report.id}/kategorie`} csrf={ctx.csrfToken()}>
          <SelectField
            name="category"
            label={t('recategorise')}
            value={report.category_code}
            options={categories
              .filter((category) => category.parent_code)
              .map((category) => ({ value: category.code, label: name(category.code) }))}
          />
          <Button label={t('recategorise.submit')} kind="secondary" />
        </Form>
      </>
    ) as string;
  };
}

export function registerReportStaff(app: FastifyInstance, deps: Deps) {
  const route = routes(app, deps.db);
  const access = reportsPolicy.process;
  route.get(`${STAFF}/:id/foto/:position`, { access, params: photoParams }, async ({ request, reply, params }) => {
    const report = await staffReport(deps.db, request, params.id);
    const photo = (await photosOf(deps.db, report.id)).find((candidate) => candidate.position === params.position);
    const file = photo && (await findStoredFile(deps.db, request.ctx.tenant.id, photo.file_id));
    if (!file) throw new NotFound('photo');
    return sendStoredFile(reply, deps.store, file, 'inline');
  });

  // Moderation: a photo is shown in public only after a clerk has checked it for faces and number plates.
  route.post(
    `${STAFF}/:id/foto/:position/sichtbarkeit`,
    { access, params: photoParams, body: photoVisibilityBody, changes: true },
    async ({ request, reply, params, body, db }) => {
      const report = await staffReport(db, request, params.id);
      const position = (await photosOf(db, report.id)).find((photo) => photo.position === params.position)?.position;
      if (position === undefined) throw new NotFound('photo');
      const visible = body.public === 'yes';
      await setPhotoPublic(db, report.id, position, visible);
      await audit(db, request.ctx, visible ? 'reports.photo_released' : 'reports.photo_withdrawn', { type: 'report', id: report.id });
      return reply.redirect(await caseUrl(db, request.ctx, report.id), 303);
    },
  );

  route.post(
    `${STAFF}/:id/beschreibung`,
    { access, params: recordParams, body: publicDescriptionBody },
    async ({ request, reply, params, body }) => {
      const { ctx } = request;
      const t = reportsText(ctx.lang);
      const report = await staffReport(deps.db, request, params.id);
      const text = body.action === 'withdraw' ? null : body.publicDescription.trim().slice(0, PUBLIC_DESCRIPTION_MAX);
      if (text === '') {
        setFlash(reply, t('publicDescription.missing'), 'error');
      } else {
        await deps.db.transaction().execute(async (trx) => {
          await setPublicDescription(trx, ctx.tenant.id, report.id, text);
          await audit(trx, ctx, text === null ? 'reports.description_withdrawn' : 'reports.description_published', {
            type: 'report',
            id: report.id,
          });
        });
        setFlash(reply, t(text === null ? 'publicDescription.withdrawn' : 'publicDescription.published'));
      }
      return reply.redirect(await caseUrl(deps.db, ctx, report.id), 303);
    },
  );

  route.post(`${STAFF}/:id/kategorie`, { access, params: recordParams, body: categoryBody }, async ({ request, reply, params, body }) => {
    const { ctx } = request;
    const report = await staffReport(deps.db, request, params.id);
    const moved = await recategorise(deps.db, ctx.tenant.id, report, body.category, actorLabel(ctx.actor));
    if (moved) setFlash(reply, reportsText(ctx.lang)('recategorised'));
    else setFlash(reply, reportsText(ctx.lang)('error.category'), 'error');
    return reply.redirect(
      moved && (await visibleUnits(deps.db, ctx)).includes(moved.unit) ? `/bo/vorgaenge/${moved.id}` : '/bo/vorgaenge',
      303,
    );
  });
}
