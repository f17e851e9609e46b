// XZuFi and JSON exchange: the catalog travels to another tenant unchanged, re-imports update in place, and
// hostile or broken files are refused with a report while nothing is stored.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { startServer, type TestServer } from '../support/server.js';
import { Visitor } from '../support/visitor.js';
import { staffLogin } from '../support/journeys.js';
import { postMultipart } from '../support/multipart.js';
import { addTenant } from '../../src/platform/tenancy/tenants.js';
import { insertUnit } from '../../src/platform/auth/users-repo.js';
import { exportJson, importEntries, parseExchangeFile } from '../../src/modules/catalog/exchange.js';

const upload = (visitor: Visitor, fileName: string, content: string) =>
  postMultipart(visitor, '/bo/katalog/import', {}, [{ field: 'file', name: fileName, bytes: content }]);

const count = async (server: TestServer) =>
  (await sql<{ n: number }>`select count(*)::int as n from catalog_entry`.execute(server.db)).rows[0]!.n;

describe('catalog exchange', () => {
  let server: TestServer;
  let admin: Visitor;
  let xml: string;
  before(async () => {
    server = await startServer();
    admin = new Visitor(server.url);
    await staffLogin(admin, 'admin@hennef.example');
    xml = (await admin.get('/bo/katalog/export.xml')).html;
  });
  after(() => server.close());

  it('the XZuFi export holds Leistung, Organisationseinheit, Zuständigkeit and Onlinedienst', () => {
    assert.match(xml, /<xzufi:transfer xmlns:xzufi="http:\/\/xoev.de\/schemata\/xzufi\/2_2_0"/);
    assert.match(xml, /<xzufi:leistung id="hundeanmeldung"/);
    assert.match(xml, /<xzufi:organisationseinheit id="buergeramt"/);
    assert.match(
      xml,
      /<xzufi:zustaendigkeit leistung="meldebescheinigung-einfach" organisationseinheit="buergeramt" ansprechpartner="anna-beispiel" buchstaben="A-K"/,
    );
    assert.match(xml, /<xzufi:onlinedienst leistung="gewerbeanmeldung" uri="https:\/\/gewerbe.nrw"/);
  });

  it('exported XZuFi imported into an empty tenant reproduces the catalog', async () => {
    const tenant = await addTenant(server.db, { slug: 'musterstadt', name: 'Musterstadt', hosts: ['musterstadt.localhost'], settings: {} });
    const unit = await insertUnit(server.db, { tenant_id: tenant.id, name: 'Hauptamt', short_name: 'HA', parent_id: null });
    const outcome = await importEntries(server.db, { tenantId: tenant.id, userId: null, label: 'test' }, parseExchangeFile(xml), unit.id);
    assert.ok(outcome.ok, JSON.stringify(outcome));
    const hennef = (await sql<{ id: string }>`select id from tenant where slug = 'hennef'`.execute(server.db)).rows[0]!.id;
    const contents = async (tenantId: string) =>
      (await exportJson(server.db, tenantId)).entries
        .map(({ kind, slug, content, reviewMonths }) => ({ kind, slug, content, reviewMonths }))
        .sort((a, b) => `${a.kind}${a.slug}`.localeCompare(`${b.kind}${b.slug}`));
    assert.deepEqual(await contents(tenant.id), await contents(hennef));
    const visitor = new Visitor(server.url, 'musterstadt.localhost');
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
  });

  it('a file with one invalid element is rejected with every reason, and nothing is stored', async () => {
    const before = await count(server);
    const broken = xml
      .replace('<xzufi:leistung id="hundeanmeldung"', '<xzufi:leistung id="Hunde Anmeldung!"')
      .replace('<xzufi:referenzLeiKa>', '<xzufi:referenzLeiKa>x')
      .replace(
        '</xzufi:transfer>',
        '<xzufi:leistung id="neue-leistung"><xzufi:modulText leikaTyp="01"><xzufi:inhalt xml:lang="de">Neu</xzufi:inhalt></xzufi:modulText></xzufi:leistung></xzufi:transfer>',
      );
    await admin.get('/bo/katalog/austausch');
    const answer = await upload(admin, 'kaputt.xml', broken);
    assert.equal(answer.status, 400);
    assert.match(answer.html, /Die Datei wurde abgelehnt; nichts wurde gespeichert/);
    assert.match(answer.html, /service Hunde Anmeldung!: unknown kind or invalid identifier/);
    assert.match(answer.html, /service neue-leistung: summary/);
    assert.equal(await count(server), before);
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
