// Reads XZuFi 2.2 XML as written by xzufi-write.ts back into exchange entries. Hostile input is refused before
// parsing: no DOCTYPE or ENTITY declarations (no entity expansion, no external entities), bounded element count and nesting.
import { xmlTooDeep } from '../../platform/http/input-shape.js';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { ExchangeEntry, ImportProblem } from './exchange-model.js';
import { TEXT_MODULES } from './xzufi-write.js';

type Node = Record<string, unknown>;
export type ParsedFile = { entries: ExchangeEntry[]; problems: ImportProblem[] };
export class UnsafeXml extends Error {
  constructor(
    readonly reason: 'doctype' | 'tooLarge' | 'malformed',
    detail: string = reason,
  ) {
    super(detail);
  }
}

const MAX_ELEMENTS = 100_000;

const repeated = new Set([
  'leistung',
  'organisationseinheit',
  'ansprechpartner',
  'zustaendigkeit',
  'onlinedienst',
  'modulText',
  'inhalt',
  'eintrag',
  'verweis',
  'lebenslage',
  'unternehmenslage',
  'suchbegriff',
  'sprache',
  'ort',
  'oeffnungszeit',
  'abweichung',
  'name',
  'beschreibung',
  'hinweis',
]);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  isArray: (name, _path, _leaf, isAttribute) => !isAttribute && repeated.has(name),
});

const list = (value: unknown): Node[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]) as Node[];
const text = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : value && typeof value === 'object' && '#text' in value ? String((value as Node)['#text']) : undefined;
const strings = (value: unknown): string[] =>
  list(value)
    .map(text)
    .filter((item): item is string => item !== undefined);
const number = (value: unknown): number | undefined => (typeof value === 'string' && value !== '' ? Number(value) : undefined);
const bool = (value: unknown): boolean => value === 'true';
/** The German or English one of an element written twice (the English with xml:lang="en"). */
const inLanguage = (value: unknown, lang: 'de' | 'en') =>
  text(list(value).find((item) => ((typeof item === 'object' && item.lang) || 'de') === lang));

function moduleText(leistung: Node, code: string, lang: 'de' | 'en'): string | string[] | undefined {
  const module = list(leistung.modulText).find((item) => item.leikaTyp === code);
  const content =
    list(module?.inhalt).find((item) => (typeof item === 'object' ? (item.lang ?? 'de') : 'de') === lang) ??
    (lang === 'de' && typeof module?.inhalt === 'string' ? module.inhalt : undefined);
  if (content === undefined) return undefined;
  if (typeof content === 'object' && 'eintrag' in content) return strings(content.eintrag);
  return text(content);
}

const links = (node: unknown) =>
  list((node as Node | undefined)?.verweis).map((item) => ({
    title: String(item.titel ?? ''),
    ...(item.uri ? { url: String(item.uri) } : {}),
  }));

function service(leistung: Node, online: Node[], responsibilities: Node[]): ExchangeEntry {
  const slug = String(leistung.id ?? '');
  const de = (key: keyof typeof TEXT_MODULES) => moduleText(leistung, TEXT_MODULES[key], 'de');
  const en = (key: keyof typeof TEXT_MODULES) => moduleText(leistung, TEXT_MODULES[key], 'en');
  const costs = (leistung.modulKosten ?? { art: 'free' }) as Node;
  const elsewhere = leistung.zustaendigAndereStelle as Node | undefined;
  const onlineService = online.find((item) => item.leistung === slug);
  const english = en('name')
    ? {
        ...Object.fromEntries(Object.keys(TEXT_MODULES).map((key) => [key, en(key as keyof typeof TEXT_MODULES)])),
        costsText: inLanguage(costs.beschreibung, 'en'),
        elsewhereNote: elsewhere ? inLanguage(elsewhere.hinweis, 'en') : undefined,
      }
    : undefined;
  return {
    kind: 'service',
    slug,
    unit: leistung.einheit as string | undefined,
    reviewMonths: number(leistung.pruefintervallMonate),
    content: {
      name: de('name'),
      summary: de('summary'),
      description: de('description'),
      plainLanguage: de('plainLanguage'),
      leikaKey: text(leistung.referenzLeiKa),
      ozgId: text(leistung.ozgId),
      ozgType: number(text(leistung.typisierung)),
      lifeSituations: strings(leistung.lebenslage),
      businessSituations: strings(leistung.unternehmenslage),
      documents: de('documents') ?? [],
      prerequisites: de('prerequisites') ?? [],
      steps: de('steps') ?? [],
      processingTime: de('processingTime'),
      deadlines: de('deadlines'),
      notes: de('notes'),
      legalRemedy: de('legalRemedy'),
      costs: {
        kind: costs.art,
        amount: number(costs.betrag),
        min: number(costs.min),
        max: number(costs.max),
        text: inLanguage(costs.beschreibung, 'de'),
      },
      legalBases: links(leistung.modulRechtsgrundlage),
      forms: links(leistung.modulFormular),
      keywords: strings(leistung.suchbegriff),
      languages: strings(leistung.sprache),
      bookable: bool(text(leistung.terminBuchbar)),
      elsewhere: elsewhere ? { name: elsewhere.name, url: elsewhere.uri, note: inLanguage(elsewhere.hinweis, 'de') } : undefined,
      onlineService: onlineService ? { url: onlineService.uri, label: text(onlineService.bezeichnung) } : undefined,
      responsibilities: responsibilities
        .filter((item) => item.leistung === slug)
        .map((item) => ({
          office: item.organisationseinheit,
          contact: item.ansprechpartner,
          letters: item.buchstaben,
          localities: item.ort ? strings(item.ort) : undefined,
        })),
      translations: english ? { en: english } : {},
    },
  };
}

function officeEnglish(node: Node, access: Node) {
  const notes = Object.fromEntries(
    list(node.abweichung)
      .filter((day) => day.hinweisEn)
      .map((day) => [day.datum, day.hinweisEn]),
  );
  const english = {
    name: inLanguage(node.name, 'en'),
    description: inLanguage(node.beschreibung, 'en'),
    accessibilityNote: inLanguage(access.hinweis, 'en'),
    exceptionNotes: Object.keys(notes).length ? notes : undefined,
  };
  return Object.values(english).some(Boolean) ? { en: english } : {};
}

function office(node: Node): ExchangeEntry {
  const address = (node.anschrift ?? {}) as Node;
  const access = (node.barrierefreiheit ?? {}) as Node;
  const contact = (node.kommunikation ?? {}) as Node;
  return {
    kind: 'office',
    slug: String(node.id ?? ''),
    unit: node.einheit as string | undefined,
    reviewMonths: number(node.pruefintervallMonate),
    content: {
      name: inLanguage(node.name, 'de'),
      description: inLanguage(node.beschreibung, 'de'),
      street: address.strasse,
      postalCode: address.postleitzahl,
      city: address.ort,
      latitude: number(address.breite),
      longitude: number(address.laenge),
      stepFree: bool(access.stufenlos),
      parking: bool(access.parkplatz),
      accessibilityNote: inLanguage(access.hinweis, 'de'),
      hours: list(node.oeffnungszeit).map((slot) => ({ day: number(slot.tag), opens: slot.von, closes: slot.bis })),
      exceptions: list(node.abweichung).map((day) => ({
        date: day.datum,
        closed: bool(day.geschlossen),
        opens: day.von,
        closes: day.bis,
        note: day.hinweis,
      })),
      closedOnHolidays: bool(text(node.feiertageGeschlossen)),
      phone: contact.telefon,
      email: contact.email,
      contactFormUrl: contact.kontaktformular,
      translations: officeEnglish(node, access),
    },
  };
}

function contact(node: Node): ExchangeEntry {
  return {
    kind: 'contact',
    slug: String(node.id ?? ''),
    unit: node.einheit as string | undefined,
    reviewMonths: number(node.pruefintervallMonate),
    content: {
      name: node.name,
      role: node.funktion,
      office: node.organisationseinheit,
      phone: node.telefon,
      email: node.email,
      room: node.raum,
      translations: node.funktionEn ? { en: { role: node.funktionEn } } : {},
    },
  };
}

export function readXzufi(xml: string): ParsedFile {
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) throw new UnsafeXml('doctype');
  if ((xml.match(/</g)?.length ?? 0) > MAX_ELEMENTS || xmlTooDeep(xml)) throw new UnsafeXml('tooLarge');
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new UnsafeXml('malformed', `${valid.err.msg} (line ${valid.err.line})`);
  const root = (parser.parse(xml) as Node).transfer as Node | undefined;
  if (!root || typeof root !== 'object')
    return { entries: [], problems: [{ element: 'transfer', reason: 'missing root element xzufi:transfer' }] };
  const online = list(root.onlinedienst);
  const responsibilities = list(root.zustaendigkeit);
  const services = list(root.leistung).map((node) => service(node, online, responsibilities));
  const known = new Set(services.map((entry) => entry.slug));
  const problems = [...online, ...responsibilities]
    .filter((node) => !known.has(String(node.leistung)))
    .map((node) => ({ element: `leistung ${String(node.leistung)}`, reason: 'refers to a Leistung that is not in the file' }));
  return { entries: [...list(root.organisationseinheit).map(office), ...list(root.ansprechpartner).map(contact), ...services], problems };
}
