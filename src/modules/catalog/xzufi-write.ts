// Writes the catalog as XZuFi 2.2 XML: Leistung, Organisationseinheit, Zuständigkeit and Onlinedienst with their
// core elements; text modules carry our mapping of the LeiKa module types (see docs/catalog-exchange.md).
import type { ExchangeEntry } from './exchange-model.js';
import type { ContactContent, OfficeContent, ServiceContent } from './schema.js';

export const XZUFI_NS = 'http://xoev.de/schemata/xzufi/2_2_0';
export const TEXT_MODULES = {
  name: '01',
  description: '02',
  documents: '03',
  prerequisites: '04',
  steps: '06',
  processingTime: '07',
  deadlines: '08',
  notes: '10',
  legalRemedy: '12',
  summary: '13',
  plainLanguage: '16',
} as const;

const escapeXml = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function element(
  name: string,
  attributes: Record<string, string | number | boolean | undefined>,
  children: string[] | string = [],
): string {
  const attrs = Object.entries(attributes)
    .filter(([, value]) => value !== undefined && value !== '')
    .map(([key, value]) => ` ${key}="${escapeXml(String(value))}"`)
    .join('');
  const body = Array.isArray(children) ? children.join('') : escapeXml(children);
  return body ? `<xzufi:${name}${attrs}>${body}</xzufi:${name}>` : `<xzufi:${name}${attrs}/>`;
}

const texts = (name: string, values: string[]) => values.map((value) => element(name, {}, value));
/** A text in German and, where there is one, English: the element twice, the second with xml:lang="en". */
const bilingual = (name: string, de: string | undefined, en: string | undefined) =>
  de ? [element(name, {}, de), ...(en ? [element(name, { 'xml:lang': 'en' }, en)] : [])] : [];

function textModule(code: string, de: string | string[] | undefined, en?: string | string[]): string {
  if (de === undefined || (Array.isArray(de) && de.length === 0)) return '';
  const content = (lang: string, value: string | string[]) =>
    Array.isArray(value)
      ? element('inhalt', { 'xml:lang': lang }, texts('eintrag', value))
      : element('inhalt', { 'xml:lang': lang }, value);
  return element('modulText', { leikaTyp: code }, [content('de', de), ...(en ? [content('en', en)] : [])]);
}

function service(entry: ExchangeEntry): string[] {
  const s = entry.content as ServiceContent;
  const en = s.translations.en;
  const links = (name: string, items: { title: string; url?: string }[]) =>
    items.length
      ? element(
          name,
          {},
          items.map((item) => element('verweis', { titel: item.title, uri: item.url })),
        )
      : '';
  const leistung = element('leistung', { id: entry.slug, einheit: entry.unit, pruefintervallMonate: entry.reviewMonths }, [
    s.leikaKey ? element('referenzLeiKa', {}, s.leikaKey) : '',
    s.ozgId ? element('ozgId', {}, s.ozgId) : '',
    s.ozgType ? element('typisierung', {}, String(s.ozgType)) : '',
    textModule(TEXT_MODULES.name, s.name, en?.name),
    textModule(TEXT_MODULES.summary, s.summary, en?.summary),
    textModule(TEXT_MODULES.description, s.description, en?.description),
    textModule(TEXT_MODULES.plainLanguage, s.plainLanguage, en?.plainLanguage),
    textModule(TEXT_MODULES.documents, s.documents, en?.documents),
    textModule(TEXT_MODULES.prerequisites, s.prerequisites, en?.prerequisites),
    textModule(TEXT_MODULES.steps, s.steps, en?.steps),
    textModule(TEXT_MODULES.processingTime, s.processingTime, en?.processingTime),
    textModule(TEXT_MODULES.deadlines, s.deadlines, en?.deadlines),
    textModule(TEXT_MODULES.notes, s.notes, en?.notes),
    textModule(TEXT_MODULES.legalRemedy, s.legalRemedy, en?.legalRemedy),
    element(
      'modulKosten',
      {
        art: s.costs.kind,
        betrag: 'amount' in s.costs ? s.costs.amount : undefined,
        min: 'min' in s.costs ? s.costs.min : undefined,
        max: 'max' in s.costs ? s.costs.max : undefined,
      },
      bilingual('beschreibung', s.costs.text, en?.costsText),
    ),
    links('modulRechtsgrundlage', s.legalBases),
    links('modulFormular', s.forms),
    ...texts('lebenslage', s.lifeSituations),
    ...texts('unternehmenslage', s.businessSituations),
    ...texts('suchbegriff', s.keywords),
    ...texts('sprache', s.languages),
    s.bookable ? element('terminBuchbar', {}, 'true') : '',
    s.elsewhere
      ? element(
          'zustaendigAndereStelle',
          { name: s.elsewhere.name, uri: s.elsewhere.url },
          bilingual('hinweis', s.elsewhere.note, en?.elsewhereNote),
        )
      : '',
  ]);
  const online = s.onlineService
    ? [
        element(
          'onlinedienst',
          { leistung: entry.slug, uri: s.onlineService.url },
          s.onlineService.label ? [element('bezeichnung', {}, s.onlineService.label)] : [],
        ),
      ]
    : [];
  const responsibilities = s.responsibilities.map((r) =>
    element(
      'zustaendigkeit',
      { leistung: entry.slug, organisationseinheit: r.office, ansprechpartner: r.contact, buchstaben: r.letters },
      texts('ort', r.localities ?? []),
    ),
  );
  return [leistung, ...online, ...responsibilities];
}

function office(entry: ExchangeEntry): string {
  const o = entry.content as OfficeContent;
  const en = o.translations.en;
  return element('organisationseinheit', { id: entry.slug, einheit: entry.unit, pruefintervallMonate: entry.reviewMonths }, [
    ...bilingual('name', o.name, en?.name),
    ...bilingual('beschreibung', o.description, en?.description),
    element('anschrift', { strasse: o.street, postleitzahl: o.postalCode, ort: o.city, breite: o.latitude, laenge: o.longitude }),
    element(
      'barrierefreiheit',
      { stufenlos: o.stepFree, parkplatz: o.parking },
      bilingual('hinweis', o.accessibilityNote, en?.accessibilityNote),
    ),
    ...o.hours.map((slot) => element('oeffnungszeit', { tag: slot.day, von: slot.opens, bis: slot.closes })),
    ...o.exceptions.map((day) =>
      element('abweichung', {
        datum: day.date,
        geschlossen: day.closed,
        von: day.opens,
        bis: day.closes,
        hinweis: day.note,
        hinweisEn: en?.exceptionNotes?.[day.date],
      }),
    ),
    element('feiertageGeschlossen', {}, String(o.closedOnHolidays)),
    element('kommunikation', { telefon: o.phone, email: o.email, kontaktformular: o.contactFormUrl }),
  ]);
}

function contact(entry: ExchangeEntry): string {
  const c = entry.content as ContactContent;
  return element('ansprechpartner', {
    id: entry.slug,
    einheit: entry.unit,
    pruefintervallMonate: entry.reviewMonths,
    organisationseinheit: c.office,
    name: c.name,
    funktion: c.role,
    funktionEn: c.translations.en?.role,
    telefon: c.phone,
    email: c.email,
    raum: c.room,
  });
}

export function writeXzufi(entries: ExchangeEntry[], producer: string): string {
  const body = entries.flatMap((entry) =>
    entry.kind === 'service' ? service(entry) : entry.kind === 'office' ? [office(entry)] : [contact(entry)],
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<xzufi:transfer xmlns:xzufi="${XZUFI_NS}" version="2.2.0" erzeugtVon="${escapeXml(producer)}" erzeugtAm="${new Date().toISOString()}">\n${body.join('\n')}\n</xzufi:transfer>\n`;
}
