// Open311 GeoReport v2 at /open311/v2/ in XML and JSON: discovery, services, service definitions, POST requests
// (api_key per client), tokens, requests (with the common extensions page/page_size and extensions=true) and
// mySociety's servicerequestupdates. Every failure is the specification's error list with its HTTP status.
import { hostName } from '../../../platform/tenancy/tenants.js';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { listUnits } from '../../../platform/auth/users-repo.js';
import type { Deps } from '../../../platform/http/deps.js';
import { tenantBaseUrl } from '../../../platform/http/deps.js';
import { publicTimeline, statusEventsBetween } from '../../cases/index.js';
import {
  findActiveClient,
  findReport,
  findReportByNumber,
  firstPublicPhotos,
  listCategories,
  queryRequests,
  type ReportRow,
} from '../repo.js';
import { keyHash } from '../service.js';
import { isUuid } from '../../../platform/http/ids.js';
import { routes, type RouteInput } from '../../../platform/http/route.js';
import { reportsPolicy } from '../policy.js';
import { open311Params, open311Path } from '../schema.js';

type Open311Path = { file: string };
import { Open311Error, sendErrors, sendOpen311, w3cDate, type Format } from './format.js';
import { presentRequest, UPDATE_STATUS, type Presentation } from './present.js';
import { createRequest, readRequestQuery, readWindow } from './service.js';

const BASE = '/open311/v2';
type Params = Record<string, string | undefined>;
type Handler = (request: FastifyRequest, reply: FastifyReply, format: Format, name: string, params: Params) => Promise<unknown>;

/** Splits "services.xml" into name and format; another ending names no resource of this API (404, in XML). */
function splitFormat(file: string): { name: string; format: Format } {
  const match = /^(.+)\.(xml|json)$/.exec(file);
  if (!match) throw new Open311Error(404, ['no such resource: the URL must end in .xml or .json']);
  return { name: match[1]!, format: match[2] as Format };
}

export function registerOpen311(app: FastifyInstance, deps: Deps) {
  const { db } = deps;

  /** Format, jurisdiction and the error list, the same for every method. */
  const open311 =
    (handler: Handler) =>
    async ({ request, reply, params: path, query, body }: RouteInput<Open311Path, Params, Params | undefined>) => {
      const params = { ...query, ...body };
      let format: Format = 'xml';
      try {
        const split = splitFormat(path.file);
        format = split.format;
        const jurisdiction = params.jurisdiction_id;
        // The tenant's key or any of its host names, including the one this request came to (as the discovery says).
        const names = [request.ctx.tenant.slug, ...request.ctx.tenant.hosts, hostName(request.headers.host)];
        if (jurisdiction && !names.includes(jurisdiction)) throw new Open311Error(404, [`jurisdiction_id ${jurisdiction} was not found`]);
        return await handler(request, reply, format, split.name, params);
      } catch (error) {
        if (error instanceof Open311Error) return sendErrors(reply, format, error);
        throw error;
      }
    };

  async function presentation(request: FastifyRequest, rows: ReportRow[], extended: boolean): Promise<Presentation> {
    const { ctx } = request;
    const [categories, units, photos] = await Promise.all([
      listCategories(db, ctx.tenant.id),
      listUnits(db, ctx.tenant.id),
      firstPublicPhotos(
        db,
        rows.map((row) => row.id),
      ),
    ]);
    const notes = extended
      ? new Map(
          await Promise.all(
            rows.map(async (row) => [row.id, await publicTimeline(db, ctx.tenant.id, { kind: 'report', id: row.id }, 'de')] as const),
          ),
        )
      : undefined;
    const agency = (unit: string) => `${ctx.tenant.name}, ${units.find((candidate) => candidate.short_name === unit)?.name ?? unit}`;
    return { categories, baseUrl: tenantBaseUrl(deps, ctx, request.headers.host), agency, photos, notes };
  }

  const route = routes(app, db);
  /** Open311 answers its own errors (XML or JSON by the URL's ending), so its input is read leniently here. */
  const spec = { access: reportsPolicy.report, params: open311Path, query: open311Params };

  route.get(
    `${BASE}/:file`,
    spec,
    open311(async (request, reply, format, name, params) => {
      const { ctx } = request;
      const base = tenantBaseUrl(deps, ctx, request.headers.host);
      if (name === 'discovery') {
        return sendOpen311(reply, format, 'discovery', {
          changeset: '2026-11-29T00:00:00+01:00',
          contact: `${ctx.tenant.name}, ${ctx.tenant.settings.contact?.email ?? ''}`.replace(/, $/, ''),
          key_service: `API-Schlüssel vergibt die Stadtverwaltung: ${ctx.tenant.settings.contact?.email ?? base}`,
          endpoints: [
            {
              specification: 'http://wiki.open311.org/GeoReport_v2',
              url: `${base}${BASE}`,
              changeset: '2026-11-29T00:00:00+01:00',
              type: 'production',
              formats: ['text/xml', 'application/json'],
            },
          ],
        });
      }
      if (name === 'services') {
        const categories = await listCategories(db, ctx.tenant.id);
        const groups = new Map(categories.filter((category) => !category.parent_code).map((category) => [category.code, category.name_de]));
        return sendOpen311(
          reply,
          format,
          'services',
          categories
            .filter((category) => category.parent_code)
            .map((category) => ({
              service_code: category.code,
              service_name: category.name_de,
              description: `${category.name_de} (zuständig: ${category.unit}, Ziel: ${category.target_days} Tage)`,
              metadata: category.questions.length > 0,
              type: 'realtime',
              keywords: category.name_de.split(/\s*[–/]\s*/).join(', '),
              group: groups.get(category.parent_code!) ?? category.parent_code,
            })),
        );
      }
      if (name === 'requests') {
        const rows = await queryRequests(db, ctx.tenant.id, readRequestQuery(params));
        const with_ = await presentation(request, rows, params.extensions === 'true');
        return sendOpen311(
          reply,
          format,
          'service_requests',
          rows.map((row) => presentRequest(row, with_)),
        );
      }
      if (name === 'servicerequestupdates') {
        const window = readWindow(params);
        const events = await statusEventsBetween(db, ctx.tenant.id, 'report', window.from, window.until);
        const numbers = new Map<string, string>();
        for (const event of events)
          if (!numbers.has(event.source_id))
            numbers.set(event.source_id, (await findReport(db, ctx.tenant.id, event.source_id))?.number ?? '');
        return sendOpen311(
          reply,
          format,
          'service_requests_updates',
          events.map((event) => ({
            update_id: String(event.id),
            service_request_id: numbers.get(event.source_id) ?? '',
            status: UPDATE_STATUS[event.to_status as ReportRow['status']] ?? 'OPEN',
            updated_datetime: w3cDate(event.at),
            description: typeof event.detail.answer === 'string' ? event.detail.answer : '',
            media_url: '',
          })),
        );
      }
      throw new Open311Error(404, [`${name} is not a resource of this API`]);
    }),
  );

  route.get(
    `${BASE}/services/:file`,
    spec,
    open311(async (request, reply, format, code) => {
      const category = (await listCategories(db, request.ctx.tenant.id)).find(
        (candidate) => candidate.code === code && candidate.parent_code,
      );
      if (!category) throw new Open311Error(404, [`service_code ${code} was not found`]);
      return sendOpen311(reply, format, 'service_definition', {
        service_code: category.code,
        attributes: category.questions.map((question, index) => ({
          variable: true,
          code: question.code,
          datatype: question.datatype,
          required: question.required,
          datatype_description: null,
          order: index + 1,
          description: question.de,
          values: (question.values ?? []).map((option) => ({ key: option.key, name: option.de })),
        })),
      });
    }),
  );

  route.get(
    `${BASE}/requests/:file`,
    spec,
    open311(async (request, reply, format, id, params) => {
      const report = await findReportByNumber(db, request.ctx.tenant.id, id);
      if (!report) throw new Open311Error(404, [`service_request_id ${id} was not found`]);
      const with_ = await presentation(request, [report], params.extensions === 'true');
      return sendOpen311(reply, format, 'service_requests', [presentRequest(report, with_)]);
    }),
  );

  route.get(
    `${BASE}/tokens/:file`,
    spec,
    open311(async (request, reply, format, token) => {
      const report = isUuid(token) ? await findReport(db, request.ctx.tenant.id, token) : undefined;
      if (!report) throw new Open311Error(404, [`token ${token} was not found`]);
      return sendOpen311(reply, format, 'service_requests', [{ service_request_id: report.number, token: report.id }]);
    }),
  );

  route.post(
    `${BASE}/:file`,
    { ...spec, body: open311Params, config: { csrf: false } },
    open311(async (request, reply, format, name, params) => {
      const { ctx } = request;
      if (name !== 'requests') throw new Open311Error(404, [`${name} does not accept POST`]);
      const client = params.api_key ? await findActiveClient(db, ctx.tenant.id, keyHash(params.api_key)) : undefined;
      if (!client)
        throw new Open311Error(403, [
          params.api_key ? 'invalid api_key received -- cannot create the request' : 'api_key was not provided',
        ]);
      const created = await createRequest({
        db,
        tenantId: ctx.tenant.id,
        geo: ctx.tenant.settings.geo,
        clientId: client.id,
        body: params,
        files: { store: deps.store },
      });
      return sendOpen311(reply, format, 'service_requests', [
        {
          service_request_id: created.report.number,
          service_notice: `Zuständig: ${created.category.unit}. Wir bearbeiten Meldungen dieser Art in der Regel innerhalb von ${created.category.target_days} Tagen.`,
          account_id: null,
        },
      ]);
    }),
  );
}
