// Where a report is: from typed coordinates (or a map pin) or an address from the street directory. What is
// published is only what the directory says: street and house number, or the street nearest the pin ("near …").
// What the reporter typed into the address field stays internal, like the description, for the clerk alone.
import type { ReportProblem } from './texts.js';
import type { TownGeo } from '../../platform/db/tables.js';
import { insidePolygon, metresBetween } from '../../platform/geo/geometry.js';
import {
  closestStreet,
  findStreet,
  namedNeighbour,
  namesThisTown,
  nearestStreet,
  readAddressLine,
  type Street,
} from '../../platform/geo/streets.js';
import type { Lang } from '../../platform/i18n/index.js';
import { reportsText } from './texts.js';

/** `approximate`: the address names the street nearest the pin, not the place itself. `note`: the reporter's text. */
export type Place = { lat: number; lng: number; address: string | null; approximate: boolean; note: string | null };
export type PlaceErrors = { address?: ReportProblem; coordinates?: ReportProblem };

export const ADDRESS_MAX_LENGTH = 200;
/** A typed street counts for a pin within this distance of the street's point in the directory. */
const TYPED_STREET_METRES = 1500;

function parseCoordinates(text: string): { lat: number; lng: number } | undefined {
  const match = /^\s*(-?\d{1,2}(?:\.\d+)?)\s*[,; ]\s*(-?\d{1,3}(?:\.\d+)?)\s*$/.exec(text);
  return match ? { lat: Number(match[1]), lng: Number(match[2]) } : undefined;
}

/** The neighbouring town whose centre is nearest, when the place is not far outside. */
function responsibleNeighbour(geo: TownGeo, point: { lat: number; lng: number }): string | undefined {
  const nearest = [...(geo.neighbours ?? [])].sort((a, b) => metresBetween(point, a) - metresBetween(point, b))[0];
  return nearest && metresBetween(point, nearest) < 13_358 ? nearest.name : undefined;
}

const directoryAddress = (street: Street, number: string) =>
  `${street.name}${number ? ` ${number}` : ''}, ${street.postalCode} ${street.city}`;

/** A pin: the typed address when it names a directory street near the pin, else the street nearest the pin. */
function placeOfPin(streets: Street[], point: { lat: number; lng: number }, typed: string): Place {
  const note = typed || null;
  const parts = readAddressLine(typed);
  const named = typed ? findStreet(streets, parts.street) : undefined;
  if (named && metresBetween(point, named) < TYPED_STREET_METRES)
    return { ...point, address: directoryAddress(named, parts.number), approximate: false, note };
  const near = nearestStreet(streets, point);
  return { ...point, address: near ? directoryAddress(near, '') : null, approximate: Boolean(near), note };
}

/** The place of the report, or the message why it cannot be used. */
export function locate(geo: TownGeo | undefined, input: { address: string; coordinates: string }): { place?: Place; errors: PlaceErrors } {
  const typed = input.address.trim();
  if (typed.length > ADDRESS_MAX_LENGTH)
    return { errors: { address: { code: 'error.addressLength', params: { max: ADDRESS_MAX_LENGTH } } } };
  const streets = geo?.streets ?? [];
  const pin = input.coordinates.trim() ? parseCoordinates(input.coordinates) : undefined;
  if (input.coordinates.trim() && !pin) return { errors: { coordinates: { code: 'error.coordinates' } } };
  let place = pin ? placeOfPin(streets, pin, typed) : undefined;
  if (!place && typed) {
    const parts = readAddressLine(typed);
    const elsewhere = parts.town && !namesThisTown(streets, parts.town) ? namedNeighbour(geo?.neighbours ?? [], parts.town) : undefined;
    if (elsewhere) return { errors: { address: { code: 'error.outsideNeighbour', params: { neighbour: elsewhere } } } };
    const street = findStreet(streets, parts.street);
    if (!street) {
      const guess = closestStreet(streets, parts.street);
      return { errors: { address: guess ? { code: 'error.streetGuess', params: { street: guess.name } } : { code: 'error.street' } } };
    }
    const address = directoryAddress(street, parts.number);
    place = { lat: street.lat, lng: street.lng, address, approximate: false, note: null };
  }
  if (!place) return { errors: { address: { code: 'error.place' } } };
  if (geo && !insidePolygon(place, geo.boundary)) {
    const neighbour = responsibleNeighbour(geo, place);
    const problem: ReportProblem = neighbour ? { code: 'error.outsideNeighbour', params: { neighbour } } : { code: 'error.outside' };
    return { errors: { [pin ? 'coordinates' : 'address']: problem } };
  }
  return { place, errors: {} };
}

/** The place as the public reads it: the directory's address ("near …" for a pin), or the coordinates. */
export function publicPlace(
  report: { address: string | null; address_approximate: boolean; lat: number; lng: number },
  lang: Lang,
  digits = 4,
): string {
  if (!report.address) return `${report.lat.toFixed(digits)}, ${report.lng.toFixed(digits)}`;
  return report.address_approximate ? reportsText(lang)('place.near', { address: report.address }) : report.address;
}
