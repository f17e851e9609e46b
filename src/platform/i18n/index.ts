// Translation: German first, English second. The language comes from the `lang` cookie, set by the switch link.
import { de, type MessageKey } from './de.js';
import { en } from './en.js';

export type Lang = 'de' | 'en';
export const languages: Lang[] = ['de', 'en'];
export type { MessageKey };
export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

const dictionaries: Record<Lang, Record<MessageKey, string>> = { de, en };

export function translator(lang: Lang): Translate {
  return messages(dictionaries)(lang);
}

/** A translator over a module's own dictionaries; `{name}` placeholders are filled from params. */
export function messages<K extends string>(byLang: Record<Lang, Record<K, string>>) {
  return (lang: Lang) =>
    (key: K, params?: Record<string, string | number>): string => {
      const text = byLang[lang][key];
      if (!params) return text;
      return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
    };
}

export function parseLang(value: unknown): Lang | undefined {
  return value === 'de' || value === 'en' ? value : undefined;
}

const berlin = { de: 'de-DE', en: 'en-GB' } as const;

export function formatDateTime(lang: Lang, date: Date): string {
  return new Intl.DateTimeFormat(berlin[lang], { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Berlin' }).format(date);
}

export function formatDate(lang: Lang, date: Date): string {
  return new Intl.DateTimeFormat(berlin[lang], { dateStyle: 'medium', timeZone: 'Europe/Berlin' }).format(date);
}

export function formatTime(lang: Lang, date: Date): string {
  return new Intl.DateTimeFormat(berlin[lang], { timeStyle: 'short', timeZone: 'Europe/Berlin' }).format(date);
}
