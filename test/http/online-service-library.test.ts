// Each town adjusts its online services (unit, fee, texts, on/off), clerks see what changed between versions,
// and towns share definitions as packages (Einer für Alle); a broken package stores nothing.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { startServer, type TestServer } from '../support/server.js';
import { Visitor } from '../support/visitor.js';
import { staffLogin } from '../support/journeys.js';
import { postMultipart } from '../support/multipart.js';
import { checksum } from '../../src/modules/forms/library/versions.js';
import { serviceDefinition, type ServiceDefinitionInput } from '../../src/modules/forms/definition.js';

const treePatronage: ServiceDefinitionInput = {
  id: 'baumpatenschaft',
  catalog: 'spielplatz-patenschaft',
  version: 1,
  title: { de: 'Baumpatenschaft übernehmen', en: 'Adopt a tree' },
  targetUnit: 'Grünflächenamt',
  retentionDays: 730,
  steps: [
    {
      id: 'tree',
      title: { de: 'Ihr Baum', en: 'Your tree' },
      fields: [
        { type: 'info', name: 'intro', text: { de: 'Paten gießen ihren Baum im Sommer.', en: 'Sponsors water their tree in summer.' } },
        { type: 'text', name: 'name', label: { de: 'Name', en: 'Name' } },
      ],
    },
  ],
};

const packageOf = (...definitions: unknown[]) =>
  JSON.stringify({
    format: 'rathaus-service-package',
    formatVersion: 1,
    publisher: 'Stadt Musterhausen',
    exportedAt: '2026-11-01T00:00:00Z',
    services: definitions.map((definition) => ({ definition })),
  });
const imported = async (server: TestServer) =>
  (await sql<{ n: number }>`select count(*)::int as n from form_imported_definition`.execute(server.db)).rows[0]!.n;

describe('online services per town', () => {
  let server: TestServer;
  let admin: Visitor;
  before(async () => {
    server = await startServer();
    admin = new Visitor(server.url);
    await staffLogin(admin, 'admin@hennef.example');
  });
  after(() => server.close());

  async function importFile(content: string) {
    await admin.get('/bo/online-dienste');
    return postMultipart(admin, '/bo/online-dienste/paket-import', {}, [
      { field: 'package', name: 'paket.json', bytes: content, type: 'application/json' },
    ]);
  }

  it('an administrator changes fee, title and unit for the town; citizens see it at once; a bad amount keeps the form', async () => {
    const overview = await admin.get('/bo/online-dienste');
    assert.match(overview.html, /Einfache Meldebescheinigung beantragen/);
    const bad = await admin.post('/bo/online-dienste/meldebescheinigung-einfach/anpassen', {
      active: 'yes',
      targetUnit: 'FD 2.1',
      feeMode: 'fixed',
      feeAmount: 'zehn',
      titleDe: 'Meldebescheinigung online',
      titleEn: '',
    });
    assert.equal(bad.status, 400);
    assert.match(bad.html, /Betrag zwischen 0 und 100.000 Euro/);
    assert.match(bad.html, /Deutsch und Englisch/);
    assert.match(bad.html, /value="Meldebescheinigung online"/);
    await admin.post('/bo/online-dienste/meldebescheinigung-einfach/anpassen', {
      active: 'yes',
      targetUnit: 'FD 2.1',
      feeMode: 'fixed',
      feeAmount: '12,50',
      titleDe: 'Meldebescheinigung online',
      titleEn: 'Registration certificate online',
    });
    const start = await new Visitor(server.url).get('/online/meldebescheinigung-einfach');
    assert.match(start.html, /<h1>Meldebescheinigung online<\/h1>/);
    assert.match(start.html, /Gebühr: 12,50\s€/);
    const audited = (
      await sql<{ n: number }>`select count(*)::int as n from audit_log where action = 'forms.service_adjusted'`.execute(server.db)
    ).rows[0]!.n;
    assert.equal(audited, 1);
  });

  it('a service switched off disappears for citizens and from its catalog entry', async () => {
    // Seen first, so the pages visitors share hold it: switching off must renew them at once.
    const before = new Visitor(server.url);
    assert.match((await before.get('/online')).html, /href="\/online\/wahlhelfer"/);
    assert.match((await before.get('/leistungen/wahlhelfer')).html, /href="\/online\/wahlhelfer"/);
    await admin.get('/bo/online-dienste/wahlhelfer/anpassen');
    await admin.post('/bo/online-dienste/wahlhelfer/anpassen', { targetUnit: 'FD 2.1', feeMode: 'defined' });
    const citizen = new Visitor(server.url);
    assert.equal((await citizen.get('/online/wahlhelfer')).status, 404);
    assert.doesNotMatch((await citizen.get('/leistungen/wahlhelfer')).html, /href="\/online\/wahlhelfer"/);
    assert.doesNotMatch((await citizen.get('/online')).html, /href="\/online\/wahlhelfer"/);
  });

  it('clerks read the overview and the version history but cannot adjust', async () => {
    const clerk = new Visitor(server.url);
    await staffLogin(clerk, 'sachbearbeitung@hennef.example');
    const overview = await clerk.get('/bo/online-dienste');
    assert.equal(overview.status, 200);
    assert.doesNotMatch(overview.html, /\/anpassen"/);
    assert.equal((await clerk.get('/bo/online-dienste/hundeanmeldung/anpassen')).status, 403);
    assert.equal((await clerk.get('/bo/online-dienste/paket.json')).status, 403);
  });

  it('clerks see what changed between two published versions', async () => {
    const v1 = serviceDefinition.parse((await import('../../src/services/hundeabmeldung.js')).default);
    const steps = v1.steps.map((step, index) =>
      index === 0
        ? {
            ...step,
            fields: [
              ...step.fields.map((field) =>
                field.type === 'text' && field.name === 'dogName'
                  ? { ...field, label: { de: 'Rufname des Hundes', en: 'Dog’s call name' } }
                  : field,
              ),
              { type: 'phone' as const, name: 'vetPhone', label: { de: 'Telefon der Tierarztpraxis', en: 'Vet’s phone' }, required: false },
            ],
          }
        : step,
    );
    const v2 = serviceDefinition.parse({ ...v1, version: 2, steps });
    await sql`insert into form_definition (service, version, checksum, definition) values (${v2.id}, 2, ${checksum(v2)}, ${JSON.stringify(v2)})`.execute(
      server.db,
    );
    const clerk = new Visitor(server.url);
    await staffLogin(clerk, 'sachbearbeitung@hennef.example');
    const history = await clerk.get('/bo/online-dienste/hundeabmeldung/versionen');
    assert.match(history.html, /Version 2: veröffentlicht am/);
    const diff = await clerk.get('/bo/online-dienste/hundeabmeldung/versionen?von=1&bis=2');
    assert.match(diff.html, /Änderungen von Version 1 zu 2/);
    assert.match(diff.html, /<td>Feld: Telefon der Tierarztpraxis<\/td><td>hinzugefügt<\/td>/);
    assert.match(diff.html, /<td>Feld: Rufname des Hundes<\/td><td>geändert<\/td><td>label: [^<]* → Rufname des Hundes<\/td>/);
    assert.equal((await clerk.get('/bo/online-dienste/hundeabmeldung/versionen?von=1&bis=9')).status, 404);
  });

  it('the export is a package of all services as published', async () => {
    const answer = await admin.request('GET', '/bo/online-dienste/paket.json');
    const content = JSON.parse(answer.html) as {
      format: string;
      publisher: string;
      services: { definition: { id: string; title: { de: string } } }[];
    };
    assert.equal(content.format, 'rathaus-service-package');
    assert.equal(content.publisher, 'Stadt Hennef (Sieg)');
    assert.ok(content.services.some((service) => service.definition.id === 'hundeanmeldung'));
    const meldebescheinigung = content.services.find((service) => service.definition.id === 'meldebescheinigung-einfach')!;
    assert.equal(
      meldebescheinigung.definition.title.de,
      'Einfache Meldebescheinigung beantragen',
      'the definition as published, without this town’s adjustments',
    );
    const again = await importFile(answer.html);
    assert.equal(again.status, 200);
    assert.match(again.html, /Einfache Meldebescheinigung beantragen: unverändert/);
  });

  it('another town’s service arrives switched off until a unit of ours is chosen, then citizens can use it', async () => {
    const answer = await importFile(packageOf(treePatronage));
    assert.equal(answer.status, 200);
    assert.match(answer.html, /Das Paket wurde importiert/);
    assert.match(answer.html, /Baumpatenschaft übernehmen: importiert, aber ausgeschaltet/);
    assert.equal((await new Visitor(server.url).get('/online/baumpatenschaft')).status, 404);
    await admin.get('/bo/online-dienste/baumpatenschaft/anpassen');
    await admin.post('/bo/online-dienste/baumpatenschaft/anpassen', {
      active: 'yes',
      targetUnit: 'SBH',
      feeMode: 'defined',
      'text.intro.de': 'Hennefer Paten gießen ihren Baum.',
      'text.intro.en': 'Hennef sponsors water their tree.',
    });
    const citizen = new Visitor(server.url);
    await citizen.get('/online/baumpatenschaft');
    const first = await citizen.post('/online/baumpatenschaft', {});
    assert.match(first.html, /Hennefer Paten gießen ihren Baum/);
    const overview = await admin.get('/bo/online-dienste');
    assert.match(overview.html, /Paket: Stadt Musterhausen/);
  });

  it('a package with one broken service, a changed published version or no JSON stores nothing', async () => {
    const before = await imported(server);
    const broken = {
      ...treePatronage,
      id: 'kaputt',
      steps: [{ id: 'x', title: { de: 'X', en: 'X' }, fields: [{ type: 'text', name: 'Bad Name', label: { de: 'L', en: 'L' } }] }],
    };
    const mixed = await importFile(packageOf({ ...treePatronage, id: 'gut', version: 1 }, broken));
    assert.equal(mixed.status, 400);
    assert.match(mixed.html, /Nichts wurde gespeichert/);
    assert.match(mixed.html, /kaputt: abgelehnt – services\.1\.definition: steps\.0\.fields\.0/);
    const wahlhelfer = serviceDefinition.parse((await import('../../src/services/wahlhelfer.js')).default);
    const conflict = await importFile(packageOf({ ...wahlhelfer, version: 1, title: { de: 'Anders', en: 'Other' } }));
    assert.match(conflict.html, /version 1 exists here with other content/);
    const notJson = await importFile('<xml/>');
    assert.match(notJson.html, /kein gültiges JSON/);
    assert.equal(await imported(server), before);
  });
});
