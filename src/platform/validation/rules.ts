// The field rules every module shares, once: e-mail address, IBAN, phone number, German postcode, coordinates.
// Each is a predicate (for code that checks a value it already has) and a zod schema (for route and content
// schemas); the schemas' messages are codes that the forms translate.
import { z } from 'zod';

/** An address a mail server accepts: local part up to 64 characters, a domain with a dot, no spaces. */
export function isEmail(value: string): boolean {
  return value.length <= 254 && /^[^\s@]{1,64}@[^\s@]{1,190}\.[^\s@]{2,}$/.test(value);
}

/** An IBAN with a valid check sum (ISO 13616, mod 97), spaces and case ignored. */
export function normaliseIban(value: string): string {
  return value.replace(/\s/g, '').toUpperCase();
}

export function isIban(value: string): boolean {
  const iban = normaliseIban(value);
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) return false;
  const moved = `${iban.slice(4)}${iban.slice(0, 4)}`.replace(/[A-Z]/g, (letter) => String(letter.charCodeAt(0) - 55));
  let remainder = 0;
  for (const digit of moved) remainder = (remainder * 10 + Number(digit)) % 97;
  return remainder === 1;
}

/** Digits with the separators people type (+49 2242 888-0, (02242) 888 100). */
export function isPhone(value: string): boolean {
  return /^\+?[\d\s/()-]{6,25}$/.test(value);
}

export function isPostcode(value: string): boolean {
  return /^\d{5}$/.test(value);
}

export function isCoordinate(lat: number, lng: number): boolean {
  return Number.isFinite(lat) && Number.isFinite(lng) && Math.abs(lat) <= 90 && Math.abs(lng) <= 180;
}

export const email = z.string().trim().max(254).refine(isEmail, 'email');
export const iban = z.string().trim().refine(isIban, 'iban').transform(normaliseIban);
export const phone = z.string().trim().refine(isPhone, 'phone');
export const postcode = z.string().trim().refine(isPostcode, 'postalCode');
export const latitude = z.coerce.number().min(-90).max(90);
export const longitude = z.coerce.number().min(-180).max(180);

/** The path of one stored record: `/…/:id` with a UUID (any other segment names nothing: 404). */
export const recordParams = z.object({ id: z.uuid() });
