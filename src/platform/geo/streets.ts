// The town's street directory: splits "Frankfurter Str. 97" into street and house number, finds the street even
// with common abbreviations or a typo, and suggests streets while typing.
import type { TownGeo } from '../db/tables.js';
import { metresBetween } from './geometry.js';

export type Street = NonNullable<TownGeo['streets']>[number];

const HOUSE_NUMBER = /^(.*?)[\s,]*(\d{1,4}\s?[a-zA-Z]?(?:\s?[-/]\s?\d{1,4}\s?[a-zA-Z]?)?)$/;

/** Lower case, "Str." and "strasse" spelled out, umlauts and hyphens unified, so spellings compare equal. */
export function normalizeStreet(name: string): string {
  return name
    .toLowerCase()
    .replace(/str\.?(?=\s|$)/g, 'straße')
    .replace(/strasse/g, 'straße')
    .replace(/ae/g, 'ä')
    .replace(/oe/g, 'ö')
    .replace(/ue/g, 'ü')
    .replace(/[-\s]+/g, ' ')
    .trim();
}

/** The street whose point in the directory is nearest, if one lies within `maxMetres`. */
export function nearestStreet(streets: Street[], point: { lat: number; lng: number }, maxMetres = 500): Street | undefined {
  const metres = (street: Street) => metresBetween(point, street);
  let best: Street | undefined;
  for (const street of streets) if (metres(street) < maxMetres && (!best || metres(street) < metres(best))) best = street;
  return best;
}

/** A place name compared loosely: lower case, without a bracketed addition or the kind of municipality
 * ("Hennef (Sieg)" = "Hennef", "Stadt Siegburg" = "Siegburg"). */
const placeName = (name: string) =>
  name
    .toLowerCase()
    .replace(/\([^)]*\)/g, '')
    .replace(/^(stadt|gemeinde)\s+/, '')
    .replace(/[-\s]+/g, ' ')
    .trim();

export type AddressLine = { street: string; number: string; town?: string; postcode?: string };

/**
 * An address as people and Open311 clients write it, from the most specific part to the most general
 * ("Frankfurter Str. 97a, 53773 Hennef (Sieg)", "Frankfurter Straße 97, Hennef", "Bonner Str. 12 53773 Hennef"):
 * the street with its house number, and the postcode and town when given.
 */
export function readAddressLine(line: string): AddressLine {
  const parts = line
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  let postcode: string | undefined;
  let town: string | undefined;
  // From the end: "53773 Hennef (Sieg)", "53773", "Hennef", "Deutschland".
  while (parts.length > 1) {
    const last = parts.at(-1)!;
    const code = /^(\d{5})(?:\s+(.+))?$/.exec(last);
    if (code) {
      postcode = code[1];
      town = code[2] ?? town;
    } else if (!/\d/.test(last)) town ??= last;
    else break;
    parts.pop();
  }
  let first = parts.join(', ');
  // Without commas: "Bonner Str. 12 53773 Hennef".
  const inline = /^(.*?\d{1,4}\s?[a-zA-Z]?)\s+(\d{5})(?:\s+(.+))?$/.exec(first);
  if (inline) {
    first = inline[1]!;
    postcode = inline[2];
    town = inline[3] ?? town;
  }
  if (/^(deutschland|germany|de)$/i.test(town ?? '')) town = undefined;
  return { ...splitStreetAddress(first), ...(town ? { town } : {}), ...(postcode ? { postcode } : {}) };
}

/** Whether a town name written in an address means this town (its name, or a locality of its street directory). */
export function namesThisTown(streets: Street[], town: string): boolean {
  const wanted = placeName(town);
  return streets.some((street) => placeName(street.city) === wanted || placeName(street.locality) === wanted);
}

/** The neighbour a town name in an address names, if any. */
export function namedNeighbour(neighbours: { name: string }[], town: string): string | undefined {
  const wanted = placeName(town);
  return neighbours.find((neighbour) => placeName(neighbour.name) === wanted)?.name;
}

/** "Frankfurter Straße 97a" → { street: 'Frankfurter Straße', number: '97a' }; without a number, number is ''. */
export function splitStreetAddress(line: string): { street: string; number: string } {
  const match = HOUSE_NUMBER.exec(line.trim());
  return match ? { street: match[1]!.trim(), number: match[2]!.replace(/\s/g, '') } : { street: line.trim(), number: '' };
}

function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++)
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length]!;
}

export function findStreet(streets: Street[], name: string): Street | undefined {
  const wanted = normalizeStreet(name);
  return streets.find((street) => normalizeStreet(street.name) === wanted);
}

/** The closest street name when the typed one is not in the directory (at most a few letters off). */
export function closestStreet(streets: Street[], name: string): Street | undefined {
  const wanted = normalizeStreet(name);
  let best: { street: Street; score: number } | undefined;
  for (const street of streets) {
    const score = distance(wanted, normalizeStreet(street.name));
    if (!best || score < best.score) best = { street, score };
  }
  return best && best.score <= Math.max(2, Math.floor(wanted.length / 4)) ? best.street : undefined;
}

/** Streets starting with (first) or containing the typed text, for suggestions while typing. */
export function suggestStreets(streets: Street[], typed: string, limit = 8): Street[] {
  const wanted = normalizeStreet(splitStreetAddress(typed).street);
  if (wanted.length < 2) return [];
  const starts = streets.filter((street) => normalizeStreet(street.name).startsWith(wanted));
  const contains = streets.filter((street) => !starts.includes(street) && normalizeStreet(street.name).includes(wanted));
  return [...starts, ...contains].slice(0, limit);
}
