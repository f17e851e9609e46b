// The fixed vocabularies of the catalog: entry kinds, revision states, OZG types and the life and business situations.
export const ENTRY_KINDS = ['service', 'office', 'contact'] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

export const REVISION_STATUSES = ['draft', 'review', 'published', 'superseded', 'rejected'] as const;
export type RevisionStatus = (typeof REVISION_STATUSES)[number];

/** OZG types: 1 = federal rule and execution … 5 = municipal rule and execution. */
export const OZG_TYPES = [1, 2, 3, 4, 5] as const;

export type Situation = { slug: string; de: string; en: string };

/** Lebenslagen as the federal portal groups them. */
export const LIFE_SITUATIONS: Situation[] = [
  { slug: 'umzug', de: 'Umzug und Wohnen', en: 'Moving and housing' },
  { slug: 'ausweise', de: 'Ausweise und Dokumente', en: 'ID cards and documents' },
  { slug: 'familie', de: 'Familie und Kinder', en: 'Family and children' },
  { slug: 'geburt-ehe-tod', de: 'Geburt, Ehe und Todesfall', en: 'Birth, marriage and death' },
  { slug: 'tiere', de: 'Haustiere', en: 'Pets' },
  { slug: 'bauen', de: 'Bauen und Grundstück', en: 'Building and property' },
  { slug: 'mobilitaet', de: 'Auto und Verkehr', en: 'Car and traffic' },
  { slug: 'soziales', de: 'Geld und soziale Hilfen', en: 'Money and social support' },
  { slug: 'bildung', de: 'Schule, Ausbildung und Studium', en: 'School, training and studies' },
  { slug: 'wahlen', de: 'Wahlen und Ehrenamt', en: 'Elections and volunteering' },
  { slug: 'abfall-umwelt', de: 'Abfall und Umwelt', en: 'Waste and environment' },
  { slug: 'freizeit', de: 'Feste, Veranstaltungen und Freizeit', en: 'Events and leisure' },
  { slug: 'ordnung', de: 'Sicherheit und Ordnung', en: 'Safety and public order' },
];

/** Unternehmenslagen. */
export const BUSINESS_SITUATIONS: Situation[] = [
  { slug: 'gruendung', de: 'Gründung und Gewerbe', en: 'Starting a business' },
  { slug: 'bauen-betrieb', de: 'Bauen und Betriebsstätte', en: 'Premises and construction' },
  { slug: 'steuern-abgaben', de: 'Steuern und Abgaben', en: 'Taxes and charges' },
  { slug: 'veranstaltungen', de: 'Veranstaltungen und Sondernutzung', en: 'Events and use of public space' },
  { slug: 'infrastruktur', de: 'Versorgung und Infrastruktur', en: 'Utilities and infrastructure' },
  { slug: 'foerderung', de: 'Förderung', en: 'Funding' },
];

export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
