// A report as Open311 clients see it: public fields only (no reporter data; the description as a moderator
// published it, or empty), the status reduced to open/closed, the answer as status notes.
import type { CategoryRow, ReportRow } from '../repo.js';
import { w3cDate } from './format.js';
import { publicPlace } from '../place.js';

export type Presentation = {
  categories: CategoryRow[];
  baseUrl: string;
  agency: (unit: string) => string;
  photos: Map<string, number>;
  notes?: Map<string, { at: Date; label: string }[]>;
};

const OPEN = ['new', 'in_progress'];
export const open311Status = (status: ReportRow['status']) => (OPEN.includes(status) ? 'open' : 'closed');

export function presentRequest(report: ReportRow, with_: Presentation) {
  const category = with_.categories.find((candidate) => candidate.code === report.category_code);
  const photo = with_.photos.get(report.id);
  const notes = with_.notes?.get(report.id);
  return {
    service_request_id: report.number,
    status: open311Status(report.status),
    status_notes: report.public_answer,
    service_name: category?.name_de ?? report.category_code,
    service_code: report.category_code,
    description: report.public_description,
    agency_responsible: category ? with_.agency(category.unit) : null,
    service_notice: null,
    requested_datetime: w3cDate(report.created_at),
    updated_datetime: w3cDate(report.updated_at),
    expected_datetime: category ? w3cDate(new Date(report.created_at.getTime() + category.target_days * 86_400_000)) : null,
    address: report.address && publicPlace(report, 'de', 6),
    address_id: null,
    zipcode: /\b(\d{5})\b/.exec(report.address ?? '')?.[1] ?? null,
    lat: Number(report.lat.toFixed(6)),
    long: Number(report.lng.toFixed(6)),
    media_url: photo !== undefined ? `${with_.baseUrl}/maengelmelder/meldung/${report.id}/foto/${photo}` : report.media_url,
    ...(notes
      ? {
          extended_attributes: {
            token: report.id,
            detailed_status: report.status.toUpperCase(),
            supporters: report.supporters,
            notes: notes.map((note) => ({ datetime: w3cDate(note.at), status: note.label })),
          },
        }
      : {}),
  };
}

/** mySociety's status words for `servicerequestupdates`, as FixMyStreet reads them. */
export const UPDATE_STATUS: Record<ReportRow['status'], string> = {
  new: 'OPEN',
  in_progress: 'IN_PROGRESS',
  fixed: 'FIXED',
  closed: 'NO_FURTHER_ACTION',
  not_responsible: 'NOT_COUNCILS_RESPONSIBILITY',
  duplicate: 'DUPLICATE',
};
