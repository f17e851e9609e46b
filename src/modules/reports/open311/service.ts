// Open311 requests: reading the query (window, statuses, codes, pages) as the specification defines it, and
// turning a POSTed request into a report through the same checks as the web form.
import { explain } from '../../../platform/http/errors.js';
import { reportsText } from '../texts.js';
import type { Db } from '../../../platform/db/database.js';
import type { TownGeo } from '../../../platform/db/tables.js';
import type { BlobStore } from '../../../platform/storage/storage.js';
import { listCategories, reportsOfClientSince, type RequestQuery } from '../repo.js';
import { submitReport } from '../service.js';
import { Open311Error } from './format.js';

const DAY = 86_400_000;
export const MAX_WINDOW_DAYS = 90;
export const MAX_RESULTS = 1000;
export const CLIENT_REPORTS_PER_HOUR = 60;
const OPEN_STATUSES = ['new', 'in_progress'] as const;
const CLOSED_STATUSES = ['fixed', 'closed', 'not_responsible', 'duplicate'] as const;

type Params = Record<string, string | undefined>;

function parseDate(name: string, value: string | undefined): Date | undefined {
  if (!value) return undefined;
  const ok = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(value) && !Number.isNaN(Date.parse(value));
  if (!ok) throw new Open311Error(400, [`${name} must be a W3C datetime, e.g. 2026-11-01T00:00:00Z`]);
  return new Date(value);
}

/** The time window: given dates, or the most recent 90 days; never more than 90 days. */
export function readWindow(params: Params, now = new Date()): { from: Date; until: Date } {
  const start = parseDate('start_date', params.start_date);
  const end = parseDate('end_date', params.end_date);
  const until = end ?? (start ? new Date(Math.min(start.getTime() + MAX_WINDOW_DAYS * DAY, now.getTime())) : now);
  const from = start ?? new Date(until.getTime() - MAX_WINDOW_DAYS * DAY);
  if (from > until) throw new Open311Error(400, ['start_date is after end_date']);
  if (until.getTime() - from.getTime() > MAX_WINDOW_DAYS * DAY)
    throw new Open311Error(400, [`start_date and end_date may not span more than ${MAX_WINDOW_DAYS} days`]);
  return { from, until };
}

const list = (value: string | undefined) =>
  (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);

export function readRequestQuery(params: Params): RequestQuery {
  const pageSize = params.page_size ? Number(params.page_size) : MAX_RESULTS;
  const page = params.page ? Number(params.page) : 1;
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_RESULTS)
    throw new Open311Error(400, [`page_size must be between 1 and ${MAX_RESULTS}`]);
  if (!Number.isInteger(page) || page < 1) throw new Open311Error(400, ['page must be a positive whole number']);
  const paging = { offset: (page - 1) * pageSize, limit: pageSize };
  const numbers = list(params.service_request_id);
  if (numbers.length > 0) return { numbers: numbers.slice(0, MAX_RESULTS), ...paging };
  const statuses = list(params.status);
  if (statuses.some((status) => status !== 'open' && status !== 'closed')) throw new Open311Error(400, ['status must be open or closed']);
  const codes = list(params.service_code);
  return {
    ...readWindow(params),
    categories: codes.length ? codes : undefined,
    statuses: statuses.length ? statuses.flatMap((status) => (status === 'open' ? [...OPEN_STATUSES] : [...CLOSED_STATUSES])) : undefined,
    ...paging,
  };
}

/** `attribute[code]=value` (and `attribute[code][]=value` for lists), as the specification writes them. */
export function readAttributes(body: Params): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const [name, value] of Object.entries(body)) {
    const match = /^attribute\[([^\]]+)\](\[\])?$/.exec(name);
    if (match && value !== undefined) attributes[match[1]!] = Array.isArray(value) ? value.join(',') : String(value);
  }
  return attributes;
}

export type Open311Post = {
  db: Db;
  tenantId: string;
  geo: TownGeo | undefined;
  clientId: string;
  body: Params;
  files: { store: BlobStore };
};

export async function createRequest(post: Open311Post) {
  const { body } = post;
  if (!body.service_code) throw new Open311Error(400, ['service_code was not provided']);
  const category = (await listCategories(post.db, post.tenantId)).find(
    (candidate) => candidate.code === body.service_code && candidate.parent_code,
  );
  if (!category) throw new Open311Error(404, [`service_code ${body.service_code} was not found`]);
  const hasCoordinates = Boolean(body.lat && body.long);
  if (!hasCoordinates && !body.address_string) throw new Open311Error(400, ['a location is required: lat and long, or address_string']);
  if (hasCoordinates && (!Number.isFinite(Number(body.lat)) || !Number.isFinite(Number(body.long))))
    throw new Open311Error(400, ['lat and long must be numbers (WGS84)']);
  if ((await reportsOfClientSince(post.db, post.clientId, new Date(Date.now() - 3_600_000))) >= CLIENT_REPORTS_PER_HOUR)
    throw new Open311Error(429, [`more than ${CLIENT_REPORTS_PER_HOUR} requests per hour from this api_key; please try again later`]);
  const outcome = await submitReport(post.db, {
    tenantId: post.tenantId,
    geo: post.geo,
    userId: null,
    lang: 'de',
    confirmed: true,
    photos: [],
    files: post.files,
    input: {
      category: category.code,
      description: (body.description ?? '').slice(0, 4000),
      address: hasCoordinates ? (body.address_string ?? '') : (body.address_string ?? ''),
      coordinates: hasCoordinates ? `${body.lat}, ${body.long}` : '',
      name: [body.first_name, body.last_name].filter(Boolean).join(' '),
      email: body.email ?? '',
    },
    answers: readAttributes(body),
    client: { id: post.clientId, mediaUrl: /^https?:\/\/\S+$/.test(body.media_url ?? '') ? body.media_url!.slice(0, 500) : undefined },
  });
  if (!outcome.report) {
    // Open311 clients read the descriptions in German, the language the town's categories and answers are in.
    const t = reportsText('de');
    const { questions, ...fields } = outcome.errors;
    throw new Open311Error(400, [
      ...Object.values(fields).map((problem) => explain(problem, t, 'de')),
      ...Object.entries(questions ?? {}).map(([code, problem]) => `attribute[${code}]: ${explain(problem, t, 'de')}`),
    ]);
  }
  return { report: outcome.report, category };
}
