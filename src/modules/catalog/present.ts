// Published content as citizens and API clients see it: in their language where a translation exists,
// costs as text, and schema.org GovernmentService for search engines.
import type { Lang } from '../../platform/i18n/index.js';
import type { Costs, ServiceContent } from './schema.js';
import type { CatalogTranslate } from './texts.js';

/** `german`: the fields shown in German because the town has not translated them (marked lang="de" on the page). */
export type LocalizedService = ServiceContent & { translated: boolean; german: Set<GermanField> };

/** Fields a service page may show in German on an English page: the translatable ones, and those kept only in German. */
export type GermanField = 'name' | 'summary' | 'description' | 'documents' | 'steps' | 'notes' | 'details';

export function localize(content: ServiceContent, lang: Lang): LocalizedService {
  if (lang === 'de') return { ...content, translated: true, german: new Set() };
  const english = content.translations.en;
  const german = new Set<GermanField>();
  const details = [content.costs.text, content.processingTime, content.deadlines, content.plainLanguage, content.legalRemedy].some(Boolean) || content.prerequisites.length + content.legalBases.length + content.forms.length > 0;
  if (details) german.add('details');
  const pick = <K extends 'description' | 'documents' | 'steps' | 'notes'>(field: K): ServiceContent[K] => {
    const value = english?.[field];
    if (value !== undefined) return value as ServiceContent[K];
    const fallback = content[field];
    if (fallback !== undefined && (!Array.isArray(fallback) || fallback.length > 0)) german.add(field);
    return fallback;
  };
  if (!english) german.add('name').add('summary');
  const localized = { ...content, name: english?.name ?? content.name, summary: english?.summary ?? content.summary, description: pick('description'), documents: pick('documents'), steps: pick('steps'), notes: pick('notes') };
  return { ...localized, translated: german.size === 0, german };
}

export function money(lang: Lang, amount: number): string {
  return new Intl.NumberFormat(lang === 'de' ? 'de-DE' : 'en-GB', { style: 'currency', currency: 'EUR' }).format(amount);
}

export function costsText(costs: Costs, lang: Lang, t: CatalogTranslate): string {
  const main = costs.kind === 'free' ? t('costs.free')
    : costs.kind === 'fixed' ? t('costs.fixed', { amount: money(lang, costs.amount) })
    : costs.kind === 'range' ? t('costs.range', { min: money(lang, costs.min), max: money(lang, costs.max) })
    : '';
  return [main, costs.text].filter(Boolean).join(' – ');
}

/** schema.org GovernmentService as JSON-LD; `<` is escaped so the text can never close the script element. */
export function governmentServiceJsonLd(service: ServiceContent, url: string, town: string): string {
  const data = {
    '@context': 'https://schema.org',
    '@type': 'GovernmentService',
    name: service.name,
    description: service.summary,
    url,
    serviceType: service.name,
    provider: { '@type': 'GovernmentOrganization', name: service.elsewhere?.name ?? town },
    areaServed: { '@type': 'City', name: town },
    ...(service.onlineService ? { availableChannel: { '@type': 'ServiceChannel', serviceUrl: service.onlineService.url } } : {}),
    ...(service.costs.kind === 'fixed' ? { offers: { '@type': 'Offer', price: service.costs.amount, priceCurrency: 'EUR' } } : {}),
    ...(service.leikaKey ? { identifier: service.leikaKey } : {}),
  };
  return JSON.stringify(data).replace(/</g, '\\u003c');
}
