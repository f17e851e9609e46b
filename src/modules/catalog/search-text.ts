// What of an entry's content is searchable, and with which weight: names and keywords count most.
import type { EntryKind } from './constants.js';
import type { AnyContent, ContactContent, OfficeContent, ServiceContent } from './schema.js';

export type WeightedText = { a: string; b: string; c: string };

export function weightedText(kind: EntryKind, content: AnyContent): WeightedText {
  if (kind === 'service') {
    const service = content as ServiceContent;
    const english = service.translations.en;
    return {
      a: [service.name, ...service.keywords].join(' '),
      b: [service.summary, english?.name, english?.summary, service.plainLanguage].filter(Boolean).join(' '),
      c: [service.description, ...service.documents, ...service.prerequisites, ...service.steps].filter(Boolean).join(' '),
    };
  }
  if (kind === 'office') {
    const office = content as OfficeContent;
    return { a: office.name, b: office.description ?? '', c: `${office.street} ${office.city}` };
  }
  const contact = content as ContactContent;
  return { a: contact.name, b: contact.role, c: '' };
}

/** Lower-cased words of the name and keywords: the vocabulary typos are corrected against. */
export function vocabulary(kind: EntryKind, content: AnyContent): string {
  const source = kind === 'service' ? [content.name, ...(content as ServiceContent).keywords] : [content.name];
  const words = source
    .join(' ')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length >= 3);
  return [...new Set(words)].join(' ');
}
