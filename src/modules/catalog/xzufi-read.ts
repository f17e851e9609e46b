// Reads XZuFi 2.2.0 transfer messages — our own export, and what the Portalverbund's collector service delivers
// from amt24 or service-bw — into exchange entries. Objects come from every `schreibe`, identifiers from `loesche`;
// namespace prefixes are taken from the message, not assumed. Hostile input is refused before parsing: no DOCTYPE
// or ENTITY declarations (no entity expansion, no external entities), bounded element count and nesting.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { xmlTooDeep } from '../../platform/http/input-shape.js';
import type { ExchangeEntry, ImportProblem, ImportReason } from './exchange-model.js';
import { slugPattern, type Responsibility } from './schema.js';
import { CHANNEL, ONLINE_APPLICATION_LINK, RATHAUS_NS, TEXT_MODULE, XZUFI_NS } from './xzufi-codes.js';

type El = Record<string, unknown>;
type Source = { agency: string; id: string };
/** What the importing town is: its editorial office (identifiers of its own objects) and its area. */
export type Reader = { agency: string; regionalKey?: string };
export type ParsedFile = {
  entries: ExchangeEntry[];
  problems: ImportProblem[];
  /** Objects the message withdraws (`loesche`), by identifier; `own` when the town's own office issued it. */
  withdrawn: (Source & { own: boolean })[];
  /** Objects that belong to other areas than the town's, left out. */
  otherAreas: number;
};

export class UnsafeXml extends Error {
  constructor(
    readonly reason: 'doctype' | 'tooLarge' | 'malformed',
    detail: string = reason,
  ) {
    super(detail);
  }
}

const MAX_ELEMENTS = 200_000;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  alwaysCreateTextNode: true,
  isArray: (_name, _path, _leaf, isAttribute) => !isAttribute,
});

/** Element access under the message's own prefixes for the XZuFi and the Rathaus namespace. */
function namespaces(root: El) {
  const prefixOf = (uri: string) => {
    const declaration = Object.entries(root).find(([key, value]) => key.startsWith('@xmlns') && value === uri)?.[0];
    return declaration === undefined ? undefined : declaration === '@xmlns' ? '' : `${declaration.slice('@xmlns:'.length)}:`;
  };
  const xz = prefixOf(XZUFI_NS);
  const ra = prefixOf(RATHAUS_NS);
  const all = (el: El | undefined, name: string, prefix: string | undefined): El[] =>
    prefix === undefined || !el ? [] : ((el[`${prefix}${name}`] as El[] | undefined) ?? []);
  return {
    known: xz !== undefined,
    x: (el: El | undefined, name: string) => all(el, name, xz),
    r: (el: El | undefined, name: string) => all(el, name, ra),
    /** The local name of a child key in the XZuFi namespace, or undefined for any other key. */
    localName: (key: string) => {
      if (xz === undefined || !key.startsWith(xz) || key.startsWith('@') || key.startsWith('#')) return undefined;
      const name = key.slice(xz.length);
      return name.includes(':') ? undefined : name;
    },
  };
}
type Names = ReturnType<typeof namespaces>;

const text = (el: El | undefined): string | undefined => {
  const value = el?.['#text'];
  return value === undefined || value === '' ? undefined : String(value);
};
const attr = (el: El | undefined, name: string): string | undefined => {
  const value = el?.[`@${name}`];
  return value === undefined ? undefined : String(value);
};
const number = (value: string | undefined) =>
  value === undefined || value === '' || Number.isNaN(Number(value)) ? undefined : Number(value);
const codeOf = (el: El | undefined) => text((el?.code as El[] | undefined)?.[0]);
/** The text in a language: an element written once per language (`languageCode`, German where none is given). */
const inLanguage = (elements: El[], lang: 'de' | 'en') =>
  text(elements.find((el) => (attr(el, 'languageCode') ?? attr(el, 'xml:lang') ?? 'de').startsWith(lang)));

// Real messages carry HTML in their texts: lists become items, paragraphs and breaks become line breaks.
const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
const decode = (value: string) =>
  value.replace(/&(#x?[0-9a-f]+|\w+);/gi, (whole, name: string) =>
    name.startsWith('#')
      ? String.fromCodePoint(name[1]?.toLowerCase() === 'x' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1)))
      : (entities[name.toLowerCase()] ?? whole),
  );
const plain = (html: string) =>
  decode(
    html
      .replace(/<br\s*\/?>/gi, '\n')
      .replace(/<\/(p|div|h\d)>\s*/gi, '\n\n')
      .replace(/<[^>]+>/g, ''),
  )
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
const asText = (value: string | undefined) => (value === undefined ? undefined : /<[a-z][\s\S]*>/i.test(value) ? plain(value) : value);
const asList = (value: string | undefined): string[] | undefined => {
  if (value === undefined) return undefined;
  const items = [...value.matchAll(/<li[^>]*>([\s\S]*?)<\/li>/gi)].map((match) => plain(match[1]!)).filter(Boolean);
  if (items.length) return items;
  return (asText(value) ?? '')
    .split('\n')
    .map((line) => line.replace(/^[-•*]\s*/, '').trim())
    .filter(Boolean);
};

function identifierOf(el: El | undefined): Source | undefined {
  const id = text(el)?.trim();
  return id ? { agency: attr(el, 'schemeAgencyID') ?? '', id } : undefined;
}
const key = (source: Source) => `${source.agency}\u0000${source.id}`;

/** A readable, stable address for an imported object: its identifier where that is one, else its name. */
export function slugFor(source: Source, name: string | undefined): string {
  if (slugPattern.test(source.id) && /[a-z]/.test(source.id) && source.id.length <= 80) return source.id;
  const fromName = (name ?? source.id)
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 70)
    .replace(/-+$/, '');
  return fromName.length >= 2 ? fromName : `eintrag-${source.id.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`.slice(0, 80);
}

/** Whether a responsibility's areas include the town (a regional key covers every key it is a prefix of). */
function coversTown(areas: string[], regionalKey: string | undefined): boolean {
  if (!regionalKey || areas.length === 0) return true;
  // An 8-digit municipality key (AGS) names the same town as the 12-digit regional key (ARS).
  const municipality = `${regionalKey.slice(0, 5)}${regionalKey.slice(9, 12)}`;
  return areas.some((area) => regionalKey.startsWith(area) || area === municipality);
}

type Found = { source: Source; node: El };

function serviceEntry(n: Names, reader: Reader, found: Found, problems: ImportProblem[]): ExchangeEntry | undefined {
  const { node, source } = found;
  const modules = n.x(node, 'modulText');
  const module = (moduleCode: string) => modules.find((item) => codeOf(n.x(item, 'leikaTextmodul')[0]) === moduleCode);
  const raw = (moduleCode: string, lang: 'de' | 'en') => inLanguage(n.x(module(moduleCode), 'inhalt'), lang);
  const txt = (moduleCode: string, lang: 'de' | 'en') => asText(raw(moduleCode, lang));
  const lst = (moduleCode: string, lang: 'de' | 'en') => asList(raw(moduleCode, lang));
  const described = (name: string, lang: 'de' | 'en') => asText(inLanguage(n.x(n.x(node, name)[0], 'beschreibung'), lang));
  const name = txt(TEXT_MODULE.name, 'de');
  if (!name) {
    problems.push({ subject: { kind: 'leistung', id: source.id }, reason: 'noServiceName' });
    return undefined;
  }
  const extension = n.r(node, 'leistung')[0];
  const description = txt(TEXT_MODULE.description, 'de');
  // Collector messages often have no short text (15): the first sentence of the full text (04) stands in.
  const summary = txt(TEXT_MODULE.summary, 'de') ?? description?.split(/(?<=[.!?])\s/)[0]?.slice(0, 600) ?? name;
  const legalTitles = lst(TEXT_MODULE.legalBases, 'de') ?? [];
  const legalLinks = n.x(module(TEXT_MODULE.legalBases), 'weiterfuehrenderLink').map((link) => ({
    title: text(n.x(link, 'titel')[0]) ?? text(n.x(link, 'uri')[0]) ?? '',
    url: text(n.x(link, 'uri')[0]),
  }));
  const legalBases = [
    ...legalTitles.map((title) => ({ title, ...withUrl(legalLinks.find((link) => link.title === title)?.url) })),
    ...legalLinks.filter((link) => !legalTitles.includes(link.title)).map((link) => ({ title: link.title, ...withUrl(link.url) })),
  ];
  const costs = n.r(extension, 'kosten')[0];
  const kind = attr(costs, 'art') ?? 'free';
  const costsText = asText(inLanguage(n.x(n.x(node, 'modulKosten')[0], 'beschreibung'), 'de'));
  const englishName = txt(TEXT_MODULE.name, 'en');
  const rTexts = (el: El | undefined, lang: 'de' | 'en') => inLanguage(n.r(el, 'text'), lang);
  const plainLanguage = n.r(extension, 'leichteSprache')[0];
  const elsewhere = n.r(extension, 'zustaendigAndereStelle')[0];
  const english = englishName
    ? {
        name: englishName,
        summary: txt(TEXT_MODULE.summary, 'en'),
        description: txt(TEXT_MODULE.description, 'en'),
        plainLanguage: rTexts(plainLanguage, 'en'),
        prerequisites: lst(TEXT_MODULE.prerequisites, 'en'),
        documents: lst(TEXT_MODULE.documents, 'en'),
        steps: lst(TEXT_MODULE.steps, 'en'),
        deadlines: described('modulFrist', 'en'),
        processingTime: described('modulBearbeitungsdauer', 'en'),
        costsText: asText(inLanguage(n.x(n.x(node, 'modulKosten')[0], 'beschreibung'), 'en')),
        notes: txt(TEXT_MODULE.notes, 'en'),
        legalRemedy: txt(TEXT_MODULE.legalRemedy, 'en'),
        elsewhereNote: rTexts(elsewhere, 'en'),
      }
    : undefined;
  const own = source.agency === reader.agency;
  const ozgType = number(codeOf(n.x(node, 'typisierung')[0]));
  return {
    kind: 'service',
    slug: slugFor(source, name),
    unit: attr(extension, 'einheit'),
    reviewMonths: number(attr(extension, 'pruefintervallMonate')),
    content: {
      name,
      summary,
      description,
      plainLanguage: rTexts(plainLanguage, 'de'),
      leikaKey: codeOf(n.x(node, 'referenzLeiKa')[0]),
      ozgId: attr(extension, 'ozgId'),
      // Collector messages type services 1–11 (FIM); the OZG types of the catalog are 1–5.
      ozgType: ozgType && ozgType <= 5 ? ozgType : undefined,
      // What only the Rathaus extension carries stays unset without it (a re-import keeps the town's values).
      lifeSituations: extension ? n.r(extension, 'lebenslage').map(text).filter(Boolean) : undefined,
      businessSituations: extension ? n.r(extension, 'unternehmenslage').map(text).filter(Boolean) : undefined,
      documents: lst(TEXT_MODULE.documents, 'de') ?? [],
      prerequisites: lst(TEXT_MODULE.prerequisites, 'de') ?? [],
      steps: lst(TEXT_MODULE.steps, 'de') ?? [],
      processingTime: described('modulBearbeitungsdauer', 'de'),
      deadlines: described('modulFrist', 'de'),
      notes: txt(TEXT_MODULE.notes, 'de'),
      legalRemedy: txt(TEXT_MODULE.legalRemedy, 'de'),
      costs: {
        kind: costs ? kind : costsText ? 'formula' : 'free',
        amount: number(attr(costs, 'betrag')),
        min: number(attr(costs, 'min')),
        max: number(attr(costs, 'max')),
        text: costsText,
      },
      legalBases,
      forms: extension
        ? n.r(extension, 'formular').map((form) => ({ title: attr(form, 'titel') ?? '', ...withUrl(attr(form, 'uri')) }))
        : undefined,
      keywords: n
        .x(n.x(node, 'modulBegriffImKontext')[0], 'begriffImKontext')
        .map((item) => text(n.x(item, 'begriff')[0]))
        .filter(Boolean),
      languages: extension ? n.r(extension, 'sprache').map(text).filter(Boolean) : english ? ['de', 'en'] : undefined,
      bookable: extension ? attr(extension, 'terminBuchbar') === 'true' : undefined,
      elsewhere: elsewhere
        ? { name: attr(elsewhere, 'name'), ...withUrl(attr(elsewhere, 'uri')), note: rTexts(elsewhere, 'de') }
        : undefined,
      responsibilities: n.r(extension, 'zuordnung').map((item) => assignment(n, item)),
      translations: english ? { en: english } : {},
      ...(own ? {} : { source }),
    },
  };
}

const withUrl = (url: string | undefined) => (url ? { url } : {});

function assignment(n: Names, el: El | undefined): Responsibility & { position?: number } {
  const localities = n
    .r(el, 'ort')
    .map(text)
    .filter((item): item is string => Boolean(item));
  return {
    contact: attr(el, 'ansprechpartner'),
    letters: attr(el, 'buchstaben'),
    ...(localities.length ? { localities } : {}),
    position: number(attr(el, 'reihenfolge')),
  };
}

function officeEntry(n: Names, reader: Reader, found: Found, problems: ImportProblem[]): ExchangeEntry | undefined {
  const { node, source } = found;
  const names = n.x(n.x(node, 'name')[0], 'name');
  const name = inLanguage(names, 'de');
  const address = n.x(node, 'anschrift')[0];
  const street = text(n.x(address, 'strasse')[0]);
  const houseNumber = text(n.x(address, 'hausnummer')[0]);
  const postalCode = text(n.x(address, 'postleitzahl')[0]);
  const city = text(n.x(address, 'ort')[0]);
  if (!name || !street || !postalCode || !city) {
    problems.push({ subject: { kind: 'organisationseinheit', id: source.id }, reason: !name ? 'noName' : 'noAddress' });
    return undefined;
  }
  const channel = (codes: string[]) =>
    text(
      n.x(
        n.x(node, 'kommunikation').find((item) => codes.includes(codeOf(n.x(item, 'kanal')[0]) ?? '')),
        'kennung',
      )[0],
    );
  const extension = n.r(node, 'organisationseinheit')[0];
  const place = n.r(extension, 'lage')[0];
  const access = n.r(extension, 'barrierefreiheit')[0];
  const rTexts = (el: El | undefined, lang: 'de' | 'en') => inLanguage(n.r(el, 'text'), lang);
  const exceptions = n.r(extension, 'abweichung');
  const exceptionNotes = Object.fromEntries(
    exceptions.filter((day) => rTexts(day, 'en')).map((day) => [attr(day, 'datum'), rTexts(day, 'en')]),
  );
  const english = {
    name: inLanguage(names, 'en'),
    description: asText(inLanguage(n.x(node, 'beschreibung'), 'en')),
    accessibilityNote: rTexts(access, 'en'),
    exceptionNotes: Object.keys(exceptionNotes).length ? exceptionNotes : undefined,
  };
  const holidays = n.r(extension, 'feiertageGeschlossen')[0];
  return {
    kind: 'office',
    slug: slugFor(source, name),
    unit: attr(extension, 'einheit'),
    reviewMonths: number(attr(extension, 'pruefintervallMonate')),
    content: {
      name,
      description: asText(inLanguage(n.x(node, 'beschreibung'), 'de')),
      street: houseNumber ? `${street} ${houseNumber}` : street,
      postalCode,
      city,
      latitude: number(attr(place, 'breite')),
      longitude: number(attr(place, 'laenge')),
      stepFree: attr(access, 'stufenlos') === 'true',
      parking: attr(access, 'parkplatz') === 'true',
      accessibilityNote: rTexts(access, 'de'),
      hours: n
        .r(extension, 'oeffnungszeit')
        .map((slot) => ({ day: number(attr(slot, 'tag')), opens: attr(slot, 'von'), closes: attr(slot, 'bis') })),
      exceptions: exceptions.map((day) => ({
        date: attr(day, 'datum'),
        closed: attr(day, 'geschlossen') === 'true',
        opens: attr(day, 'von'),
        closes: attr(day, 'bis'),
        note: rTexts(day, 'de'),
      })),
      closedOnHolidays: holidays ? text(holidays) === 'true' : true,
      phone: channel([CHANNEL.phone, '03']),
      email: channel([CHANNEL.email]),
      contactFormUrl: text(n.r(extension, 'kontaktformular')[0]),
      translations: Object.values(english).some(Boolean) ? { en: english } : {},
      ...(source.agency === reader.agency ? {} : { source }),
    },
  };
}

function contactEntries(n: Names, office: ExchangeEntry | undefined, node: El): ExchangeEntry[] {
  return n.r(n.r(node, 'organisationseinheit')[0], 'ansprechpartner').map((el) => {
    const english = inLanguage(n.r(el, 'funktion'), 'en');
    return {
      kind: 'contact',
      slug: attr(el, 'id') ?? '',
      unit: attr(el, 'einheit'),
      reviewMonths: number(attr(el, 'pruefintervallMonate')),
      content: {
        name: attr(el, 'name'),
        role: attr(el, 'funktion'),
        office: attr(el, 'ohneStelle') === 'true' ? undefined : office?.slug,
        phone: attr(el, 'telefon'),
        email: attr(el, 'email'),
        room: attr(el, 'raum'),
        translations: english ? { en: { role: english } } : {},
      },
    };
  });
}

/** The message's objects by kind, from every `schreibe`, and the identifiers of every `loesche`. */
function collect(n: Names, root: El, problems: ImportProblem[]) {
  const objects = {
    leistung: [] as Found[],
    spezialisierung: [] as Found[],
    organisationseinheit: [] as Found[],
    onlinedienst: [] as Found[],
  };
  const withdrawn: Source[] = [];
  for (const block of n.x(root, 'schreibe')) {
    for (const [childKey, children] of Object.entries(block)) {
      const name = n.localName(childKey);
      if (!name) continue;
      if (!(name in objects)) {
        problems.push({ subject: { kind: 'element', id: name }, reason: 'unknownObject' });
        continue;
      }
      for (const node of children as El[]) {
        const source = identifierOf(n.x(node, 'id')[0]);
        if (source) objects[name as keyof typeof objects].push({ source, node });
        else problems.push({ subject: { kind: name as keyof typeof objects }, reason: 'noIdentifier' });
      }
    }
  }
  for (const block of n.x(root, 'loesche'))
    for (const [childKey, children] of Object.entries(block))
      if (n.localName(childKey)?.endsWith('ID'))
        withdrawn.push(...(children as El[]).map(identifierOf).filter((item): item is Source => !!item));
  return { objects, withdrawn };
}

export function readXzufi(xml: string, reader: Reader): ParsedFile {
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) throw new UnsafeXml('doctype');
  if ((xml.match(/</g)?.length ?? 0) > MAX_ELEMENTS || xmlTooDeep(xml)) throw new UnsafeXml('tooLarge');
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new UnsafeXml('malformed', `${valid.err.msg} (line ${valid.err.line})`);
  const document = parser.parse(xml) as El;
  const root = Object.entries(document).find(([name]) => !name.startsWith('?'))?.[1] as El[] | undefined;
  const none = (reason: ImportReason): ParsedFile => ({
    entries: [],
    problems: [{ subject: { kind: 'file' }, reason }],
    withdrawn: [],
    otherAreas: 0,
  });
  if (!root?.[0]) return none('noRoot');
  const n = namespaces(root[0]);
  if (!n.known) return none('notXzufi');
  if (!attr(root[0], 'xzufiVersion')?.startsWith('2.2')) return none('noVersion');
  if (n.x(root[0], 'nachrichtenkopf').length !== 1) return none('noHeader');

  const problems: ImportProblem[] = [];
  const { objects, withdrawn } = collect(n, root[0], problems);
  // A specialisation adds the town's texts to a service: its text modules come before the service's own.
  const services = new Map(objects.leistung.map((found) => [key(found.source), found]));
  for (const special of objects.spezialisierung) {
    const target = identifierOf(n.x(special.node, 'leistungID')[0]);
    const service = target && services.get(key(target));
    if (!service) {
      problems.push({ subject: { kind: 'spezialisierung', id: special.source.id }, reason: 'unknownService', detail: target?.id });
      continue;
    }
    const name = Object.keys(service.node).find((item) => n.localName(item) === 'modulText') ?? 'xzufi:modulText';
    service.node[name] = [...n.x(special.node, 'modulText'), ...n.x(service.node, 'modulText')];
  }

  // Two objects of a kind whose names give the same address: the second's address adds its identifier.
  const taken = new Set<string>();
  const claim = (entry: ExchangeEntry, source: Source) => {
    if (taken.has(`${entry.kind}:${entry.slug}`))
      entry.slug = `${entry.slug.slice(0, 60)}-${source.id.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`.slice(0, 80).replace(/-+$/, '');
    taken.add(`${entry.kind}:${entry.slug}`);
    return entry;
  };
  const serviceEntries = new Map<string, ExchangeEntry>();
  for (const found of objects.leistung) {
    const entry = serviceEntry(n, reader, found, problems);
    if (entry) serviceEntries.set(key(found.source), claim(entry, found.source));
  }
  const servicesInTown = new Set<string>();
  const mentioned = new Set<string>();
  let otherAreas = 0;
  const offices: ExchangeEntry[] = [];
  const contacts: ExchangeEntry[] = [];
  for (const found of objects.organisationseinheit) {
    const assignments = n.x(found.node, 'zustaendigkeit');
    const covering = assignments.filter((item) =>
      coversTown(
        n
          .x(item, 'gebietID')
          .map(text)
          .filter((area): area is string => !!area),
        reader.regionalKey,
      ),
    );
    for (const item of assignments) {
      const target = identifierOf(n.x(item, 'leistungID')[0]);
      if (target) mentioned.add(key(target));
    }
    if (assignments.length > 0 && covering.length === 0) {
      otherAreas++;
      continue;
    }
    const mapped = officeEntry(n, reader, found, problems);
    const office = mapped && claim(mapped, found.source);
    if (office) offices.push(office);
    contacts.push(...contactEntries(n, office, found.node));
    for (const item of covering) {
      const target = identifierOf(n.x(item, 'leistungID')[0]);
      const service = target && serviceEntries.get(key(target));
      if (target) servicesInTown.add(key(target));
      // A Leistung of the message that could not be mapped has been reported already.
      if (!service && !(target && services.has(key(target))))
        problems.push({ subject: { kind: 'zustaendigkeit', id: found.source.id }, reason: 'unknownService', detail: target?.id });
      if (!service || !office) continue;
      const areas = n
        .x(item, 'gebietID')
        .map(text)
        .filter((area): area is string => !!area);
      const { position, ...responsibility } = assignment(n, n.r(item, 'zuordnung')[0]);
      const content = service.content as { responsibilities: (Responsibility & { position?: number })[] };
      content.responsibilities.push({
        office: office.slug,
        ...responsibility,
        ...(areas.length && !(areas.length === 1 && areas[0] === reader.regionalKey) ? { areas } : {}),
        position,
      });
    }
  }
  for (const found of objects.onlinedienst) {
    const link = n.x(found.node, 'link');
    const application = link.find((item) => codeOf(n.x(item, 'typ')[0]) === ONLINE_APPLICATION_LINK) ?? link[0];
    const url = text(n.x(application, 'link')[0]);
    const label =
      n.r(found.node, 'onlinedienst')[0] && attr(n.r(found.node, 'onlinedienst')[0], 'ohneBezeichnung') === 'true'
        ? undefined
        : inLanguage(n.x(found.node, 'bezeichnung'), 'de');
    for (const item of n.x(found.node, 'zustaendigkeit')) {
      const target = identifierOf(n.x(item, 'leistungID')[0]);
      const service = target && serviceEntries.get(key(target));
      if (
        !coversTown(
          n
            .x(item, 'gebietID')
            .map(text)
            .filter((area): area is string => !!area),
          reader.regionalKey,
        )
      )
        continue;
      if (!service || !url) {
        problems.push({
          subject: { kind: 'onlinedienst', id: found.source.id },
          ...(url ? { reason: 'unknownService', detail: target?.id } : { reason: 'noLink' }),
        });
        continue;
      }
      (service.content as { onlineService?: unknown }).onlineService = { url, ...(label ? { label } : {}) };
    }
  }
  // A service that only other areas' offices are responsible for is not the town's.
  const entries: ExchangeEntry[] = [];
  for (const [serviceKey, entry] of serviceEntries) {
    if (mentioned.has(serviceKey) && !servicesInTown.has(serviceKey)) {
      otherAreas++;
      continue;
    }
    const content = entry.content as { responsibilities: (Responsibility & { position?: number })[] };
    content.responsibilities = content.responsibilities
      .map((item, index) => ({ item, order: item.position ?? 1000 + index }))
      .sort((a, b) => a.order - b.order)
      .map(({ item: { position: _position, ...rest } }) => rest);
    entries.push(entry);
  }
  return {
    entries: [...offices, ...contacts, ...entries],
    problems,
    withdrawn: withdrawn.map((source) => ({ ...source, own: source.agency === reader.agency })),
    otherAreas,
  };
}
