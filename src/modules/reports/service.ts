// Reporting a problem: the place comes from coordinates (map pin) or an address in the town's street directory,
// must lie inside the town (otherwise the neighbour responsible is named when known), and the report becomes a
// case in the unit responsible for its category. Anonymous reporters get a private key to follow their report.
import type { ReportProblem } from './texts.js';
import { createHash, randomBytes } from 'node:crypto';
import type { TownGeo } from '../../platform/db/tables.js';
import { inTransaction, type Db } from '../../platform/db/database.js';
import { recordAudit } from '../../platform/audit/audit-log.js';
import type { Lang } from '../../platform/i18n/index.js';
import { moveOnEvent, noteOnCase, openCase, rerouteCase } from '../cases/index.js';
import { REPORT_WORKFLOW } from './workflow.js';
import { checkAnswers } from './questions.js';
import { cleanPhoto, MAX_PHOTOS, NotAPhoto, PHOTO_MAX_BYTES, PHOTO_MAX_PIXELS } from './photos.js';
import { storeUpload, type BlobStore } from '../../platform/storage/storage.js';
import type { VirusScanner } from '../../platform/storage/virus-scan.js';
import {
  insertPhoto,
  insertReport,
  nearbyOpenReports,
  recordSupport,
  listCategories,
  nextReportNumber,
  updateReportCategory,
  type CategoryRow,
  type ReportRow,
} from './repo.js';
import { queueMail } from '../../platform/mail/mailer.js';
import { locate } from './place.js';
import { reportsText } from './texts.js';
import { OPEN_REPORT_STATUSES } from './tables.js';
import { isEmail } from '../../platform/validation/rules.js';

export type ReportInput = { category: string; description: string; address: string; coordinates: string; name: string; email: string };
export type ReportErrors = Partial<Record<keyof ReportInput | 'photos', ReportProblem>> & { questions?: Record<string, ReportProblem> };

export const keyHash = (key: string) => createHash('sha256').update(key).digest('hex');

const caseTitle = (category: CategoryRow, address: string | null) => `${category.name_de}${address ? `: ${address}` : ''}`;

export type SubmitReport = {
  tenantId: string;
  geo: TownGeo | undefined;
  input: ReportInput;
  userId: string | null;
  lang: Lang;
  /** Answers to the category's extra questions, by question code. */
  answers: Record<string, string | undefined>;
  /** Set for reports from an Open311 client: its id and a media URL it sent. */
  client?: { id: string; mediaUrl?: string };
  /** The reporter saw the nearby open reports of the category and still reports anew. */
  confirmed: boolean;
  /** The photos as uploaded, or why they could not be read (too large, too many). */
  photos: { bytes: Buffer; name: string }[];
  photoProblem?: 'tooLarge' | 'tooMany';
  files: { store: BlobStore; scanner?: VirusScanner };
  /** The private link to the report, for the confirmation mail queued with the report (portal reports only). */
  confirmationLink?: (reportId: string, key: string) => string;
};

/** Each photo cleaned of its metadata, or the message why one cannot be taken. */
async function cleanPhotos(request: SubmitReport): Promise<{ photos: Buffer[]; error?: ReportProblem }> {
  if (request.photoProblem === 'tooLarge')
    return { photos: [], error: { code: 'error.photoSize', params: { mb: PHOTO_MAX_BYTES / 1024 / 1024 } } };
  if (request.photoProblem === 'tooMany' || request.photos.length > MAX_PHOTOS)
    return { photos: [], error: { code: 'error.photoCount', params: { count: MAX_PHOTOS } } };
  try {
    return { photos: await Promise.all(request.photos.map((photo) => cleanPhoto(photo.bytes))) };
  } catch (error) {
    if (error instanceof NotAPhoto)
      return {
        photos: [],
        error:
          error.reason === 'pixels'
            ? { code: 'error.photoPixels', params: { mp: PHOTO_MAX_PIXELS / 1_000_000 } }
            : { code: 'error.photoType' },
      };
    throw error;
  }
}

export type Nearby = Awaited<ReturnType<typeof nearbyOpenReports>>;

/** The village nearest to a point (flat distances are fine within a town). */
export function nearestLocality<P extends { lat: number; lng: number }>(places: P[], point: { lat: number; lng: number }): P | undefined {
  let best: P | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of places) {
    const distance = (candidate.lat - point.lat) ** 2 + (candidate.lng - point.lng) ** 2;
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return best;
}

export async function submitReport(
  db: Db,
  request: SubmitReport,
): Promise<{ report?: ReportRow; key?: string; errors: ReportErrors; nearby?: Nearby }> {
  const t = reportsText(request.lang);
  const { input } = request;
  const category = (await listCategories(db, request.tenantId)).find((candidate) => candidate.code === input.category);
  const located = locate(request.geo, input);
  const errors: ReportErrors = { ...located.errors };
  if (!category) errors.category = { code: 'error.category' };
  if (input.description.trim().length < 5 && !request.client) errors.description = { code: 'error.description' };
  if (input.email.trim() && !isEmail(input.email.trim())) errors.email = { code: 'error.email' };
  const cleaned = await cleanPhotos(request);
  if (cleaned.error) errors.photos = cleaned.error;
  const checked = checkAnswers(category?.questions ?? [], request.answers);
  if (Object.keys(checked.errors).length > 0) errors.questions = checked.errors;
  if (Object.keys(errors).length > 0 || !category || !located.place) return { errors };
  const nearby = request.confirmed ? [] : await nearbyOpenReports(db, request.tenantId, category.code, located.place);
  if (nearby.length > 0) return { errors: {}, nearby };
  const key = randomBytes(18).toString('base64url');
  const place = located.place;
  const report = await inTransaction(db, async (trx) => {
    const row = await insertReport(trx, {
      tenant_id: request.tenantId,
      number: await nextReportNumber(trx, new Date().getFullYear()),
      category_code: category.code,
      lat: place.lat,
      lng: place.lng,
      address: place.address,
      address_approximate: place.approximate,
      address_note: place.note,
      locality: nearestLocality(request.geo?.localities ?? [], place)?.name ?? null,
      description: (input.description.trim() || category.name_de).slice(0, 4000),
      answers: JSON.stringify(checked.answers),
      media_url: request.client?.mediaUrl ?? null,
      open311_client_id: request.client?.id ?? null,
      reporter_name: input.name.trim().slice(0, 120) || null,
      reporter_email: input.email.trim().slice(0, 200) || null,
      user_id: request.userId,
      key_hash: keyHash(key),
    });
    for (const [position, bytes] of cleaned.photos.entries()) {
      const file = await storeUpload(
        { db: trx, store: request.files.store, scanner: request.files.scanner, maxBytes: PHOTO_MAX_BYTES },
        { tenantId: request.tenantId, bytes, originalName: `${row.number}-foto-${position + 1}.jpg`, allowed: ['image/jpeg'] },
      );
      await insertPhoto(trx, { report_id: row.id, position, file_id: file.id });
    }
    await openCase(trx, {
      tenantId: request.tenantId,
      source: { kind: 'report', id: row.id },
      number: row.number,
      service: `maengelmelder-${category.code}`,
      title: caseTitle(category, place.address),
      unit: category.unit,
      processingDays: category.target_days,
      searchText: row.description,
      workflow: REPORT_WORKFLOW,
    });
    if (row.reporter_email && request.confirmationLink) {
      const link = request.confirmationLink(row.id, key);
      await queueMail(trx, {
        tenantId: request.tenantId,
        to: row.reporter_email,
        subject: t('mail.subject', { number: row.number }),
        text: t('mail.body', { number: row.number, link }),
      });
    }
    return row;
  });
  return { report, key, errors: {} };
}

/** A clerk moves a report to another category; the case follows to the unit responsible for it. */
export async function recategorise(db: Db, tenantId: string, report: ReportRow, code: string, label: string) {
  const category = (await listCategories(db, tenantId)).find((candidate) => candidate.code === code);
  if (!category) return undefined;
  return inTransaction(db, async (trx) => {
    await updateReportCategory(trx, tenantId, report.id, category.code);
    await recordAudit(trx, {
      tenantId,
      actorId: null,
      actorLabel: label,
      action: 'reports.recategorised',
      objectType: 'report',
      objectId: report.id,
      summary: { from: report.category_code, to: category.code },
    });
    return rerouteCase(
      trx,
      tenantId,
      { kind: 'report', id: report.id },
      { unit: category.unit, title: caseTitle(category, report.address), service: `maengelmelder-${category.code}` },
      label,
    );
  });
}

/** The reporter says the problem is still there: the case goes back to processing in the unit that closed it. */
export async function reopenReport(db: Db, tenantId: string, report: ReportRow, comment: string) {
  const reporter = reportsText('de')('facts.reporter');
  await noteOnCase(db, tenantId, { kind: 'report', id: report.id }, reporter, comment);
  return moveOnEvent(db, tenantId, { kind: 'report', id: report.id }, 'reply', reporter);
}

/** Support an open report instead of reporting it again; with an e-mail address, updates come too. A report
 * that is finished (fixed, closed, not ours, a duplicate) takes no more support: it would count for nothing. */
export async function supportReport(
  db: Db,
  tenantId: string,
  report: ReportRow,
  email: string,
): Promise<{ error?: ReportProblem; counted: boolean }> {
  if (!OPEN_REPORT_STATUSES.includes(report.status)) return { error: { code: 'support.finished' }, counted: false };
  const address = email.trim().slice(0, 200);
  if (address && !isEmail(address)) return { error: { code: 'error.email' }, counted: false };
  return { counted: await inTransaction(db, (trx) => recordSupport(trx, tenantId, report.id, address || null)) };
}
