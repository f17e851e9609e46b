// Hennef's offices for the demo catalog. Addresses of the town hall are real; hours and phone extensions are demo values.
import type { OfficeContent } from '../../src/modules/catalog/index.js';

type Seeded = { slug: string; unit: string; content: Partial<OfficeContent> & Pick<OfficeContent, 'name' | 'street'> };

const weekdays = (opens: string, closes: string, days = [1, 2, 3, 4, 5]) => days.map((day) => ({ day, opens, closes }));
const town = { postalCode: '53773', city: 'Hennef (Sieg)', closedOnHolidays: true };
const christmasEn = { '2026-12-24': 'Christmas Eve', '2026-12-31': 'New Year’s Eve' };
const christmas = [{ date: '2026-12-24', closed: true, note: 'Heiligabend' }, { date: '2026-12-31', closed: true, note: 'Silvester' }];

export const offices: Seeded[] = [
  {
    slug: 'rathaus', unit: 'FB 1',
    content: { name: 'Rathaus Hennef', description: 'Sitz der Stadtverwaltung und des Bürgermeisters.', street: 'Frankfurter Straße 97', latitude: 50.7757, longitude: 7.2837, stepFree: true, parking: true, accessibilityNote: 'Aufzug im Foyer, barrierefreies WC im Erdgeschoss.', hours: [...weekdays('08:00', '12:00'), { day: 4, opens: '14:00', closes: '18:00' }], exceptions: christmas, phone: '02242 888-0', email: 'rathaus@hennef.example', translations: { en: { name: 'Hennef Town Hall', description: 'Seat of the town administration and the mayor.', accessibilityNote: 'Lift in the foyer, accessible toilet on the ground floor.', exceptionNotes: christmasEn } } },
  },
  {
    slug: 'buergeramt', unit: 'FD 2.1',
    content: { name: 'Bürgeramt (Bürgerzentrum)', description: 'Ausweise, Meldewesen, Fundbüro, Wahlen und Bescheinigungen.', street: 'Frankfurter Straße 97', latitude: 50.7756, longitude: 7.2839, stepFree: true, parking: true, accessibilityNote: 'Eingang ebenerdig, Wartebereich mit Aufruf auf Bildschirm und per Lautsprecher.', hours: [...weekdays('07:30', '12:30'), { day: 1, opens: '14:00', closes: '16:00' }, { day: 4, opens: '14:00', closes: '18:00' }, { day: 6, opens: '09:00', closes: '12:00' }], exceptions: christmas, phone: '02242 888-100', email: 'buergeramt@hennef.example', translations: { en: { name: 'Citizens’ office (Bürgerzentrum)', description: 'ID cards, registration, lost property, elections and certificates.', accessibilityNote: 'Step-free entrance; waiting area with calls on screen and by loudspeaker.', exceptionNotes: christmasEn } } },
  },
  {
    slug: 'standesamt', unit: 'FD 2.2',
    content: { name: 'Standesamt', description: 'Geburten, Eheschließungen, Sterbefälle und Urkunden.', street: 'Frankfurter Straße 97', latitude: 50.7758, longitude: 7.2835, stepFree: true, parking: true, hours: [...weekdays('08:30', '12:00'), { day: 4, opens: '14:00', closes: '17:00' }], exceptions: christmas, phone: '02242 888-200', email: 'standesamt@hennef.example', translations: { en: { name: 'Registry office', description: 'Births, marriages, deaths and certificates.', exceptionNotes: christmasEn } } },
  },
  {
    slug: 'ordnungsamt', unit: 'FD 3.1',
    content: { name: 'Ordnungsamt', description: 'Gewerbe, Veranstaltungen, Verkehr, Sondernutzung und öffentliche Ordnung.', street: 'Frankfurter Straße 97', latitude: 50.7755, longitude: 7.2834, stepFree: true, parking: true, hours: [...weekdays('08:00', '12:00'), { day: 4, opens: '14:00', closes: '17:00' }], exceptions: christmas, phone: '02242 888-300', email: 'ordnungsamt@hennef.example', translations: { en: { name: 'Public order office', description: 'Trades, events, traffic, special use and public order.', exceptionNotes: christmasEn } } },
  },
  {
    slug: 'steueramt', unit: 'FD 6.2',
    content: { name: 'Steuern und Abgaben', description: 'Hundesteuer, Grundsteuer, Gewerbesteuer und Lastschriftmandate.', street: 'Frankfurter Straße 97', latitude: 50.7757, longitude: 7.2840, stepFree: true, parking: true, hours: [...weekdays('08:00', '12:00'), { day: 4, opens: '14:00', closes: '17:00' }], exceptions: christmas, phone: '02242 888-600', email: 'steuern@hennef.example', translations: { en: { name: 'Taxes and charges', description: 'Dog tax, property tax, trade tax and direct debit mandates.', exceptionNotes: christmasEn } } },
  },
  {
    slug: 'bauordnung', unit: 'FD 5.1',
    content: { name: 'Bauordnung und Denkmalschutz', description: 'Bauanträge, Bauvoranfragen und Denkmalschutz.', street: 'Frankfurter Straße 97', latitude: 50.7759, longitude: 7.2838, stepFree: true, parking: true, hours: [{ day: 2, opens: '08:30', closes: '12:00' }, { day: 4, opens: '14:00', closes: '18:00' }], exceptions: christmas, phone: '02242 888-500', email: 'bauordnung@hennef.example', translations: { en: { name: 'Building control and monument protection', description: 'Building applications, preliminary building enquiries and monument protection.', exceptionNotes: christmasEn } } },
  },
  {
    slug: 'jugendamt', unit: 'FD 4.1',
    content: { name: 'Jugendamt', description: 'Kindertagesbetreuung, Elterngeld-Beratung, Beistandschaften und Hilfen für Familien.', street: 'Frankfurter Straße 97', latitude: 50.7754, longitude: 7.2836, stepFree: true, parking: true, hours: [...weekdays('08:00', '12:00'), { day: 4, opens: '14:00', closes: '17:00' }], exceptions: christmas, phone: '02242 888-400', email: 'jugendamt@hennef.example', translations: { en: { name: 'Youth welfare office', description: 'Day care for children, parental benefit advice, child support advisership and help for families.', exceptionNotes: christmasEn } } },
  },
  {
    slug: 'sozialamt', unit: 'FD 4.2',
    content: { name: 'Sozialamt', description: 'Wohngeld, Grundsicherung, Hilfe zum Lebensunterhalt und Unterbringung.', street: 'Frankfurter Straße 97', latitude: 50.7753, longitude: 7.2838, stepFree: true, parking: true, hours: [1, 2, 4, 5].map((day) => ({ day, opens: '08:00', closes: '12:00' })), exceptions: christmas, phone: '02242 888-450', email: 'sozialamt@hennef.example', translations: { en: { name: 'Social welfare office', description: 'Housing benefit, basic income support, subsistence assistance and accommodation.', exceptionNotes: christmasEn } } },
  },
  {
    slug: 'stadtbetriebe', unit: 'SBH',
    content: { name: 'Stadtbetriebe Hennef', description: 'Abfall, Sperrmüll, Straßenreinigung, Grünflächen und Friedhöfe.', street: 'Beethovenstraße 21', latitude: 50.7812, longitude: 7.2779, stepFree: false, parking: true, accessibilityNote: 'Zwei Stufen am Eingang; bitte klingeln, wir kommen zu Ihnen.', hours: [...weekdays('07:30', '15:30', [1, 2, 3, 4]), { day: 5, opens: '07:30', closes: '12:00' }], exceptions: christmas, phone: '02242 888-700', email: 'stadtbetriebe@hennef.example', translations: { en: { name: 'Hennef municipal services (Stadtbetriebe)', description: 'Waste, bulky waste, street cleaning, green spaces and cemeteries.', accessibilityNote: 'Two steps at the entrance; please ring and we will come to you.', exceptionNotes: christmasEn } } },
  },
  {
    slug: 'digitalisierung', unit: 'FD 1.3',
    content: { name: 'Digitalisierung und IT', description: 'Serviceportal, Servicekonto, Open Data und Smart City.', street: 'Frankfurter Straße 97', latitude: 50.7757, longitude: 7.2837, stepFree: true, parking: true, hours: weekdays('09:00', '12:00'), exceptions: christmas, phone: '02242 888-130', email: 'digital@hennef.example', translations: { en: { name: 'Digitalisation and IT', description: 'Service portal, citizen account, open data and smart city.', exceptionNotes: christmasEn } } },
  },
].map((office) => ({ ...office, content: { ...town, ...office.content } }));

/** Contact persons: fictitious names, clearly demo data. */
export const contacts: { slug: string; unit: string; name: string; role: string; roleEn: string; office: string; phone: string; room: string }[] = [
  { slug: 'anna-beispiel', unit: 'FD 2.1', name: 'Anna Beispiel', role: 'Meldewesen, Nachnamen A–K', office: 'buergeramt', phone: '02242 888-101', room: 'E.04', roleEn: 'Registration, surnames A–K' },
  { slug: 'bernd-muster', unit: 'FD 2.1', name: 'Bernd Muster', role: 'Meldewesen, Nachnamen L–Z', office: 'buergeramt', phone: '02242 888-102', room: 'E.05', roleEn: 'Registration, surnames L–Z' },
  { slug: 'lea-entwurf', unit: 'FD 2.1', name: 'Lea Entwurf', role: 'Wahlen und Fundbüro', office: 'buergeramt', phone: '02242 888-110', room: 'E.07', roleEn: 'Elections and lost property' },
  { slug: 'clara-exempel', unit: 'FD 2.2', name: 'Clara Exempel', role: 'Standesbeamtin', office: 'standesamt', phone: '02242 888-201', room: '1.12', roleEn: 'Registrar' },
  { slug: 'eva-demo', unit: 'FD 3.1', name: 'Eva Demo', role: 'Gewerbe und Veranstaltungen', office: 'ordnungsamt', phone: '02242 888-301', room: '2.03', roleEn: 'Trades and events' },
  { slug: 'olaf-ordnung', unit: 'FD 3.1', name: 'Olaf Ordnung', role: 'Verkehrsüberwachung und Sondernutzung', office: 'ordnungsamt', phone: '02242 888-302', room: '2.04', roleEn: 'Traffic enforcement and special use' },
  { slug: 'dirk-probe', unit: 'FD 6.2', name: 'Dirk Probe', role: 'Hundesteuer und Grundbesitzabgaben', office: 'steueramt', phone: '02242 888-601', room: '3.01', roleEn: 'Dog tax and property charges' },
  { slug: 'frank-fiktiv', unit: 'FD 5.1', name: 'Frank Fiktiv', role: 'Bauaufsicht, Bezirk Nord (Uckerath, Söven, Lichtenberg)', office: 'bauordnung', phone: '02242 888-501', room: '4.02', roleEn: 'Building control, northern district (Uckerath, Söven, Lichtenberg)' },
  { slug: 'gisela-platzhalter', unit: 'FD 5.1', name: 'Gisela Platzhalter', role: 'Bauaufsicht, Bezirk Süd (Stadt Blankenberg, Bödingen, Allner)', office: 'bauordnung', phone: '02242 888-502', room: '4.03', roleEn: 'Building control, southern district (Stadt Blankenberg, Bödingen, Allner)' },
  { slug: 'hanna-testmann', unit: 'FD 4.1', name: 'Hanna Testmann', role: 'Kita-Platzvergabe', office: 'jugendamt', phone: '02242 888-401', room: '1.20', roleEn: 'Day-care places' },
  { slug: 'ivo-modell', unit: 'FD 4.2', name: 'Ivo Modell', role: 'Wohngeld', office: 'sozialamt', phone: '02242 888-451', room: '1.30', roleEn: 'Housing benefit' },
  { slug: 'jana-vorlage', unit: 'SBH', name: 'Jana Vorlage', role: 'Abfallberatung und Sperrmüll', office: 'stadtbetriebe', phone: '02242 888-701', room: '0.10', roleEn: 'Waste advice and bulky waste' },
  { slug: 'karl-schablone', unit: 'FD 1.3', name: 'Karl Schablone', role: 'Digitalisierung und Ehrenamtsförderung', office: 'digitalisierung', phone: '02242 888-131', room: '5.01', roleEn: 'Digitalisation and support for volunteering' },
];
