// Published content as citizens and API clients see it: in their language where a translation exists,
// costs as text, and schema.org GovernmentService for search engines.
import type { Lang } from '../../platform/i18n/index.js';
import type { ContactContent, Costs, OfficeContent, ServiceContent } from './schema.js';
import type { CatalogTranslate } from './texts.js';
import type { ServiceNameRow } from './repo.js';
import type { ServiceLink } from './views/public.js';

/** `german`: the fields shown in German because the town has not translated them (marked lang="de" on the page). */
export type LocalizedService = ServiceContent & { translated: boolean; german: Set<GermanField> };

/** The texts of a service a citizen reads; each has its English counterpart in `translations.en`. */
const TEXT_FIELDS = [
  'description',
  'plainLanguage',
  'prerequisites',
  'documents',
  'steps',
  'deadlines',
  'processingTime',
  'notes',
  'legalRemedy',
] as const;
export type GermanField = 'name' | 'summary' | (typeof TEXT_FIELDS)[number] | 'costsText' | 'elsewhereNote';

const filled = (value: unknown) => value !== undefined && value !== '' && (!Array.isArray(value) || value.length > 0);

/** The service in the reader's language: each text from the English version where there is one, otherwise German. */
export function localize(content: ServiceContent, lang: Lang): LocalizedService {
  if (lang === 'de') return { ...content, translated: true, german: new Set() };
  const english = content.translations.en;
  const german = new Set<GermanField>();
  const localized: ServiceContent = { ...content, name: english?.name ?? content.name, summary: english?.summary ?? content.summary };
  if (!english) german.add('name').add('summary');
  for (const field of TEXT_FIELDS) {
    if (filled(english?.[field])) Object.assign(localized, { [field]: english![field] });
    else if (filled(content[field])) german.add(field);
  }
  if (english?.costsText) localized.costs = { ...content.costs, text: english.costsText };
  else if (content.costs.text) german.add('costsText');
  if (content.elsewhere && english?.elsewhereNote) localized.elsewhere = { ...content.elsewhere, note: english.elsewhereNote };
  else if (content.elsewhere?.note) german.add('elsewhereNote');
  return { ...localized, translated: german.size === 0, german };
}

/** An office in the reader's language; `german` when some of its texts exist only in German. */
export function localizeOffice(office: OfficeContent, lang: Lang): OfficeContent & { german: boolean } {
  const english = office.translations.en;
  if (lang === 'de') return { ...office, german: false };
  const exceptions = office.exceptions.map((day) => (day.note ? { ...day, note: english?.exceptionNotes?.[day.date] ?? day.note } : day));
  const german =
    !english?.name ||
    (Boolean(office.description) && !english.description) ||
    (Boolean(office.accessibilityNote) && !english.accessibilityNote) ||
    office.exceptions.some((day) => day.note && !english.exceptionNotes?.[day.date]);
  return {
    ...office,
    name: english?.name ?? office.name,
    description: english?.description ?? office.description,
    accessibilityNote: english?.accessibilityNote ?? office.accessibilityNote,
    exceptions,
    german,
  };
}

/** A contact person in the reader's language: the role is the only text. */
export function localizeContact(contact: ContactContent, lang: Lang): ContactContent & { german: boolean } {
  const role = lang === 'en' ? contact.translations.en?.role : contact.role;
  return { ...contact, role: role ?? contact.role, german: !role };
}

export function money(lang: Lang, amount: number): string {
  return new Intl.NumberFormat(lang === 'de' ? 'de-DE' : 'en-GB', { style: 'currency', currency: 'EUR' }).format(amount);
}

export function costsText(costs: Costs, lang: Lang, t: CatalogTranslate): string {
  const main =
    costs.kind === 'free'
      ? t('costs.free')
      : costs.kind === 'fixed'
        ? t('costs.fixed', { amount: money(lang, costs.amount) })
        : costs.kind === 'range'
          ? t('costs.range', { min: money(lang, costs.min), max: money(lang, costs.max) })
          : '';
  return [main, costs.text].filter(Boolean).join(' – ');
}

/** Links to services in the reader's language; in English, a service without translation is shown in German
 * (and marked so). */
export function serviceLinks(rows: ServiceNameRow[], lang: Lang): ServiceLink[] {
  return rows.map((row) =>
    lang === 'en' && row.name_en
      ? { slug: row.slug, name: row.name_en, summary: row.summary_en ?? row.summary, german: false }
      : { slug: row.slug, name: row.name, summary: row.summary, german: lang === 'en' },
  );
}
