// The compact shape the demo services are written in; `toContent` expands it to the catalog's content model.
import type { Costs, ServiceContent } from '../../src/modules/catalog/index.js';
import { englishDetails, englishLegalRemedy } from './english.js';

export type SeedService = {
  slug: string;
  unit: string;
  name: string;
  summary: string;
  description?: string;
  ls?: string[];
  bs?: string[];
  kw?: string;
  costs?: Costs;
  docs?: string[];
  pre?: string[];
  steps?: string[];
  time?: string;
  deadlines?: string;
  office?: string;
  contacts?: { slug: string; letters?: string; localities?: string[] }[];
  legal?: [string, string?][];
  online?: string;
  elsewhere?: { name: string; url?: string; note?: string };
  bookable?: boolean;
  ozgType?: 1 | 2 | 3 | 4 | 5;
  notes?: string;
  en?: [string, string];
};

const CLAIM =
  'Gegen einen Bescheid können Sie innerhalb eines Monats nach Bekanntgabe Klage beim Verwaltungsgericht Köln, Appellhofplatz, 50667 Köln, erheben.';

export const eur = (amount: number): Costs => ({ kind: 'fixed', amount });

/** A service the town decides on and charges for ends in a notice, and so names the legal remedy against it. */
const withRemedy = (service: SeedService) => !service.elsewhere && Boolean(service.costs);

export function toContent(service: SeedService): ServiceContent {
  const responsibilities = service.contacts?.length
    ? service.contacts.map((contact) => ({
        office: service.office,
        contact: contact.slug,
        letters: contact.letters,
        localities: contact.localities,
      }))
    : service.office
      ? [{ office: service.office }]
      : [];
  return {
    name: service.name,
    summary: service.summary,
    description: service.description,
    ozgType: service.ozgType,
    lifeSituations: service.ls ?? [],
    businessSituations: service.bs ?? [],
    prerequisites: service.pre ?? [],
    documents: service.docs ?? [],
    costs: service.costs ?? { kind: 'free' },
    deadlines: service.deadlines,
    processingTime: service.time,
    steps: service.steps ?? [],
    legalBases: (service.legal ?? []).map(([title, url]) => ({ title, ...(url ? { url } : {}) })),
    onlineService: service.online ? { url: service.online } : undefined,
    forms: [],
    bookable: service.bookable ?? false,
    notes: service.notes,
    legalRemedy: withRemedy(service) ? CLAIM : undefined,
    keywords: (service.kw ?? '')
      .split(',')
      .map((word) => word.trim())
      .filter(Boolean),
    languages: service.en ? ['de', 'en'] : ['de'],
    responsibilities,
    elsewhere: service.elsewhere,
    translations: service.en
      ? {
          en: {
            name: service.en[0],
            summary: service.en[1],
            ...englishDetails[service.slug],
            ...(withRemedy(service) ? { legalRemedy: englishLegalRemedy } : {}),
          },
        }
      : {},
  };
}
