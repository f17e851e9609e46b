// Published content as citizens and API clients see it: in their language where a translation exists,
// costs as text, and schema.org GovernmentService for search engines.
import type { Lang } from '../../platform/i18n/index.js';
import type { Costs, ServiceContent } from './schema.js';
import type { CatalogTranslate } from './texts.js';

export type LocalizedService = ServiceContent & { translated: boolean };

export function localize(content: ServiceContent, lang: Lang): LocalizedService {
  const english = lang === 'en' ? content.translations.en : undefined;
  if (!english) return { ...content, translated: lang === 'de' };
  return {
    ...content,
    name: english.name,
    summary: english.summary,
    description: english.description ?? content.description,
    documents: english.documents ?? content.documents,
    steps: english.steps ?? content.steps,
    notes: english.notes ?? content.notes,
    translated: Boolean(english.description) || !content.description,
  };
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
