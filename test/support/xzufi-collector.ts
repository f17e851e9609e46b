// A transfer message as the Portalverbund's collector service delivers it for a region, written by us after the
// structure of XZuFi 2.2.0 (not copied from a real message): the default namespace instead of a prefix, numeric
// identifiers of a state editorial office, HTML in the texts, services of the town, of its district and of a
// neighbouring town, a specialisation, online services, and two objects that cannot be mapped.
const AGENCY = 'L100040';
export const HENNEF = '053820024024';
const DISTRICT = '05382';
const SIEGBURG = '053820068068';

const esc = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const id = (name: string, value: string | number) =>
  `<${name} schemeAgencyID="${AGENCY}" schemeAgencyName="Landesredaktion NRW">${value}</${name}>`;
const code = (name: string, list: string, value: string) =>
  `<${name} listURI="${list}" listVersionID="1"><code xmlns="">${value}</code></${name}>`;
const text = (moduleCode: string, html: string) =>
  `<modulText><inhalt languageCode="de">${esc(html)}</inhalt>${code('leikaTextmodul', 'urn:de:fim:leika:textmodul', moduleCode)}</modulText>`;

export const serviceId = (n: number) => 8_000_000 + n;
export const officeId = (n: number) => 9_000_000 + n;
const topics = ['Hundesteuer', 'Baugenehmigung', 'Gewerbe', 'Wohngeld', 'Fischereischein', 'Parkausweis', 'Führerschein', 'Meldewesen'];
export const serviceName = (n: number) => `${topics[n % topics.length]} – Leistung ${n}`;

function leistung(n: number, options: { name?: string | false } = {}): string {
  const name = options.name === false ? undefined : (options.name ?? serviceName(n));
  return `<leistung>
  ${id('id', serviceId(n))}
  ${code('referenzLeiKa', 'urn:de:fim:leika:leistung', `99${String(100_000_000_000 + n).slice(0, 12)}`)}
  ${name ? text('02', name) : ''}
  ${text('04', `<p>Diese Leistung (${n}) beantragen Sie bei der zuständigen Stelle. Die Bearbeitung erfolgt schriftlich.</p><p>Weitere Hinweise erhalten Sie dort.</p>`)}
  ${text('05', '<ul><li>Personalausweis oder Reisepass</li><li>Nachweis &amp; Vollmacht bei Vertretung</li></ul>')}
  ${text('06', '<ul><li>Sie wohnen im Zuständigkeitsgebiet.</li></ul>')}
  ${text('08', '<ol><li>Antrag stellen</li><li>Bescheid erhalten</li></ol>')}
  ${text('13', '<ul><li>§ 1 Beispielgesetz</li></ul>')}
  <modulKosten><beschreibung languageCode="de">${esc('<p>Je nach Aufwand 10 bis 50 Euro.</p>')}</beschreibung></modulKosten>
  <modulFrist><beschreibung languageCode="de">Keine</beschreibung></modulFrist>
  <modulBearbeitungsdauer><beschreibung languageCode="de">etwa zwei Wochen</beschreibung></modulBearbeitungsdauer>
  <modulBegriffImKontext><begriffImKontext><begriff languageCode="de">${topics[n % topics.length]}</begriff></begriffImKontext></modulBegriffImKontext>
  ${code('typisierung', 'urn:de:fim:leika:typisierung', n % 2 ? '4' : '2/3')}
  <versionsinformation><geaendertDatumZeit>2026-10-01T08:00:00Z</geaendertDatumZeit></versionsinformation>
</leistung>`;
}

const responsibility = (office: number, service: number, area: string) =>
  `<zustaendigkeit>${id('id', `${office}-${service}`)}${id('leistungID', serviceId(service))}<gebietID schemeID="urn:de:bund:destatis:bevoelkerungsstatistik:schluessel:rs">${area}</gebietID></zustaendigkeit>`;

function organisationseinheit(n: number, name: string, address: string | undefined, services: number[], area: string): string {
  return `<organisationseinheit>
  ${id('id', officeId(n))}
  <name><name languageCode="de">${esc(name)}</name></name>
  ${address ?? ''}
  <kommunikation>${code('kanal', 'urn:de:xoev:codeliste:erreichbarkeit', '02')}<kennung>02242 888-${n}</kennung></kommunikation>
  <kommunikation>${code('kanal', 'urn:de:xoev:codeliste:erreichbarkeit', '01')}<kennung>stelle${n}@example.org</kennung></kommunikation>
  ${services.map((service) => responsibility(officeId(n), service, area)).join('\n  ')}
</organisationseinheit>`;
}

const address = (street: string, number: string, postcode: string, town: string) =>
  `<anschrift><strasse>${esc(street)}</strasse><hausnummer>${number}</hausnummer><postleitzahl>${postcode}</postleitzahl><ort>${esc(town)}</ort></anschrift>`;

function onlinedienst(n: number, service: number, url: string, area: string): string {
  return `<onlinedienst>
  ${id('id', `OD${n}`)}
  <bezeichnung languageCode="de">Online-Antrag ${service}</bezeichnung>
  <link>${code('typ', 'urn:xoev-de:fim:codeliste:onlinedienstlinktyp', '01')}<link>${url}</link></link>
  <zustaendigkeit>${id('leistungID', serviceId(service))}<gebietID>${area}</gebietID></zustaendigkeit>
</onlinedienst>`;
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, index) => from + index);

export type CollectorOptions = { renamed?: Record<number, string>; deleted?: number[] };

/** 300 services: 1–200 at the town's own office, 201–250 at the district's, 251–300 only in the neighbouring town;
 * service 300 has no name, office 4 no address (both cannot be mapped). */
export function collectorMessage(options: CollectorOptions = {}): string {
  const services = range(1, 300).map((n) => leistung(n, { name: n === 300 ? false : options.renamed?.[n] }));
  const special = `<spezialisierung>${id('id', 'S1')}${id('leistungID', serviceId(1))}${text('12', '<p>In Hennef bringen Sie bitte zusätzlich die Hundesteuermarke mit.</p>')}</spezialisierung>`;
  const offices = [
    organisationseinheit(
      1,
      'Stadt Hennef (Sieg) – Bürgeramt',
      address('Frankfurter Straße', '97', '53773', 'Hennef (Sieg)'),
      [...range(1, 200), 300],
      HENNEF,
    ),
    organisationseinheit(
      2,
      'Rhein-Sieg-Kreis – Straßenverkehrsamt',
      address('Kaiser-Wilhelm-Platz', '1', '53721', 'Siegburg'),
      range(201, 250),
      DISTRICT,
    ),
    organisationseinheit(3, 'Stadt Siegburg – Bürgerbüro', address('Nogenter Platz', '10', '53721', 'Siegburg'), range(251, 299), SIEGBURG),
    organisationseinheit(4, 'Stadt Hennef (Sieg) – Außenstelle ohne Anschrift', undefined, [2], HENNEF),
  ];
  const online = [
    onlinedienst(1, 2, 'https://service.example.org/antrag/2', HENNEF),
    onlinedienst(2, 260, 'https://service.example.org/antrag/260', SIEGBURG),
  ];
  const deleted = (options.deleted ?? []).map((n) => id('leistungID', serviceId(n))).join('');
  return `<?xml version="1.0" encoding="UTF-8"?>
<transfer.operation xmlns="http://xoev.de/schemata/xzufi/2_2_0" xzufiVersion="2.2.0" produkthersteller="Landesredaktion" produktbezeichnung="Sammlerdienst">
<nachrichtenkopf><nachrichtUUID>6f1c2b7e-1d2a-4c8e-9a51-0b6a7d1e2f30</nachrichtUUID><erstelltDatumZeit>2026-11-30T06:00:00Z</erstelltDatumZeit><sender>Sammlerdienst NRW</sender></nachrichtenkopf>
<schreibe>
${[...services, special, ...offices, ...online].join('\n')}
</schreibe>
${deleted ? `<loesche>${deleted}</loesche>` : ''}
</transfer.operation>
`;
}
