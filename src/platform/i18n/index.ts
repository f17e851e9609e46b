// Translation: German first, English second. The language comes from the `lang` cookie, set by the switch link.
import { de, type MessageKey } from './de.js';
import { en } from './en.js';

export type Lang = 'de' | 'en';
export const languages: Lang[] = ['de', 'en'];
export type { MessageKey };
export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

const dictionaries: Record<Lang, Record<MessageKey, string>> = { de, en };

const translators: Record<Lang, Translate> = { de: messages(dictionaries)('de'), en: messages(dictionaries)('en') };

export function translator(lang: Lang): Translate {
  return translators[lang];
}

/**
 * A translator over a module's own dictionaries. `{name}` placeholders are filled from params; a plural choice
 * `{count|# Eintrag|# Einträge}` picks the singular for 1 and the plural otherwise, `#` standing for the number.
 */
export function messages<K extends string>(byLang: Record<Lang, Record<K, string>>) {
  return (lang: Lang) =>
    (key: K, params?: Record<string, string | number>): string => {
      const text = byLang[lang][key];
      if (!params) return text;
      return text
        .replace(/\{(\w+)\|([^|}]*)\|([^}]*)\}/g, (whole, name: string, one: string, other: string) =>
          name in params ? (Number(params[name]) === 1 ? one : other).replaceAll('#', formatCount(lang, params[name]!)) : whole,
        )
        .replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
    };
}

function formatCount(lang: Lang, value: string | number): string {
  return typeof value === 'number' ? value.toLocaleString(berlinLocale[lang]) : value;
}

const berlinLocale = { de: 'de-DE', en: 'en-GB' } as const;

/** "1.000.000" / "1,000,000". */
export function formatNumber(lang: Lang, value: number): string {
  return value.toLocaleString(berlinLocale[lang]);
}

export function parseLang(value: unknown): Lang | undefined {
  return value === 'de' || value === 'en' ? value : undefined;
}

const berlin = { de: 'de-DE', en: 'en-GB' } as const;

// Intl formatters are costly to build; one per language and style is kept.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(lang: Lang, style: 'dateTime' | 'date' | 'time'): Intl.DateTimeFormat {
  const key = `${lang}:${style}`;
  let cached = formatters.get(key);
  if (!cached) {
    const options: Intl.DateTimeFormatOptions =
      style === 'dateTime'
        ? { dateStyle: 'medium', timeStyle: 'short' }
        : style === 'date'
          ? { dateStyle: 'medium' }
          : { timeStyle: 'short' };
    cached = new Intl.DateTimeFormat(berlin[lang], { ...options, timeZone: 'Europe/Berlin' });
    formatters.set(key, cached);
  }
  return cached;
}

export function formatDateTime(lang: Lang, date: Date): string {
  return formatter(lang, 'dateTime').format(date);
}

export function formatDate(lang: Lang, date: Date): string {
  return formatter(lang, 'date').format(date);
}

/** A calendar day as typed in a form ("1964-08-12") as people read it: "12.08.1964" / "12 Aug 1964". */
export function formatDay(lang: Lang, day: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(day) ? formatDate(lang, new Date(`${day}T12:00:00Z`)) : day;
}

export function formatTime(lang: Lang, date: Date): string {
  return formatter(lang, 'time').format(date);
}

const euros = {
  de: new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR' }),
  en: new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'EUR' }),
};

/** "12,50 €" / "€12.50". */
export function formatMoney(lang: Lang, amount: number): string {
  return euros[lang].format(amount);
}

const isoDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar day in Berlin of a moment, as ISO 8601 ("2026-12-03"). */
export function berlinDay(date: Date): string {
  return isoDay.format(date);
}

const berlinOffset = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Berlin', timeZoneName: 'longOffset' });

/** The start of a calendar day in Berlin, from "2026-11-01" or "1.11.2026"; undefined when it is no real date. */
export function parseBerlinDay(value: string): Date | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim()) ?? /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(value.trim());
  if (!match) return undefined;
  const [year, month, day] =
    match[1]!.length === 4 ? [match[1], match[2], match[3]].map(Number) : [match[3], match[2], match[1]].map(Number);
  const utc = Date.UTC(year!, month! - 1, day!);
  const check = new Date(utc);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month! - 1 || check.getUTCDate() !== day) return undefined;
  const offset = /GMT([+-])(\d{2}):(\d{2})/.exec(berlinOffset.format(check));
  const minutes = offset ? (offset[1] === '-' ? -1 : 1) * (Number(offset[2]) * 60 + Number(offset[3])) : 0;
  return new Date(utc - minutes * 60_000);
}
