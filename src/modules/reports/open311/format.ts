// Open311 GeoReport v2 answers in both formats: XML with its declaration (text/xml) and JSON after the Spark
// convention (application/json): a list root becomes an array of its items, a single root an object.
import type { FastifyReply } from 'fastify';

export type Format = 'xml' | 'json';
type Value = string | number | boolean | null | undefined | Value[] | { [key: string]: Value };

/** Element names of list items: <services><service>…, <attributes><attribute>…, <values><value>…. */
const ITEM: Record<string, string> = {
  services: 'service',
  service_requests: 'request',
  attributes: 'attribute',
  values: 'value',
  errors: 'error',
  service_requests_updates: 'request_update',
  notes: 'note',
  endpoints: 'endpoint',
  formats: 'format',
};

const escapeXml = (text: string) =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');

function element(name: string, value: Value): string {
  if (value === null || value === undefined) return `<${name}/>`;
  if (Array.isArray(value)) return `<${name}>${value.map((item) => element(ITEM[name] ?? 'item', item)).join('')}</${name}>`;
  if (typeof value === 'object')
    return `<${name}>${Object.entries(value)
      .map(([key, inner]) => element(key, inner))
      .join('')}</${name}>`;
  return `<${name}>${escapeXml(String(value))}</${name}>`;
}

export function toXml(root: string, value: Value): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n${element(root, value)}`;
}

export function sendOpen311(reply: FastifyReply, format: Format, root: string, value: Value, status = 200) {
  reply.code(status).header('cache-control', 'no-store');
  if (format === 'json') return reply.type('application/json; charset=utf-8').send(JSON.stringify(value));
  return reply.type('text/xml; charset=utf-8').send(toXml(root, value));
}

/** The specification's error list: 404 for what does not exist, 403 for a wrong or missing key, 400 otherwise. */
export class Open311Error extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 429,
    readonly errors: string[],
  ) {
    super(errors.join('; '));
  }
}

export function sendErrors(reply: FastifyReply, format: Format, error: Open311Error) {
  return sendOpen311(
    reply,
    format,
    'errors',
    error.errors.map((description) => ({ code: error.status, description })),
    error.status,
  );
}

const berlinOffsetName = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Berlin', timeZoneName: 'longOffset' });

/** Berlin's offset from UTC in the hour of a moment ("+01:00", 60), looked up once per hour: the offset changes
 * only on the hour, and an answer of a thousand requests has three dates each. */
const offsets = new Map<number, { text: string; minutes: number }>();
function berlinOffset(date: Date) {
  const hour = Math.floor(date.getTime() / 3_600_000);
  let offset = offsets.get(hour);
  if (!offset) {
    const name = berlinOffsetName.formatToParts(date).find((part) => part.type === 'timeZoneName')?.value ?? 'GMT';
    const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
    const minutes = match ? (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : 0;
    offset = { text: match ? `${match[1]}${match[2]}:${match[3]}` : '+00:00', minutes };
    if (offsets.size > 10_000) offsets.clear();
    offsets.set(hour, offset);
  }
  return offset;
}

/** W3C datetime with the offset of Europe/Berlin, e.g. 2026-11-29T23:55:00+01:00. */
export function w3cDate(date: Date): string {
  const offset = berlinOffset(date);
  return `${new Date(date.getTime() + offset.minutes * 60_000).toISOString().slice(0, 19)}${offset.text}`;
}
