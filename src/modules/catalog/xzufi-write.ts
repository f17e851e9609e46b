// Writes the catalog as an XZuFi 2.2.0 transfer message: a nachrichtenkopf and one `schreibe` with every
// leistung, organisationseinheit (with its zustaendigkeit entries) and onlinedienst, each with an identifier of
// the town's editorial office (schemeAgencyID), LeiKa references and text modules by code. What XZuFi has no
// element for travels as the last children of an object in the Rathaus namespace (docs/catalog-exchange.md).
import { randomUUID } from 'node:crypto';
import type { ExchangeEntry } from './exchange-model.js';
import type { ContactContent, OfficeContent, Responsibility, ServiceContent } from './schema.js';
import {
  CHANNEL,
  CODE_LISTS,
  type CodeList,
  ONLINE_APPLICATION_LINK,
  RATHAUS_NS,
  REGIONAL_KEY_SCHEME,
  TEXT_MODULE,
  XZUFI_NS,
  XZUFI_VERSION,
} from './xzufi-codes.js';

/** Who writes the message: the editorial office whose identifiers the objects carry, and the town's area. */
export type Sender = { agency: string; name: string; regionalKey?: string; product: string };

type Attributes = Record<string, string | number | boolean | undefined>;
type Child = string | undefined | false;

export const escapeXml = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function tag(name: string, attributes: Attributes, children: Child[] | string): string {
  const attrs = Object.entries(attributes)
    .filter(([, value]) => value !== undefined && value !== '')
    .map(([key, value]) => ` ${key}="${escapeXml(String(value))}"`)
    .join('');
  const body = typeof children === 'string' ? escapeXml(children) : children.filter(Boolean).join('');
  return body ? `<${name}${attrs}>${body}</${name}>` : `<${name}${attrs}/>`;
}
const x = (name: string, attributes: Attributes, children: Child[] | string = []) => tag(`xzufi:${name}`, attributes, children);
const r = (name: string, attributes: Attributes, children: Child[] | string = []) => tag(`rathaus:${name}`, attributes, children);

const code = (name: string, list: CodeList, value: string) => x(name, { ...list }, [tag('code', {}, value)]);
/** A text in German and, where there is one, in English: the element once per language. */
const inLanguages = (name: string, de: string | undefined, en: string | undefined) =>
  de ? [x(name, { languageCode: 'de' }, de), en ? x(name, { languageCode: 'en' }, en) : undefined] : [];
/** Lists travel as the HTML list the portals show (real messages carry HTML in `inhalt`). */
export const htmlList = (items: string[]) => `<ul>${items.map((item) => `<li>${escapeXml(item)}</li>`).join('')}</ul>`;

const sourceOf = (entry: { content: unknown }) => (entry.content as { source?: { agency: string; id: string } }).source;
const agencyOf = (sender: Sender, entry: { content: unknown }) => sourceOf(entry)?.agency ?? sender.agency;

function identifier(name: string, sender: Sender, entry: { slug: string; content: unknown }): string {
  return x(name, { schemeAgencyID: agencyOf(sender, entry) }, sourceOf(entry)?.id ?? entry.slug);
}

function textModule(moduleCode: string, de: string | undefined, en: string | undefined, links: Child[] = []): Child {
  if (!de) return undefined;
  return x('modulText', {}, [...inLanguages('inhalt', de, en), ...links, code('leikaTextmodul', CODE_LISTS.textmodul, moduleCode)]);
}
const listModule = (moduleCode: string, de: string[], en?: string[]) =>
  de.length ? textModule(moduleCode, htmlList(de), en?.length ? htmlList(en) : undefined) : undefined;
const described = (name: string, de: string | undefined, en: string | undefined) =>
  de ? x(name, {}, inLanguages('beschreibung', de, en)) : undefined;

function service(entry: ExchangeEntry, sender: Sender): string {
  const s = entry.content as ServiceContent;
  const en = s.translations.en;
  const legalLinks = s.legalBases
    .filter((basis) => basis.url)
    .map((basis) => x('weiterfuehrenderLink', {}, [x('uri', {}, basis.url!), x('titel', {}, basis.title)]));
  return x('leistung', {}, [
    identifier('id', sender, entry),
    s.leikaKey ? code('referenzLeiKa', CODE_LISTS.leistungsschluessel, s.leikaKey) : undefined,
    textModule(TEXT_MODULE.name, s.name, en?.name),
    textModule(TEXT_MODULE.summary, s.summary, en?.summary),
    textModule(TEXT_MODULE.description, s.description, en?.description),
    listModule(TEXT_MODULE.documents, s.documents, en?.documents),
    listModule(TEXT_MODULE.prerequisites, s.prerequisites, en?.prerequisites),
    listModule(TEXT_MODULE.steps, s.steps, en?.steps),
    textModule(TEXT_MODULE.notes, s.notes, en?.notes),
    s.legalBases.length
      ? textModule(TEXT_MODULE.legalBases, htmlList(s.legalBases.map((basis) => basis.title)), undefined, legalLinks)
      : undefined,
    textModule(TEXT_MODULE.legalRemedy, s.legalRemedy, en?.legalRemedy),
    described('modulFrist', s.deadlines, en?.deadlines),
    described('modulBearbeitungsdauer', s.processingTime, en?.processingTime),
    x('modulKosten', {}, inLanguages('beschreibung', s.costs.text, en?.costsText)),
    s.keywords.length
      ? x(
          'modulBegriffImKontext',
          {},
          s.keywords.map((word) => x('begriffImKontext', {}, [x('begriff', { languageCode: 'de' }, word)])),
        )
      : undefined,
    s.ozgType ? code('typisierung', CODE_LISTS.typisierung, String(s.ozgType)) : undefined,
    r('leistung', { einheit: entry.unit, pruefintervallMonate: entry.reviewMonths, ozgId: s.ozgId, terminBuchbar: s.bookable }, [
      r('kosten', {
        art: s.costs.kind,
        betrag: 'amount' in s.costs ? s.costs.amount : undefined,
        min: 'min' in s.costs ? s.costs.min : undefined,
        max: 'max' in s.costs ? s.costs.max : undefined,
      }),
      ...s.languages.map((language) => r('sprache', {}, language)),
      ...s.lifeSituations.map((situation) => r('lebenslage', {}, situation)),
      ...s.businessSituations.map((situation) => r('unternehmenslage', {}, situation)),
      ...s.forms.map((form) => r('formular', { titel: form.title, uri: form.url })),
      s.plainLanguage ? r('leichteSprache', {}, [...inLanguagesR(s.plainLanguage, en?.plainLanguage)]) : undefined,
      s.elsewhere
        ? r('zustaendigAndereStelle', { name: s.elsewhere.name, uri: s.elsewhere.url }, [
            ...inLanguagesR(s.elsewhere.note, en?.elsewhereNote),
          ])
        : undefined,
      ...s.responsibilities
        .map((responsibility, position) => ({ responsibility, position }))
        .filter(({ responsibility }) => !responsibility.office)
        .map(({ responsibility, position }) => assignment(responsibility, position)),
    ]),
  ]);
}

const inLanguagesR = (de: string | undefined, en: string | undefined) =>
  de ? [r('text', { languageCode: 'de' }, de), en ? r('text', { languageCode: 'en' }, en) : undefined] : [];

/** What XZuFi's zustaendigkeit cannot say: the contact, the letters of the surname, the villages, the order. */
const assignment = (responsibility: Responsibility, position: number) =>
  r('zuordnung', { reihenfolge: position + 1, ansprechpartner: responsibility.contact, buchstaben: responsibility.letters }, [
    ...(responsibility.localities ?? []).map((place) => r('ort', {}, place)),
  ]);

/** The areas a responsibility covers: those it was imported with, or the town's own. */
const areas = (sender: Sender, responsibility?: Responsibility) =>
  (responsibility?.areas ?? (sender.regionalKey ? [sender.regionalKey] : [])).map((key) =>
    x('gebietID', { schemeID: REGIONAL_KEY_SCHEME }, key),
  );

/** "Frankfurter Straße 97" → street and house number, as XZuFi's address holds them. */
export function splitStreet(street: string): { strasse: string; hausnummer?: string } {
  const match = /^(.*\S)\s+(\d+\s?[a-zA-Z]?(?:\s?[-–]\s?\d+\s?[a-zA-Z]?)?)$/.exec(street.trim());
  return match ? { strasse: match[1]!, hausnummer: match[2]! } : { strasse: street.trim() };
}

function office(entry: ExchangeEntry, sender: Sender, services: ExchangeEntry[], contacts: ExchangeEntry[]): string {
  const o = entry.content as OfficeContent;
  const en = o.translations.en;
  const { strasse, hausnummer } = splitStreet(o.street);
  const responsibilities = services.flatMap((serviceEntry) =>
    (serviceEntry.content as ServiceContent).responsibilities
      .map((responsibility, position) => ({ responsibility, position }))
      .filter(({ responsibility }) => responsibility.office === entry.slug)
      .map(({ responsibility, position }) =>
        x('zustaendigkeit', {}, [
          x('id', { schemeAgencyID: agencyOf(sender, entry) }, `${entry.slug}.${serviceEntry.slug}.${position + 1}`),
          identifier('leistungID', sender, serviceEntry),
          ...areas(sender, responsibility),
          assignment(responsibility, position),
        ]),
      ),
  );
  return x('organisationseinheit', {}, [
    identifier('id', sender, entry),
    x('name', {}, inLanguages('name', o.name, en?.name)),
    ...inLanguages('beschreibung', o.description, en?.description),
    x('anschrift', {}, [
      x('strasse', {}, strasse),
      hausnummer ? x('hausnummer', {}, hausnummer) : undefined,
      x('postleitzahl', {}, o.postalCode),
      x('ort', {}, o.city),
    ]),
    o.phone ? x('kommunikation', {}, [code('kanal', CODE_LISTS.erreichbarkeit, CHANNEL.phone), x('kennung', {}, o.phone)]) : undefined,
    o.email ? x('kommunikation', {}, [code('kanal', CODE_LISTS.erreichbarkeit, CHANNEL.email), x('kennung', {}, o.email)]) : undefined,
    ...responsibilities,
    r('organisationseinheit', { einheit: entry.unit, pruefintervallMonate: entry.reviewMonths }, [
      r('lage', { breite: o.latitude, laenge: o.longitude }),
      r('barrierefreiheit', { stufenlos: o.stepFree, parkplatz: o.parking }, [...inLanguagesR(o.accessibilityNote, en?.accessibilityNote)]),
      ...o.hours.map((slot) => r('oeffnungszeit', { tag: slot.day, von: slot.opens, bis: slot.closes })),
      ...o.exceptions.map((day) =>
        r('abweichung', { datum: day.date, geschlossen: day.closed, von: day.opens, bis: day.closes }, [
          ...inLanguagesR(day.note, en?.exceptionNotes?.[day.date]),
        ]),
      ),
      r('feiertageGeschlossen', {}, String(o.closedOnHolidays)),
      o.contactFormUrl ? r('kontaktformular', {}, o.contactFormUrl) : undefined,
      ...contacts.map(contact),
    ]),
  ]);
}

function contact(entry: ExchangeEntry): string {
  const c = entry.content as ContactContent;
  return r(
    'ansprechpartner',
    {
      id: entry.slug,
      einheit: entry.unit,
      pruefintervallMonate: entry.reviewMonths,
      ohneStelle: c.office ? undefined : true,
      name: c.name,
      funktion: c.role,
      telefon: c.phone,
      email: c.email,
      raum: c.room,
    },
    c.translations.en ? [r('funktion', { languageCode: 'en' }, c.translations.en.role)] : [],
  );
}

function onlineService(entry: ExchangeEntry, sender: Sender): Child {
  const s = entry.content as ServiceContent;
  if (!s.onlineService) return undefined;
  return x('onlinedienst', {}, [
    x('id', { schemeAgencyID: agencyOf(sender, entry) }, `${entry.slug}.online`),
    x('bezeichnung', { languageCode: 'de' }, s.onlineService.label ?? s.name),
    x('link', {}, [code('typ', CODE_LISTS.onlinedienstlinktyp, ONLINE_APPLICATION_LINK), x('link', {}, s.onlineService.url)]),
    x('zustaendigkeit', {}, [identifier('leistungID', sender, entry), ...areas(sender)]),
    r('onlinedienst', { ohneBezeichnung: s.onlineService.label ? undefined : true }),
  ]);
}

export function writeXzufi(entries: ExchangeEntry[], sender: Sender, now = new Date()): string {
  const services = entries.filter((entry) => entry.kind === 'service');
  const offices = entries.filter((entry) => entry.kind === 'office');
  const contacts = entries.filter((entry) => entry.kind === 'contact');
  // A contact travels with its office; one without an office with the first office of the message.
  const contactsOf = (slug: string, first: boolean) =>
    contacts.filter((entry) => {
      const of = (entry.content as ContactContent).office;
      return of === slug || (first && (!of || !offices.some((item) => item.slug === of)));
    });
  const objects = [
    ...services.map((entry) => service(entry, sender)),
    ...offices.map((entry, index) => office(entry, sender, services, contactsOf(entry.slug, index === 0))),
    ...services.map((entry) => onlineService(entry, sender)),
  ].filter(Boolean);
  const root = 'xzufi:transfer.operation';
  const header = x('nachrichtenkopf', {}, [
    x('nachrichtUUID', {}, randomUUID()),
    x('erstelltDatumZeit', {}, now.toISOString()),
    x('sender', {}, sender.name),
  ]);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<${root} xmlns:xzufi="${XZUFI_NS}" xmlns:rathaus="${RATHAUS_NS}" xzufiVersion="${XZUFI_VERSION}" produkthersteller="Rathaus" produktbezeichnung="${escapeXml(sender.product)}">\n${header}\n<xzufi:schreibe>\n${objects.join('\n')}\n</xzufi:schreibe>\n</${root}>\n`;
}
