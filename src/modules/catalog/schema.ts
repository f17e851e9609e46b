// The content of catalog entries, after FIM / XZuFi: one schema per kind, shared by the editor form, the
// JSON and XZuFi import and the API. Content is stored as JSON per revision and validated on every write.
import { z } from 'zod';
import { BUSINESS_SITUATIONS, ENTRY_KINDS, LIFE_SITUATIONS, OZG_TYPES } from './constants.js';
import { email, isPostcode } from '../../platform/validation/rules.js';
import { parseLang } from '../../platform/i18n/index.js';

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).optional();
const lines = z.array(text(500)).max(40).default([]);
const httpUrl = z
  .string()
  .trim()
  .max(500)
  .regex(/^(https?:\/\/|\/)[^\s]+$/, 'url');
const link = z.object({ title: text(200), url: httpUrl.optional() });
export const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const slug = z.string().trim().min(2).max(80).regex(slugPattern, 'slug');

export const costs = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('free'), text: optionalText(500) }),
  z.object({ kind: z.literal('fixed'), amount: z.number().nonnegative().max(1_000_000), text: optionalText(500) }),
  z
    .object({
      kind: z.literal('range'),
      min: z.number().nonnegative(),
      max: z.number().nonnegative().max(1_000_000),
      text: optionalText(500),
    })
    .refine((value) => value.max >= value.min, { path: ['max'], message: 'range' }),
  z.object({ kind: z.literal('formula'), text: text(500) }),
]);
export type Costs = z.infer<typeof costs>;

/** Where an imported entry came from: its identifier at the editorial office that keeps it (XZuFi id and
 * schemeAgencyID). A re-import matches entries by it and writes it back unchanged on export. */
const source = z.object({ agency: text(100), id: text(200) });

/** Who is responsible: an office and/or contact, optionally only for a letter range of surnames or some villages. */
export const responsibility = z.object({
  office: slug.optional(),
  contact: slug.optional(),
  letters: z
    .string()
    .trim()
    .regex(/^[A-ZÄÖÜ]-[A-ZÄÖÜ]$/, 'letters')
    .optional(),
  localities: z.array(text(80)).max(100).optional(),
  /** The areas (regional keys) an imported responsibility covers, where they are not the town's own. */
  areas: z
    .array(z.string().regex(/^\d{2,12}$/, 'regionalKey'))
    .max(20)
    .optional(),
});
export type Responsibility = z.infer<typeof responsibility>;

/** The English version of a service: every text a citizen reads; a field left out is shown in German (and marked so). */
const translation = z.object({
  name: text(200),
  summary: text(600),
  description: optionalText(8000),
  plainLanguage: optionalText(4000),
  prerequisites: z.array(text(500)).max(40).optional(),
  documents: z.array(text(500)).max(40).optional(),
  steps: z.array(text(500)).max(40).optional(),
  deadlines: optionalText(1000),
  processingTime: optionalText(500),
  costsText: optionalText(500),
  notes: optionalText(4000),
  legalRemedy: optionalText(4000),
  elsewhereNote: optionalText(1000),
});
export type ServiceTranslation = z.infer<typeof translation>;

export const serviceContent = z.object({
  name: text(200),
  summary: text(600),
  description: optionalText(8000),
  plainLanguage: optionalText(4000),
  leikaKey: z
    .string()
    .trim()
    .regex(/^\d{14}$/, 'leika')
    .optional(),
  ozgId: z.string().trim().max(40).optional(),
  ozgType: z
    .union(
      OZG_TYPES.map((type) => z.literal(type)) as [z.ZodLiteral<1>, z.ZodLiteral<2>, z.ZodLiteral<3>, z.ZodLiteral<4>, z.ZodLiteral<5>],
    )
    .optional(),
  lifeSituations: z.array(z.enum(LIFE_SITUATIONS.map((s) => s.slug) as [string, ...string[]])).default([]),
  businessSituations: z.array(z.enum(BUSINESS_SITUATIONS.map((s) => s.slug) as [string, ...string[]])).default([]),
  prerequisites: lines,
  documents: lines,
  costs: costs.default({ kind: 'free' }),
  deadlines: optionalText(1000),
  processingTime: optionalText(500),
  steps: lines,
  legalBases: z.array(link).max(30).default([]),
  onlineService: z.object({ url: httpUrl, label: optionalText(200) }).optional(),
  forms: z.array(link).max(30).default([]),
  bookable: z.boolean().default(false),
  notes: optionalText(4000),
  legalRemedy: optionalText(4000),
  keywords: z.array(text(80)).max(60).default([]),
  languages: z.array(z.string().regex(/^[a-z]{2}$/)).default(['de']),
  responsibilities: z.array(responsibility).max(40).default([]),
  elsewhere: z.object({ name: text(200), url: httpUrl.optional(), note: optionalText(1000) }).optional(),
  translations: z.object({ en: translation.optional() }).default({}),
  source: source.optional(),
});
export type ServiceContent = z.infer<typeof serviceContent>;

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'time');
export const openingSlot = z
  .object({ day: z.number().int().min(1).max(7), opens: time, closes: time })
  .refine((slot) => slot.closes > slot.opens, { path: ['closes'], message: 'order' });
export const openingException = z.object({
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date'),
  closed: z.boolean(),
  opens: time.optional(),
  closes: time.optional(),
  note: optionalText(200),
});
export type OpeningSlot = z.infer<typeof openingSlot>;
export type OpeningException = z.infer<typeof openingException>;

export const officeContent = z.object({
  name: text(200),
  description: optionalText(2000),
  street: text(200),
  postalCode: z.string().trim().refine(isPostcode, 'postalCode'),
  city: text(100),
  latitude: z.number().min(-90).max(90).optional(),
  longitude: z.number().min(-180).max(180).optional(),
  stepFree: z.boolean().default(false),
  parking: z.boolean().default(false),
  accessibilityNote: optionalText(1000),
  hours: z.array(openingSlot).max(50).default([]),
  exceptions: z.array(openingException).max(100).default([]),
  /** Closed on the statutory public holidays of the tenant's state. */
  closedOnHolidays: z.boolean().default(true),
  phone: optionalText(40),
  email: email.optional(),
  contactFormUrl: httpUrl.optional(),
  /** English texts; `exceptionNotes` by date ("2026-12-24": "Christmas Eve"). */
  translations: z
    .object({
      en: z
        .object({
          name: optionalText(200),
          description: optionalText(2000),
          accessibilityNote: optionalText(1000),
          exceptionNotes: z.record(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date'), text(200)).optional(),
        })
        .optional(),
    })
    .default({}),
  source: source.optional(),
});
export type OfficeContent = z.infer<typeof officeContent>;

export const contactContent = z.object({
  name: text(200),
  role: text(200),
  office: slug.optional(),
  phone: optionalText(40),
  email: email.optional(),
  room: optionalText(40),
  translations: z.object({ en: z.object({ role: text(200) }).optional() }).default({}),
});
export type ContactContent = z.infer<typeof contactContent>;

export const contentSchemas = { service: serviceContent, office: officeContent, contact: contactContent } as const;
export type ContentOf = { service: ServiceContent; office: OfficeContent; contact: ContactContent };
export type AnyContent = ServiceContent | OfficeContent | ContactContent;

/** Entry settings that are not versioned content: owner unit and person, review interval. */
export const entrySettings = z.object({
  slug,
  unitId: z.string().uuid(),
  ownerUserId: z.string().uuid().optional(),
  reviewMonths: z.coerce.number().int().min(1).max(60).default(12),
});
export type EntrySettings = z.infer<typeof entrySettings>;

// What the catalog's routes accept.
const searchText = z
  .string()
  .default('')
  .transform((q) => q.slice(0, 200));
export const slugParams = z.object({ slug: z.string().max(200) });
export const situationParams = z.object({ situation: z.string().max(200) });
export const searchQuery = z.object({ q: searchText });
export const letterQuery = z.object({
  buchstabe: z
    .string()
    .default('')
    .transform((letter) => letter.toUpperCase()),
});
export const printQuery = z.object({ ansicht: z.string().optional() });
/** `?lang=en` for the English texts; anything else is German. */
/** The answer's language: de or en; anything else answers in German. */
const apiLang = z
  .enum(['de', 'en'])
  .optional()
  .catch(undefined)
  .transform((lang) => parseLang(lang) ?? 'de');
/** The service list: a search, or pages of up to `limit` services by name, each after the service `nach`. */
export const API_PAGE_MAX = 1000;
export const apiListQuery = z.object({
  q: searchText,
  lang: apiLang,
  limit: z.coerce.number().int().min(1).max(API_PAGE_MAX).optional().catch(undefined),
  nach: z
    .string()
    .regex(/^[a-z0-9-]{1,200}$/)
    .optional()
    .catch(undefined),
});
export const apiEntryParams = z.object({ id: z.string().max(200) });
export const apiLangQuery = z.object({ lang: apiLang });
/** The editorial list: one kind, or those waiting for review. An unknown kind lists all. */
export const entriesQuery = z.object({
  art: z.enum(ENTRY_KINDS).optional().catch(undefined),
  status: z.string().optional(),
  /** The entry the page starts after (keyset); anything else is the first page. */
  nach: z.uuid().optional().catch(undefined),
});
/** A new entry: of the kind asked for, a service unless said otherwise. */
export const newEntryQuery = z.object({ art: z.enum(ENTRY_KINDS).catch('service') });
