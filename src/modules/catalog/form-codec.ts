// The editor form and the stored content, both ways: list fields are one entry per line, links are
// "Title | URL", responsibilities "office | contact | A-K | villages". Unreadable lines become field errors.
import type { z } from 'zod';
import type { EntryKind } from './constants.js';
import { contentSchemas, type AnyContent, type ContactContent, type OfficeContent, type ServiceContent } from './schema.js';
import type { CatalogTranslate } from './texts.js';

type Values = Record<string, string>;
export type Decoded = { content?: AnyContent; errors: Record<string, string> };

const DAYS = ['mo', 'di', 'mi', 'do', 'fr', 'sa', 'so'];
const lines = (value: string | undefined) =>
  (value ?? '')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
const list = (value: string | undefined) =>
  (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
const optional = (value: string | undefined) => (value?.trim() ? value.trim() : undefined);
const yes = (value: string | undefined) => value === 'yes';
const checked = (values: Values, name: string) =>
  Object.keys(values)
    .filter((key) => key.startsWith(`${name}.`) && values[key] === 'yes')
    .map((key) => key.slice(name.length + 1));
const euro = (value: string | undefined) => (value?.trim() ? Number(value.replace(/\s|€/g, '').replace(',', '.')) : undefined);
const euroText = (value: number | undefined) => (value === undefined ? '' : String(value).replace('.', ','));

function links(value: string | undefined) {
  return lines(value).map((line) => {
    const [title, url] = line.split('|').map((part) => part.trim());
    return { title: title ?? '', ...(url ? { url } : {}) };
  });
}
const linkText = (items: { title: string; url?: string }[]) =>
  items.map((item) => (item.url ? `${item.title} | ${item.url}` : item.title)).join('\n');

function responsibilities(value: string | undefined) {
  return lines(value).map((line) => {
    const [office, contact, letters, localities] = line.split('|').map((part) => part.trim());
    return {
      office: optional(office),
      contact: optional(contact),
      letters: optional(letters),
      localities: localities ? list(localities) : undefined,
    };
  });
}

/** The English version's fields: form name `en` + the content key with a capital; lists are one entry per line. */
const EN_TEXTS = [
  'description',
  'plainLanguage',
  'deadlines',
  'processingTime',
  'costsText',
  'notes',
  'legalRemedy',
  'elsewhereNote',
] as const;
const EN_LISTS = ['prerequisites', 'documents', 'steps'] as const;
const enField = (key: string) => `en${key.replace(/^./, (c) => c.toUpperCase())}`;

function englishFromForm(values: Values) {
  if (!optional(values.enName) && !optional(values.enSummary)) return undefined;
  const english: Record<string, unknown> = { name: values.enName ?? '', summary: values.enSummary ?? '' };
  for (const key of EN_TEXTS) english[key] = optional(values[enField(key)]);
  for (const key of EN_LISTS) english[key] = lines(values[enField(key)]).length ? lines(values[enField(key)]) : undefined;
  return english;
}

function englishToForm(english: ServiceContent['translations']['en']): Values {
  const values: Values = { enName: english?.name ?? '', enSummary: english?.summary ?? '' };
  for (const key of EN_TEXTS) values[enField(key)] = english?.[key] ?? '';
  for (const key of EN_LISTS) values[enField(key)] = (english?.[key] ?? []).join('\n');
  return values;
}

function serviceFromForm(values: Values) {
  const kind = values.costsKind || 'free';
  const costs = {
    kind,
    amount: euro(values.costsAmount),
    min: euro(values.costsMin),
    max: euro(values.costsMax),
    text: optional(values.costsText),
  };
  const en = englishFromForm(values);
  return {
    name: values.name,
    summary: values.summary,
    description: optional(values.description),
    plainLanguage: optional(values.plainLanguage),
    leikaKey: optional(values.leikaKey),
    ozgId: optional(values.ozgId),
    ozgType: values.ozgType ? Number(values.ozgType) : undefined,
    lifeSituations: checked(values, 'lifeSituations'),
    businessSituations: checked(values, 'businessSituations'),
    prerequisites: lines(values.prerequisites),
    documents: lines(values.documents),
    costs,
    deadlines: optional(values.deadlines),
    processingTime: optional(values.processingTime),
    steps: lines(values.steps),
    legalBases: links(values.legalBases),
    forms: links(values.forms),
    onlineService: optional(values.onlineUrl) ? { url: values.onlineUrl!.trim(), label: optional(values.onlineLabel) } : undefined,
    bookable: yes(values.bookable),
    notes: optional(values.notes),
    legalRemedy: optional(values.legalRemedy),
    keywords: list(values.keywords),
    languages: list(values.languages || 'de'),
    responsibilities: responsibilities(values.responsibilities),
    elsewhere: optional(values.elsewhereName)
      ? { name: values.elsewhereName!.trim(), url: optional(values.elsewhereUrl), note: optional(values.elsewhereNote) }
      : undefined,
    translations: en ? { en } : {},
  };
}

function serviceToForm(content: ServiceContent): Values {
  const values: Values = {
    name: content.name,
    summary: content.summary,
    description: content.description ?? '',
    plainLanguage: content.plainLanguage ?? '',
    leikaKey: content.leikaKey ?? '',
    ozgId: content.ozgId ?? '',
    ozgType: content.ozgType ? String(content.ozgType) : '',
    prerequisites: content.prerequisites.join('\n'),
    documents: content.documents.join('\n'),
    costsKind: content.costs.kind,
    costsText: content.costs.text ?? '',
    costsAmount: content.costs.kind === 'fixed' ? euroText(content.costs.amount) : '',
    costsMin: content.costs.kind === 'range' ? euroText(content.costs.min) : '',
    costsMax: content.costs.kind === 'range' ? euroText(content.costs.max) : '',
    deadlines: content.deadlines ?? '',
    processingTime: content.processingTime ?? '',
    steps: content.steps.join('\n'),
    legalBases: linkText(content.legalBases),
    forms: linkText(content.forms),
    onlineUrl: content.onlineService?.url ?? '',
    onlineLabel: content.onlineService?.label ?? '',
    bookable: content.bookable ? 'yes' : '',
    notes: content.notes ?? '',
    legalRemedy: content.legalRemedy ?? '',
    keywords: content.keywords.join(', '),
    languages: content.languages.join(', '),
    responsibilities: content.responsibilities
      .map((r) => [r.office ?? '', r.contact ?? '', r.letters ?? '', (r.localities ?? []).join(', ')].join(' | ').replace(/( \| )+$/, ''))
      .join('\n'),
    elsewhereName: content.elsewhere?.name ?? '',
    elsewhereUrl: content.elsewhere?.url ?? '',
    elsewhereNote: content.elsewhere?.note ?? '',
    ...englishToForm(content.translations.en),
  };
  for (const slug of content.lifeSituations) values[`lifeSituations.${slug}`] = 'yes';
  for (const slug of content.businessSituations) values[`businessSituations.${slug}`] = 'yes';
  return values;
}

/** "Mo 08:00-12:00" lines; an unreadable line is reported with its number. */
function hoursFromForm(value: string | undefined, errors: Record<string, string>, t: CatalogTranslate) {
  return lines(value).flatMap((line, index) => {
    const match = /^(mo|di|mi|do|fr|sa|so)\w*\.?\s+(\d{1,2}:\d{2})\s*[-–]\s*(\d{1,2}:\d{2})$/i.exec(line);
    if (!match) {
      errors.hours ??= t('invalid.line', { line: index + 1, text: line });
      return [];
    }
    return [{ day: DAYS.indexOf(match[1]!.toLowerCase()) + 1, opens: match[2]!.padStart(5, '0'), closes: match[3]!.padStart(5, '0') }];
  });
}

function exceptionsFromForm(value: string | undefined, errors: Record<string, string>, t: CatalogTranslate) {
  return lines(value).flatMap((line, index) => {
    const match = /^(\d{4}-\d{2}-\d{2})\s+(?:(geschlossen|closed)|(\d{1,2}:\d{2})\s*[-–]\s*(\d{1,2}:\d{2}))\s*(.*)$/i.exec(line);
    if (!match) {
      errors.exceptions ??= t('invalid.line', { line: index + 1, text: line });
      return [];
    }
    const [, date, closed, opens, closes, note] = match;
    return [
      {
        date: date!,
        closed: Boolean(closed),
        ...(opens ? { opens: opens.padStart(5, '0'), closes: closes!.padStart(5, '0') } : {}),
        note: optional(note),
      },
    ];
  });
}

function officeFromForm(values: Values, errors: Record<string, string>, t: CatalogTranslate) {
  const coordinate = (value: string | undefined) => (value?.trim() ? Number(value.replace(',', '.')) : undefined);
  return {
    name: values.name,
    description: optional(values.description),
    street: values.street,
    postalCode: values.postalCode,
    city: values.city,
    latitude: coordinate(values.latitude),
    longitude: coordinate(values.longitude),
    stepFree: yes(values.stepFree),
    parking: yes(values.parking),
    accessibilityNote: optional(values.accessibilityNote),
    hours: hoursFromForm(values.hours, errors, t),
    exceptions: exceptionsFromForm(values.exceptions, errors, t),
    closedOnHolidays: yes(values.closedOnHolidays),
    phone: optional(values.phone),
    email: optional(values.email),
    contactFormUrl: optional(values.contactFormUrl),
    translations: officeEnglishFromForm(values),
  };
}

/** "2026-12-24 Christmas Eve" lines: the English notes of the exceptions. */
function officeEnglishFromForm(values: Values) {
  const notes = Object.fromEntries(lines(values.enExceptionNotes).map((line) => [line.slice(0, 10), line.slice(10).trim()]));
  const english = {
    name: optional(values.enName),
    description: optional(values.enDescription),
    accessibilityNote: optional(values.enAccessibilityNote),
    exceptionNotes: Object.keys(notes).length ? notes : undefined,
  };
  return Object.values(english).some(Boolean) ? { en: english } : {};
}

function officeToForm(content: OfficeContent): Values {
  const en = content.translations.en;
  return {
    name: content.name,
    description: content.description ?? '',
    street: content.street,
    postalCode: content.postalCode,
    city: content.city,
    latitude: content.latitude === undefined ? '' : String(content.latitude),
    longitude: content.longitude === undefined ? '' : String(content.longitude),
    stepFree: content.stepFree ? 'yes' : '',
    parking: content.parking ? 'yes' : '',
    accessibilityNote: content.accessibilityNote ?? '',
    hours: content.hours
      .map((slot) => `${DAYS[slot.day - 1]!.replace(/^./, (c) => c.toUpperCase())} ${slot.opens}-${slot.closes}`)
      .join('\n'),
    exceptions: content.exceptions
      .map((e) => [e.date, e.closed ? 'geschlossen' : `${e.opens}-${e.closes}`, e.note ?? ''].join(' ').trim())
      .join('\n'),
    closedOnHolidays: content.closedOnHolidays ? 'yes' : '',
    phone: content.phone ?? '',
    email: content.email ?? '',
    contactFormUrl: content.contactFormUrl ?? '',
    enName: en?.name ?? '',
    enDescription: en?.description ?? '',
    enAccessibilityNote: en?.accessibilityNote ?? '',
    enExceptionNotes: Object.entries(en?.exceptionNotes ?? {})
      .map(([date, note]) => `${date} ${note}`)
      .join('\n'),
  };
}

function contactFromForm(values: Values) {
  return {
    name: values.name,
    role: values.role,
    office: optional(values.office),
    phone: optional(values.phone),
    email: optional(values.email),
    room: optional(values.room),
    translations: optional(values.enRole) ? { en: { role: values.enRole!.trim() } } : {},
  };
}

function contactToForm(content: ContactContent): Values {
  return {
    name: content.name,
    role: content.role,
    office: content.office ?? '',
    phone: content.phone ?? '',
    email: content.email ?? '',
    room: content.room ?? '',
    enRole: content.translations.en?.role ?? '',
  };
}

export function contentToForm(kind: EntryKind, content: AnyContent): Values {
  if (kind === 'service') return serviceToForm(content as ServiceContent);
  if (kind === 'office') return officeToForm(content as OfficeContent);
  return contactToForm(content as ContactContent);
}

/** Which form field shows the error for a path in the content. */
function fieldFor(path: PropertyKey[]): string {
  const [first, second, third] = path.map(String);
  if (first === 'costs') return second === 'kind' ? 'costsKind' : `costs${(second ?? 'kind').replace(/^./, (c) => c.toUpperCase())}`;
  if (first === 'onlineService') return second === 'label' ? 'onlineLabel' : 'onlineUrl';
  if (first === 'elsewhere') return `elsewhere${(second ?? 'name').replace(/^./, (c) => c.toUpperCase())}`;
  if (first === 'translations') return enField(third ?? 'name');
  return first ?? 'name';
}

export function issueMessages(issues: z.core.$ZodIssue[], t: CatalogTranslate): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const field = fieldFor(issue.path);
    if (errors[field]) continue;
    const tooShort = issue.code === 'too_small' && issue.origin === 'string';
    errors[field] =
      tooShort || (issue.code === 'invalid_type' && issue.input === undefined)
        ? t('invalid.required')
        : issue.code === 'too_big'
          ? t('invalid.tooLong')
          : issue.code === 'invalid_type' && issue.expected === 'number'
            ? t('invalid.number')
            : t('invalid.format');
  }
  return errors;
}

export function contentFromForm(kind: EntryKind, values: Values, t: CatalogTranslate): Decoded {
  const errors: Record<string, string> = {};
  const raw =
    kind === 'service' ? serviceFromForm(values) : kind === 'office' ? officeFromForm(values, errors, t) : contactFromForm(values);
  const parsed = contentSchemas[kind].safeParse(raw);
  if (!parsed.success) Object.assign(errors, { ...issueMessages(parsed.error.issues, t), ...errors });
  return Object.keys(errors).length > 0 || !parsed.success ? { errors } : { content: parsed.data, errors };
}
