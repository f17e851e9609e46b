// Editors configure the Mängelmelder: a new sub-category with its unit and an extra question appears in the form
// and in Open311; a category switched off is no longer offered; mistakes are explained and the form keeps them.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { startServer, type TestServer } from '../support/server.js';
import { Visitor } from '../support/visitor.js';
import { staffLogin } from '../support/journeys.js';

describe('Mängelmelder categories', () => {
  let server: TestServer;
  let editor: Visitor;
  before(async () => {
    server = await startServer();
    editor = new Visitor(server.url);
    await staffLogin(editor, 'redaktion@hennef.example');
  });
  after(() => server.close());

  it('a mistake is explained and kept; a new sub-category with a question reaches the form and Open311', async () => {
    await editor.get('/bo/meldungen/kategorien');
    const fields = {
      parent: 'verkehrszeichen',
      code: 'ampel-defekt',
      name_de: 'Verkehrszeichen – Ampel defekt',
      name_en: 'Traffic signs – Traffic light broken',
      unit: 'FD 3.1',
      target_days: '2',
      active: 'yes',
      questions: 'richtung | Welche Fahrtrichtung? | Which direction? | ja | Richtung Siegburg, Richtung Eitorf',
    };
    const taken = await editor.post('/bo/meldungen/kategorien', { ...fields, code: 'schlagloch', questions: 'kaputt' });
    assert.equal(taken.status, 400);
    assert.match(taken.html, /Diese Kennung ist schon vergeben/);
    assert.match(taken.html, /Zeile 1 der Zusatzfragen lässt sich nicht lesen/);
    assert.match(taken.html, /value="Verkehrszeichen – Ampel defekt"/);
    const saved = await editor.post('/bo/meldungen/kategorien', fields);
    assert.match(saved.html, /Die Kategorie ist gespeichert/);
    const form = await new Visitor(server.url).get('/maengelmelder');
    assert.match(form.html, /<option value="ampel-defekt">Verkehrszeichen – Ampel defekt<\/option>/);
    const definition = (await (await fetch(`${server.url}/open311/v2/services/ampel-defekt.json`)).json()) as {
      attributes: { code: string; required: boolean; values: { key: string; name: string }[] }[];
    };
    assert.deepEqual(
      definition.attributes.map((attribute) => [attribute.code, attribute.required, attribute.values.map((value) => value.key)]),
      [['richtung', true, ['richtung-siegburg', 'richtung-eitorf']]],
    );
  });

  it('a town without categories creates the standard stock with one button', async () => {
    await sql`delete from report_category where tenant_id = (select id from tenant where slug = 'hennef')`.execute(server.db);
    const empty = await editor.get('/bo/meldungen/kategorien');
    assert.match(empty.html, /Noch keine Kategorien/);
    const seeded = await editor.post('/bo/meldungen/kategorien/vorlage', {});
    assert.match(seeded.html, /<td>Straße\/Gehweg – Schlagloch<\/td>/);
  });

  it('a category switched off is no longer offered; its unit and target time can change', async () => {
    const page = await editor.get('/bo/meldungen/kategorien/papierkorb-voll');
    assert.match(page.html, /value="Müll – Papierkorb voll"/);
    await editor.post('/bo/meldungen/kategorien/papierkorb-voll', {
      name_de: 'Müll – Papierkorb voll',
      name_en: 'Waste – Litter bin full',
      unit: 'SBH',
      target_days: '3',
      active: 'no',
      questions: '',
    });
    assert.doesNotMatch((await new Visitor(server.url).get('/maengelmelder')).html, /papierkorb-voll/);
    const services = (await (await fetch(`${server.url}/open311/v2/services.json`)).json()) as { service_code: string }[];
    assert.ok(!services.some((service) => service.service_code === 'papierkorb-voll'));
    const overview = await editor.get('/bo/meldungen/kategorien');
    assert.match(overview.html, /<td>Müll – Papierkorb voll<\/td><td>SBH<\/td><td>3<\/td><td>nein<\/td>/);
    const clerk = new Visitor(server.url);
    await staffLogin(clerk, 'stadtbetriebe@hennef.example');
    assert.equal((await clerk.get('/bo/meldungen/kategorien')).status, 403, 'clerks do not configure categories');
  });
});
