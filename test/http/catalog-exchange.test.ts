// XZuFi and JSON exchange: the export is a transfer message as the Portalverbund's readers expect it, a collector
// message of a few hundred services seeds the catalog (with a report of what could not be mapped, and the town's own
// additions kept on re-import), the catalog travels to another tenant unchanged, and hostile or broken files are
// refused with a report while nothing is stored.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DOMParser } from '@xmldom/xmldom';
import { sql } from 'kysely';
import xpath from 'xpath';
import { startServer, type TestServer } from '../support/server.js';
import { Visitor } from '../support/visitor.js';
import { staffLogin } from '../support/journeys.js';
import { postMultipart } from '../support/multipart.js';
import { collectorMessage, HENNEF, serviceId, serviceName } from '../support/xzufi-collector.js';
import { addTenant } from '../../src/platform/tenancy/tenants.js';
import { insertUnit } from '../../src/platform/auth/users-repo.js';
import { editorialOffice, exportXml, importEntries, parseExchangeFile } from '../../src/modules/catalog/exchange.js';
import { readXzufi, slugFor } from '../../src/modules/catalog/xzufi-read.js';

const upload = (visitor: Visitor, fileName: string, content: string, fields: Record<string, string> = {}) =>
  postMultipart(visitor, '/bo/katalog/import', fields, [{ field: 'file', name: fileName, bytes: content }]);

const count = async (server: TestServer) =>
  (await sql<{ n: number }>`select count(*)::int as n from catalog_entry where published is not null`.execute(server.db)).rows[0]!.n;

/** The message's objects, without what differs by sender and moment (header, root attributes). */
const objectsOf = (xml: string) => xml.slice(xml.indexOf('<xzufi:schreibe>'), xml.indexOf('</xzufi:schreibe>'));

/** XPath over the message with the XZuFi namespace, as the collector service's readers walk it. */
function reader(xml: string) {
  const document = new DOMParser().parseFromString(xml, 'text/xml');
  const select = xpath.useNamespaces({ x: 'http://xoev.de/schemata/xzufi/2_2_0' });
  const nodes = (path: string, context: Node = document as unknown as Node) => select(path, context) as Node[];
  const value = (path: string, context?: Node) => String(select(`string(${path})`, context ?? (document as unknown as Node), true));
  return { nodes, value };
}

describe('catalog exchange', () => {
  let server: TestServer;
  let admin: Visitor;
  let xml: string;
  before(async () => {
    server = await startServer();
    admin = new Visitor(server.url);
    await staffLogin(admin, 'admin@hennef.example');
    // One service with a LeiKa key, so the export shows how keys travel (the demo has none it could source).
    await sql`update catalog_entry set published = jsonb_set(published, '{leikaKey}', '"99000000000001"') where slug = 'sperrmuell'`.execute(
      server.db,
    );
    xml = (await admin.get('/bo/katalog/export.xml')).html;
  });
  after(() => server.close());

  it('the export is an XZuFi 2.2.0 transfer message the collector service’s readers can walk', () => {
    const { nodes, value } = reader(xml);
    assert.equal(value('/*/@xzufiVersion'), '2.2.0');
    assert.equal(nodes('/*/x:nachrichtenkopf').length, 1);
    assert.match(value('/*/x:nachrichtenkopf/x:nachrichtUUID'), /^[0-9a-f-]{36}$/);
    const objects = nodes('/*/x:schreibe/*');
    assert.deepEqual([...new Set(objects.map((node) => (node as Element).localName))].sort(), [
      'leistung',
      'onlinedienst',
      'organisationseinheit',
    ]);
    const services = nodes('/*/x:schreibe/x:leistung');
    assert.ok(services.length > 80);
    for (const service of services) {
      assert.equal(value('x:id/@schemeAgencyID', service), 'rathaus-hennef');
      assert.equal(nodes("x:modulText[x:leikaTextmodul/code = '02']", service).length, 1, 'exactly one Leistungsbezeichnung');
      assert.ok(value("x:modulText[x:leikaTextmodul/code = '02']/x:inhalt[@languageCode = 'de']", service));
    }
    const bulky = nodes("/*/x:schreibe/x:leistung[x:id = 'sperrmuell']")[0]!;
    assert.equal(value('x:referenzLeiKa/code', bulky), '99000000000001');
    assert.equal(value('x:referenzLeiKa/@listURI', bulky), 'urn:de:fim:leika:leistung');
    const dog = nodes("/*/x:schreibe/x:leistung[x:id = 'hundeanmeldung']")[0]!;
    assert.equal(value("x:modulText[x:leikaTextmodul/code = '02']/x:inhalt[@languageCode = 'de']", dog), 'Hund anmelden (Hundesteuer)');
    assert.match(value("x:modulText[x:leikaTextmodul/code = '05']/x:inhalt", dog), /^<ul><li>/);

    const offices = nodes('/*/x:schreibe/x:organisationseinheit');
    const ids = new Set(services.map((service) => value('x:id', service)));
    for (const office of offices) {
      assert.ok(value('x:id/@schemeAgencyID', office));
      assert.ok(value('x:name/x:name', office), 'name/name');
      for (const responsibility of nodes('x:zustaendigkeit', office)) {
        assert.equal(nodes('x:leistungID', responsibility).length, 1);
        assert.ok(ids.has(value('x:leistungID', responsibility)), 'leistungID names a Leistung of the message');
        assert.equal(value('x:gebietID', responsibility), HENNEF);
      }
    }
    const citizensOffice = nodes("/*/x:schreibe/x:organisationseinheit[x:id = 'buergeramt']")[0]!;
    assert.equal(value('x:name/x:name', citizensOffice), 'Bürgeramt (Bürgerzentrum)');
    assert.equal(value('x:anschrift/x:strasse', citizensOffice), 'Frankfurter Straße');
    assert.equal(value('x:anschrift/x:hausnummer', citizensOffice), '97');
    assert.ok(nodes("x:zustaendigkeit[x:leistungID = 'meldebescheinigung-einfach']", citizensOffice).length >= 1);
    assert.equal(nodes('/*/x:zustaendigkeit').length, 0, 'responsibilities sit under their organisationseinheit');

    const online = nodes("/*/x:schreibe/x:onlinedienst[x:zustaendigkeit/x:leistungID = 'gewerbeanmeldung']")[0]!;
    assert.equal(
      `${value('x:link/x:typ/@listURI', online)}:${value('x:link/x:typ/code', online)}`,
      'urn:xoev-de:fim:codeliste:onlinedienstlinktyp:01',
    );
    assert.equal(value('x:link/x:link', online), 'https://gewerbe.nrw');
    assert.ok(value('x:bezeichnung', online));
  });

  it('exported, imported into an empty tenant and exported again, the message stays the same', async () => {
    const tenant = await addTenant(server.db, {
      slug: 'musterstadt',
      name: 'Musterstadt',
      hosts: ['musterstadt.localhost'],
      settings: { regionalKey: HENNEF },
    });
    const unit = await insertUnit(server.db, { tenant_id: tenant.id, name: 'Hauptamt', short_name: 'HA', parent_id: null });
    const file = parseExchangeFile(xml, editorialOffice(tenant));
    assert.deepEqual(file.problems, []);
    const outcome = await importEntries(server.db, { tenantId: tenant.id, userId: null, label: 'test' }, file, unit.id);
    assert.ok(outcome.ok, JSON.stringify(outcome));
    const visitor = new Visitor(server.url, 'musterstadt.localhost');
    const again = await exportXml(server.db, tenant);
    // Units travel by short name; the empty tenant has only its own, so new entries belong to it.
    const withoutUnits = (message: string) => objectsOf(message).replace(/ einheit="[^"]*"/g, '');
    assert.equal(withoutUnits(again), withoutUnits(xml));
    const found = await visitor.get('/leistungen/suche?q=hund+anmelden');
    assert.match(found.html, /href="\/leistungen\/hundeanmeldung"/);
  });

  it('re-importing the same file changes nothing and creates no duplicates', async () => {
    const before = await count(server);
    await admin.get('/bo/katalog/austausch');
    const answer = await upload(admin, 'katalog.xml', xml);
    assert.match(answer.html, /Import abgeschlossen: 0 neu, 0 aktualisiert, \d+ unverändert/);
    assert.equal(await count(server), before);
  });

  it('a JSON import updates an entry by its identifier', async () => {
    await admin.get('/bo/katalog/austausch');
    const json = JSON.parse((await admin.request('GET', '/bo/katalog/export.json')).html) as {
      entries: { slug: string; content: { summary: string } }[];
    };
    json.entries.find((entry) => entry.slug === 'sperrmuell')!.content.summary = 'Sperrmüll holen wir jetzt viermal im Jahr kostenlos ab.';
    const answer = await upload(admin, 'katalog.json', JSON.stringify(json));
    assert.match(answer.html, /Import abgeschlossen: 0 neu, 1 aktualisiert/);
    assert.match((await new Visitor(server.url).get('/leistungen/sperrmuell')).html, /viermal im Jahr/);
    json.entries.find((entry) => entry.slug === 'sperrmuell')!.content.summary = '';
    await admin.get('/bo/katalog/austausch');
    const refused = await upload(admin, 'katalog.json', JSON.stringify(json));
    assert.equal(refused.status, 400);
    assert.match(refused.html, /Leistung „sperrmuell“: das Feld „Kurztext“ ist leer oder ungültig/, 'the form label, not the field name');
    const elsewhere = json.entries.find((entry) => entry.slug === 'sperrmuell')!.content as {
      summary: string;
      responsibilities: { office?: string }[];
    };
    elsewhere.summary = 'Sperrmüll';
    elsewhere.responsibilities = [{ office: 'gibt-es-nicht' }];
    const english = new Visitor(server.url);
    await staffLogin(english, 'admin@hennef.example');
    await english.get('/bo/katalog/austausch?lang=en');
    const inEnglish = await upload(english, 'katalog.json', JSON.stringify(json));
    assert.equal(inEnglish.status, 400);
    assert.match(inEnglish.html, /Service “sperrmuell”: refers to Office “gibt-es-nicht”, which does not exist/);
    assert.doesNotMatch(inEnglish.html, /verweist|Leistung „/, 'no German in the English report');
  });

  describe('a collector message of 300 services', () => {
    const collector = collectorMessage();

    it('two services with the same name get two addresses', () => {
      const twins = collector.replace(`${serviceName(3)}<`, `${serviceName(1)}<`);
      const slugs = readXzufi(twins, { agency: 'rathaus-hennef', regionalKey: HENNEF }).entries.map((entry) => entry.slug);
      const first = slugFor({ agency: 'L100040', id: String(serviceId(1)) }, serviceName(1));
      assert.ok(slugs.includes(first) && slugs.includes(`${first}-${serviceId(3)}`));
      assert.equal(new Set(slugs).size, slugs.length);
    });

    it('is refused as a whole by default, with every reason in German, and nothing is stored', async () => {
      const before = await count(server);
      await admin.get('/bo/katalog/austausch');
      const answer = await upload(admin, 'sammler.xml', collector);
      assert.equal(answer.status, 400);
      assert.match(answer.html, /Die Datei wurde abgelehnt; nichts wurde gespeichert/);
      assert.match(answer.html, /XZuFi-Leistung „8000300“: hat keine Leistungsbezeichnung \(Textmodul 02\)/);
      assert.match(answer.html, /XZuFi-Organisationseinheit „9000004“: hat keine vollständige Anschrift/);
      assert.equal(await count(server), before);
    });

    it('with "skip" takes over the town’s and the district’s services and reports the rest', async () => {
      const before = await count(server);
      await admin.get('/bo/katalog/austausch');
      const answer = await upload(admin, 'sammler.xml', collector, { skip: 'on' });
      assert.equal(answer.status, 200);
      // Services 1–200 at the town's office, 201–250 at the district's, and those two offices.
      assert.match(answer.html, /Import abgeschlossen: 252 neu, 0 aktualisiert, 0 unverändert/);
      assert.match(answer.html, /2 Einträge wurden nicht übernommen:/);
      assert.match(answer.html, /50 Objekte gehören zu anderen Gebieten und wurden nicht übernommen/);
      assert.equal(await count(server), before + 252);

      const slug = slugFor({ agency: 'L100040', id: String(serviceId(1)) }, serviceName(1));
      const page = await new Visitor(server.url).get(`/leistungen/${slug}`);
      assert.equal(page.status, 200);
      assert.ok(page.html.includes(serviceName(1)));
      assert.match(page.html, /<li[^>]*>Nachweis &amp; Vollmacht bei Vertretung<\/li>/);
      assert.match(page.html, /In Hennef bringen Sie bitte zusätzlich die Hundesteuermarke mit/, 'the specialisation’s text');
      assert.match(page.html, /Stadt Hennef \(Sieg\) – Bürgeramt/);
      assert.doesNotMatch(page.html, /&lt;(p|li)&gt;/);
      const online = await new Visitor(server.url).get(
        `/leistungen/${slugFor({ agency: 'L100040', id: String(serviceId(2)) }, serviceName(2))}`,
      );
      assert.match(online.html, /href="https:\/\/service.example.org\/antrag\/2"/);
      const district = await new Visitor(server.url).get(
        `/leistungen/${slugFor({ agency: 'L100040', id: String(serviceId(201)) }, serviceName(201))}`,
      );
      assert.match(district.html, /Rhein-Sieg-Kreis – Straßenverkehrsamt/);
      const neighbour = await new Visitor(server.url).get(
        `/leistungen/${slugFor({ agency: 'L100040', id: String(serviceId(260)) }, serviceName(260))}`,
      );
      assert.equal(neighbour.status, 404, 'a service only the neighbouring town offers is not ours');
    });

    it('a re-import updates the state’s texts and keeps what the town added', async () => {
      const slug = slugFor({ agency: 'L100040', id: String(serviceId(5)) }, serviceName(5));
      await sql`
        update catalog_entry set published = published || '{"bookable": true, "keywords": ["Ortsbegriff"]}'::jsonb
        where slug = ${slug}`.execute(server.db);
      const before = await count(server);
      await admin.get('/bo/katalog/austausch');
      const answer = await upload(admin, 'sammler.xml', collectorMessage({ renamed: { 5: 'Parkausweis – neu benannt' }, deleted: [7] }), {
        skip: 'on',
      });
      assert.match(answer.html, /Import abgeschlossen: 0 neu, 1 aktualisiert, 251 unverändert/);
      assert.match(answer.html, /1 Eintrag wurde auf Wunsch der Redaktion zurückgezogen/);
      assert.equal(await count(server), before - 1);
      const row = (
        await sql<{ published: { name: string; bookable: boolean; keywords: string[] } }>`
          select published from catalog_entry where slug = ${slug}`.execute(server.db)
      ).rows[0]!;
      assert.equal(row.published.name, 'Parkausweis – neu benannt');
      assert.equal(row.published.bookable, true);
      assert.deepEqual(row.published.keywords, ['Parkausweis', 'Ortsbegriff']);
      const withdrawn = slugFor({ agency: 'L100040', id: String(serviceId(7)) }, serviceName(7));
      assert.equal((await new Visitor(server.url).get(`/leistungen/${withdrawn}`)).status, 404);
    });
  });

  it('a file with invalid elements is rejected with every reason, and nothing is stored', async () => {
    const before = await count(server);
    const office = (inner: string) =>
      `<xzufi:organisationseinheit><xzufi:id schemeAgencyID="rathaus-hennef">neue-stelle</xzufi:id>${inner}</xzufi:organisationseinheit>`;
    const broken = xml.replace(
      '<xzufi:schreibe>',
      `<xzufi:schreibe><xzufi:ansprechpunkt/>${office(
        '<xzufi:name><xzufi:name>Neue Stelle</xzufi:name></xzufi:name><xzufi:zustaendigkeit><xzufi:leistungID schemeAgencyID="rathaus-hennef">gibt-es-nicht</xzufi:leistungID></xzufi:zustaendigkeit>',
      )}`,
    );
    await admin.get('/bo/katalog/austausch');
    const answer = await upload(admin, 'kaputt.xml', broken);
    assert.equal(answer.status, 400);
    assert.match(answer.html, /Die Datei wurde abgelehnt; nichts wurde gespeichert/);
    assert.match(answer.html, /Element „ansprechpunkt“: ist kein Objekt, das XZuFi überträgt/);
    assert.match(answer.html, /XZuFi-Organisationseinheit „neue-stelle“: hat keine vollständige Anschrift/);
    assert.match(
      answer.html,
      /XZuFi-Zuständigkeit „neue-stelle“: verweist auf die Leistung „gibt-es-nicht“, die nicht in der Nachricht steht/,
    );
    assert.equal(await count(server), before);
    await admin.get('/bo/katalog/austausch');
    const notXzufi = await upload(admin, 'fremd.xml', '<?xml version="1.0"?><katalog><leistung/></katalog>');
    assert.match(notXzufi.html, /keine XZuFi-2\.2-Nachricht/);
  });

  it('entity expansion, external entities and malformed XML are refused before parsing', async () => {
    const bomb =
      '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><xzufi:transfer xmlns:xzufi="http://xoev.de/schemata/xzufi/2_2_0">&lol2;</xzufi:transfer>';
    await admin.get('/bo/katalog/austausch');
    const refused = await upload(admin, 'bombe.xml', bomb);
    assert.equal(refused.status, 400);
    assert.match(refused.html, /DOCTYPE- oder ENTITY-Deklaration/);
    await admin.get('/bo/katalog/austausch');
    const external = await upload(
      admin,
      'xxe.xml',
      '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>',
    );
    assert.match(external.html, /DOCTYPE- oder ENTITY-Deklaration/);
    assert.doesNotMatch(external.html, /root:/);
    await admin.get('/bo/katalog/austausch');
    const malformed = await upload(admin, 'kaputt.xml', '<xzufi:transfer><xzufi:leistung></xzufi:transfer>');
    assert.equal(malformed.status, 400);
    assert.match(malformed.html, /weder gültiges XZuFi-XML noch JSON/);
  });

  it('a file over 5 MB is refused with a clear message', async () => {
    await admin.get('/bo/katalog/austausch');
    const huge = await upload(admin, 'riesig.xml', `<x>${'a'.repeat(5 * 1024 * 1024 + 10)}</x>`);
    assert.equal(huge.status, 413);
    assert.match(huge.html, /größer als 5 MB/);
  });

  it('an editor may export but not import', async () => {
    const editor = new Visitor(server.url);
    await staffLogin(editor, 'redaktion@hennef.example');
    const page = await editor.get('/bo/katalog/austausch');
    assert.doesNotMatch(page.html, /type="file"/);
    assert.equal((await editor.request('GET', '/bo/katalog/export.json')).status, 200);
  });
});
