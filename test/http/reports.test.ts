// Reporting a problem without an account: the form explains what is missing and keeps what was typed, a place
// outside Hennef names the neighbour responsible, a report lands as a case in the responsible unit, and the
// reporter follows it through a private link; a flood of reports from one address is slowed down.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { assertSentTextsReadable } from '../support/reading.js';
import { startServer, type TestServer } from '../support/server.js';
import { Visitor } from '../support/visitor.js';
import { citizenLogin, staffLogin } from '../support/journeys.js';
import { postMultipart } from '../support/multipart.js';
import { get } from 'node:http';
import sharp from 'sharp';

/** A small photo as a phone takes it: with the camera's EXIF data and the GPS position of the place. */
const phonePhoto = () =>
  sharp({ create: { width: 640, height: 480, channels: 3, background: '#6b6b6b' } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'Rathausfon', Model: 'Testkamera' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '50/1 46/1 33/1', GPSLongitudeRef: 'E', GPSLongitude: '7/1 17/1 1/1' },
    })
    .toBuffer();

const version = (html: string) => /name="version" value="(\d+)"/.exec(html)![1]!;
const pothole = {
  category: 'schlagloch',
  address: 'Frankfurter Straße 97',
  coordinates: '',
  description: 'Tiefes Schlagloch vor der Bushaltestelle',
  name: 'Paula Pothole',
  email: 'paula@example.org',
};

describe('Mängelmelder: reporting', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer();
  });
  after(() => server.close());

  it('missing or wrong details are explained, the form keeps what was typed, nothing is stored', async () => {
    const citizen = new Visitor(server.url);
    const form = await citizen.get('/maengelmelder');
    assert.match(form.html, /Straße\/Gehweg – Schlagloch/);
    const empty = await citizen.post('/maengelmelder', {
      category: '',
      address: '',
      coordinates: '',
      description: '',
      name: '',
      email: 'kaputt',
    });
    assert.equal(empty.status, 400);
    assert.match(empty.html, /Bitte wählen Sie eine Kategorie/);
    assert.match(empty.html, /Bitte geben Sie an, wo das Problem ist/);
    assert.match(empty.html, /Bitte beschreiben Sie das Problem/);
    assert.match(empty.html, /gültige E-Mail-Adresse/);
    assert.match(empty.html, /value="kaputt"/);
    const typo = await citizen.post('/maengelmelder', { ...pothole, address: 'Frankfurter Strase 97' });
    assert.match(typo.html, /Meinten Sie „Frankfurter Straße“/);
    const siegburg = await citizen.post('/maengelmelder', { ...pothole, address: '', coordinates: '50.8008, 7.2044' });
    assert.equal(siegburg.status, 400);
    assert.match(siegburg.html, /außerhalb von Hennef, vermutlich in: Stadt Siegburg/);
    assert.match(siegburg.html, /Tiefes Schlagloch vor der Bushaltestelle/, 'the description is kept');
    const dumping = await citizen.post('/maengelmelder', {
      ...pothole,
      category: 'wilde-muellkippe',
      description: 'Säcke und Kanister am Waldrand',
      email: '',
    });
    assert.equal(dumping.status, 400);
    assert.match(dumping.html, /Bitte beantworten Sie: Liegen dort gefährliche Stoffe/, 'the category’s required question is asked');
    assert.match(dumping.html, /<select id="f-q\.gefahrstoffe" name="q\.gefahrstoffe"/);
    const stored = await sql<{ n: number }>`select count(*)::int as n from report`.execute(server.db);
    assert.equal(stored.rows[0]!.n, 0);
  });

  it('a pothole report becomes a case at the Stadtbetriebe; the reporter follows it privately, the public sees no personal details', async () => {
    const citizen = new Visitor(server.url);
    await citizen.get('/maengelmelder');
    const sent = await citizen.post('/maengelmelder', pothole);
    assert.equal(sent.status, 200);
    assert.match(sent.html, /Danke! Ihre Meldung ist eingegangen/);
    assert.match(sent.html, /Tiefes Schlagloch vor der Bushaltestelle/);
    const privateLink = /(http:\/\/[^"<\s]+schluessel=[A-Za-z0-9_-]+)/.exec(sent.html)![1]!;
    const publicPath = new URL(privateLink).pathname;
    const stranger = await new Visitor(server.url).get(publicPath);
    assert.equal(stranger.status, 200);
    assert.match(stranger.html, /Straße\/Gehweg – Schlagloch/);
    assert.match(stranger.html, /neu/);
    assert.doesNotMatch(stranger.html, /Paula|paula@example\.org|Bushaltestelle/, 'no personal details, no unmoderated text in public');
    const mail = await sql<{ body_text: string }>`select body_text from mail_message where recipient = 'paula@example.org'`.execute(
      server.db,
    );
    assert.ok(mail.rows[0]!.body_text.includes(privateLink), 'the private link comes by e-mail');
    const row = (
      await sql<{ unit: string; source_kind: string; id: string }>`select unit, source_kind, id from case_record`.execute(server.db)
    ).rows[0]!;
    assert.deepEqual([row.unit, row.source_kind], ['SBH', 'report']);
    const admin = new Visitor(server.url);
    await staffLogin(admin, 'admin@hennef.example');
    const casePage = await admin.get(`/bo/vorgaenge/${row.id}`);
    assert.match(casePage.html, /Tiefes Schlagloch vor der Bushaltestelle/);
    assert.match(casePage.html, /paula@example\.org/);
  });

  it('a second reporter of the same pothole sees it is already reported and supports it instead; a different problem can still be sent', async () => {
    const neighbour = new Visitor(server.url);
    await neighbour.get('/maengelmelder');
    const hint = await neighbour.post('/maengelmelder', {
      ...pothole,
      address: 'Frankfurter Straße 99',
      description: 'Großes Loch in der Fahrbahn',
      email: '',
    });
    assert.equal(hint.status, 200);
    assert.match(hint.html, /Schon gemeldet\?/);
    assert.match(hint.html, /Großes Loch in der Fahrbahn/, 'what was typed is kept');
    const supportAction = /action="(\/maengelmelder\/meldung\/[0-9a-f-]{36}\/unterstuetzen)"/.exec(hint.html)![1]!;
    const supported = await neighbour.post(supportAction, { email: 'nachbar@example.org' });
    assert.match(supported.html, /Danke für Ihre Unterstützung/);
    await neighbour.get('/maengelmelder');
    const twice = await neighbour.post(supportAction, { email: 'NACHBAR@example.org' });
    assert.match(twice.html, /Sie unterstützen diese Meldung bereits/);
    const counts = await sql<{
      n: number;
      supporters: number;
    }>`select count(*)::int as n, max(supporters) as supporters from report`.execute(server.db);
    assert.deepEqual(counts.rows[0], { n: 1, supporters: 1 }, 'no duplicate stored, one supporter counted once');
    await neighbour.get('/maengelmelder');
    const hintAgain = await neighbour.post('/maengelmelder', {
      ...pothole,
      address: 'Frankfurter Straße 99',
      description: 'Gullydeckel klappert',
      email: '',
    });
    assert.match(hintAgain.html, /name="confirmed" value="yes"/);
    const anyway = await neighbour.post('/maengelmelder', {
      ...pothole,
      address: 'Frankfurter Straße 99',
      description: 'Gullydeckel klappert',
      email: '',
      confirmed: 'yes',
    });
    assert.match(anyway.html, /Danke! Ihre Meldung ist eingegangen/);
  });

  it('photos: a file that is not an image is refused with the rest kept; a phone photo is stored without EXIF and GPS and shown only after release', async () => {
    const citizen = new Visitor(server.url);
    await citizen.get('/maengelmelder');
    const fake = await postMultipart(citizen, '/maengelmelder', { ...pothole, description: 'Ast auf dem Gehweg', category: 'baum-ast' }, [
      { field: 'photos', name: 'ast.jpg', bytes: Buffer.from('MZ this is a program, not a photo') },
    ]);
    assert.equal(fake.status, 400);
    assert.match(fake.html, /Das ist kein Foto, das wir annehmen können/);
    assert.match(fake.html, /Ast auf dem Gehweg/);
    await citizen.get('/maengelmelder');
    const huge = await postMultipart(citizen, '/maengelmelder', { ...pothole, description: 'Ast auf dem Gehweg', category: 'baum-ast' }, [
      { field: 'photos', name: 'riesig.jpg', bytes: Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(9 * 1024 * 1024)]) },
    ]);
    assert.equal(huge.status, 400);
    assert.match(huge.html, /Ein Foto ist zu groß \(höchstens 8 MB\)/);
    assert.match(huge.html, /Ast auf dem Gehweg/, 'the rest of the report is kept');
    const photo = await phonePhoto();
    assert.ok((await sharp(photo).metadata()).exif, 'the original carries EXIF');
    const sent = await postMultipart(
      citizen,
      '/maengelmelder',
      { ...pothole, description: 'Ast auf dem Gehweg', category: 'baum-ast', email: '' },
      [{ field: 'photos', name: 'ast.jpg', bytes: photo, type: 'image/jpeg' }],
    );
    assert.equal(sent.status, 200);
    const stored = (
      await sql<{
        content_hash: string;
        id: string;
        report_id: string;
      }>`select f.content_hash, f.id, p.report_id from report_photo p join stored_file f on f.id = p.file_id`.execute(server.db)
    ).rows[0]!;
    const bytes = await server.deps.store.get(stored.content_hash);
    const metadata = await sharp(bytes).metadata();
    assert.equal(metadata.exif, undefined, 'no EXIF block at all in the stored copy');
    assert.equal(bytes.includes(Buffer.from('Rathausfon')), false);
    assert.match(
      sent.html,
      /<img class="attachment-preview" src="\/maengelmelder\/meldung\/[^"]+\/foto\/0\?schluessel=/,
      'the reporter sees their photo',
    );
    const publicPhoto = `/maengelmelder/meldung/${stored.report_id}/foto/0`;
    assert.equal((await new Visitor(server.url).get(publicPhoto)).status, 404, 'not public before moderation');
    const stefan = new Visitor(server.url);
    await staffLogin(stefan, 'stadtbetriebe@hennef.example');
    const caseId = (await sql<{ id: string }>`select id from case_record where source_id = ${stored.report_id}`.execute(server.db)).rows[0]!
      .id;
    await stefan.get(`/bo/vorgaenge/${caseId}`);
    assert.equal(
      (await stefan.post(`/bo/meldungen/${stored.report_id}/foto/NaN/sichtbarkeit`, { public: 'yes' })).status,
      404,
      'no such photo',
    );
    await stefan.get(`/bo/vorgaenge/${caseId}`);
    await stefan.post(`/bo/meldungen/${stored.report_id}/foto/0/sichtbarkeit`, { public: 'yes' });
    const released = await fetch(`${server.url}${publicPhoto}`);
    assert.equal(released.status, 200);
    assert.equal(released.headers.get('content-type'), 'image/jpeg');
  });

  it('a moderator publishes the description without personal details; the public reads it on the report page, in GeoJSON and Open311, until it is withdrawn', async () => {
    const report = (
      await sql<{
        id: string;
        number: string;
        case_id: string;
      }>`select r.id, r.number, c.id as case_id from report r join case_record c on c.source_id = r.id::text where r.description = ${pothole.description}`.execute(
        server.db,
      )
    ).rows[0]!;
    const publicPage = `/maengelmelder/meldung/${report.id}`;
    const stefan = new Visitor(server.url);
    await staffLogin(stefan, 'stadtbetriebe@hennef.example');
    const casePage = await stefan.get(`/bo/vorgaenge/${report.case_id}`);
    assert.match(casePage.html, /Öffentliche Beschreibung \(nicht öffentlich\)/);
    const empty = await stefan.post(`/bo/meldungen/${report.id}/beschreibung`, { action: 'publish', publicDescription: '  ' });
    assert.match(
      empty.html,
      /<div class="alert alert--error" role="alert"><p>Bitte geben Sie den Text ein, der öffentlich erscheinen soll/,
      'shown as an error, not as a confirmation',
    );
    assert.doesNotMatch((await new Visitor(server.url).get(publicPage)).html, /Beschreibung/, 'nothing published');

    const published = await stefan.post(`/bo/meldungen/${report.id}/beschreibung`, {
      action: 'publish',
      publicDescription: 'Tiefes Schlagloch am Fahrbahnrand',
    });
    assert.match(published.html, /<div class="alert alert--success" role="status"><p>Die Beschreibung ist veröffentlicht/);
    assert.match((await new Visitor(server.url).get(publicPage)).html, /<dd>Tiefes Schlagloch am Fahrbahnrand<\/dd>/);
    const geojson = (await (await fetch(`${server.url}/maengelmelder/meldungen.geojson?kategorie=schlagloch&zeitraum=30`)).json()) as {
      features: { id: string; properties: { description: string | null } }[];
    };
    assert.equal(
      geojson.features.find((feature) => feature.id === report.number)?.properties.description,
      'Tiefes Schlagloch am Fahrbahnrand',
    );
    const open311 = (await (await fetch(`${server.url}/open311/v2/requests/${report.number}.json`)).json()) as {
      description: string | null;
    }[];
    assert.equal(open311[0]!.description, 'Tiefes Schlagloch am Fahrbahnrand');
    const audit = await sql<{ n: number }>`select count(*)::int as n from audit_log where action = 'reports.description_published'`.execute(
      server.db,
    );
    assert.equal(audit.rows[0]!.n, 1);

    const otherUnit = new Visitor(server.url);
    await staffLogin(otherUnit, 'steuern@hennef.example');
    await otherUnit.get('/bo/vorgaenge');
    assert.equal(
      (await otherUnit.post(`/bo/meldungen/${report.id}/beschreibung`, { action: 'withdraw' })).status,
      404,
      'a clerk of another unit cannot moderate it',
    );

    await stefan.get(`/bo/vorgaenge/${report.case_id}`);
    await stefan.post(`/bo/meldungen/${report.id}/beschreibung`, { action: 'withdraw' });
    assert.doesNotMatch((await new Visitor(server.url).get(publicPage)).html, /Fahrbahnrand/, 'withdrawn, it is gone');
  });

  it('the Stadtbetriebe fix it and answer publicly; the reporter is told by e-mail and can reopen; a wrong category is rerouted', async () => {
    const stefan = new Visitor(server.url);
    await staffLogin(stefan, 'stadtbetriebe@hennef.example');
    const caseId = (
      await sql<{
        id: string;
      }>`select c.id from case_record c join report r on r.id::text = c.source_id where r.description = ${pothole.description}`.execute(
        server.db,
      )
    ).rows[0]!.id;
    let page = await stefan.get(`/bo/vorgaenge/${caseId}`);
    page = await stefan.post(`/bo/vorgaenge/${caseId}/status`, { version: version(page.html), to: 'in_progress' });
    const noAnswer = await stefan.post(`/bo/vorgaenge/${caseId}/status`, { version: version(page.html), to: 'fixed', answer: '' });
    assert.match(noAnswer.html, /Bitte füllen Sie aus: Öffentliche Antwort an die Meldenden/);
    page = await stefan.post(`/bo/vorgaenge/${caseId}/status`, {
      version: version(page.html),
      to: 'fixed',
      answer: 'Das Schlagloch wurde am Dienstag verfüllt.',
    });
    assert.match(page.html, /<dd>Erledigt \(behoben\)<\/dd>/);
    await server.jobs.runDue();
    const report = (
      await sql<{
        id: string;
        status: string;
        closed: boolean;
      }>`select id, status, closed_at is not null as closed from report where description = ${pothole.description}`.execute(server.db)
    ).rows[0]!;
    assert.equal(report.status, 'fixed');
    assert.ok(report.closed, 'the report knows when it was closed (for the statistics)');
    const publicPage = await new Visitor(server.url).get(`/maengelmelder/meldung/${report.id}`);
    assert.match(publicPage.html, /erledigt/);
    assert.match(publicPage.html, /Das Schlagloch wurde am Dienstag verfüllt\./);
    const history = [...publicPage.html.matchAll(/<strong>([^<]+)<\/strong><\/li>/g)].map((match) => match[1]);
    assert.deepEqual(history, ['neu', 'in Bearbeitung', 'erledigt'], 'the report page shows its public history');
    const mails = await sql<{
      subject: string;
      body_text: string;
    }>`select subject, body_text from mail_message where recipient = 'paula@example.org' order by created_at`.execute(server.db);
    assert.ok(
      mails.rows.some((mail) => /: erledigt$/.test(mail.subject) && mail.body_text.includes('Das Schlagloch wurde am Dienstag verfüllt.')),
      'the reporter reads the answer by e-mail',
    );
    const supporterMail = await sql<{
      n: number;
    }>`select count(*)::int as n from mail_message where recipient = 'nachbar@example.org' and subject like '%erledigt'`.execute(server.db);
    assert.equal(supporterMail.rows[0]!.n, 1, 'the supporter hears of it too');

    const key = /schluessel=([A-Za-z0-9_-]+)/.exec(mails.rows[0]!.body_text)![1]!;
    const reporter = new Visitor(server.url);
    const own = await reporter.get(`/maengelmelder/meldung/${report.id}?schluessel=${key}`);
    assert.match(own.html, /Das Problem besteht weiter\?/);
    const reopened = await reporter.post(`/maengelmelder/meldung/${report.id}/wieder-oeffnen`, {
      schluessel: key,
      comment: 'Das Loch ist wieder aufgebrochen.',
    });
    assert.match(reopened.html, /Ihre Meldung ist wieder geöffnet/);
    const back = await stefan.get(`/bo/vorgaenge/${caseId}`);
    assert.match(back.html, /<dd>In Bearbeitung<\/dd>/, 'back in processing');
    assert.match(back.html, /<dd>SBH<\/dd>/, 'in the unit that closed it');
    assert.match(back.html, /Das Loch ist wieder aufgebrochen\./);

    const lamp = new Visitor(server.url);
    await lamp.get('/maengelmelder');
    await lamp.post('/maengelmelder', {
      ...pothole,
      category: 'laterne-defekt',
      description: 'Verkehrsschild umgefahren, nicht die Laterne',
      email: '',
    });
    const lampCase = (
      await sql<{
        id: string;
        source_id: string;
      }>`select id, source_id from case_record where service = 'maengelmelder-laterne-defekt'`.execute(server.db)
    ).rows[0]!;
    await stefan.get(`/bo/vorgaenge/${lampCase.id}`);
    const moved = await stefan.post(`/bo/meldungen/${lampCase.source_id}/kategorie`, { category: 'schild-beschaedigt' });
    assert.match(moved.html, /Die Kategorie ist geändert/);
    const rerouted = (
      await sql<{ unit: string; assignee_id: string | null }>`select unit, assignee_id from case_record where id = ${lampCase.id}`.execute(
        server.db,
      )
    ).rows[0]!;
    assert.deepEqual(rerouted, { unit: 'FD 3.1', assignee_id: null }, 'routing follows the category');
    assert.equal((await stefan.get(`/bo/vorgaenge/${lampCase.id}`)).status, 403, 'now the other unit’s case');
  });

  it('anonymous visitors share the rendered pages, each with a CSRF token of their own, and a new report shows at once', async () => {
    const [one, two] = [new Visitor(server.url), new Visitor(server.url)];
    const [first, second] = [await one.get('/maengelmelder'), await two.get('/maengelmelder')];
    assert.notEqual(one.csrf(), two.csrf(), 'each visitor gets their own token in the shared page');
    assert.equal(first.html.replace(one.csrf(), ''), second.html.replace(two.csrf(), ''), 'otherwise the same page');
    const before = (await one.get('/maengelmelder/meldungen')).html;
    await one.get('/maengelmelder');
    const sent = await one.post('/maengelmelder', {
      category: 'papierkorb-voll',
      address: 'Frankfurter Straße 97',
      coordinates: '',
      description: 'Papierkorb am Rathaus quillt über',
      name: '',
      email: '',
    });
    assert.match(sent.url, /\/maengelmelder\/meldung\//, 'the token from the shared page is accepted');
    const number = /M\d{4}-\d{6}/.exec(sent.html)![0];
    assert.doesNotMatch(before, new RegExp(number));
    assert.match((await two.get('/maengelmelder/meldungen')).html, new RegExp(number), 'the shared list is renewed by the new report');
  });

  it('the public map and list show the reports with status and answer, filterable, clustered, and as GeoJSON without personal data', async () => {
    await server.jobs.runDue();
    const visitor = new Visitor(server.url);
    const all = await visitor.get('/maengelmelder/meldungen');
    assert.equal(all.status, 200);
    assert.match(all.html, /\d+ Meldungen an dieser Stelle – zur Liste/, 'reports at one street are clustered');
    assert.match(all.html, /<h2 id="liste">Meldungen als Liste<\/h2>/);
    const potholes = await visitor.get('/maengelmelder/meldungen?kategorie=strasse&status=in_progress&zeitraum=7');
    const rows = [...potholes.html.matchAll(/<tr><td><a href="\/maengelmelder\/meldung\/[^"]+">([^<]+)<\/a>/g)];
    assert.equal(rows.length, 1, 'the reopened pothole only');
    assert.match(potholes.html, /aria-label="M\d{4}-\d{6}: Straße\/Gehweg – Schlagloch, Frankfurter Straße 97/);
    const geojson = await fetch(`${server.url}/maengelmelder/meldungen.geojson?kategorie=strasse`);
    assert.equal(geojson.headers.get('content-type'), 'application/geo+json; charset=utf-8');
    const text = await geojson.text();
    const collection = JSON.parse(text) as {
      type: string;
      features: { geometry: { coordinates: number[] }; properties: { status: string; answer: string | null } }[];
    };
    assert.equal(collection.type, 'FeatureCollection');
    assert.ok(collection.features.length >= 2);
    assert.ok(collection.features.some((feature) => feature.properties.answer === 'Das Schlagloch wurde am Dienstag verfüllt.'));
    assert.ok(
      collection.features.every((feature) => feature.geometry.coordinates[0]! > 7 && feature.geometry.coordinates[1]! > 50),
      'longitude first, as GeoJSON says',
    );
    assert.doesNotMatch(text, /paula|Paula|nachbar@|Bushaltestelle/, 'no personal data, no description');
    assert.equal(geojson.headers.get('content-encoding'), 'gzip', 'compressed for clients that accept it');
    const plain = await new Promise<{ encoding: string | undefined; body: string }>((resolve, reject) => {
      get(`${server.url}/maengelmelder/meldungen.geojson?kategorie=strasse`, (response) => {
        const chunks: Buffer[] = [];
        response
          .on('data', (chunk: Buffer) => chunks.push(chunk))
          .on('end', () => resolve({ encoding: response.headers['content-encoding'], body: Buffer.concat(chunks).toString() }))
          .on('error', reject);
      }).on('error', reject);
    });
    assert.equal(plain.encoding, undefined);
    assert.equal(plain.body, text, 'and the same collection, uncompressed, for clients that do not');
  });

  it('a logged-in citizen finds the report in the account; the lead sees the statistics', async () => {
    const erika = new Visitor(server.url);
    await citizenLogin(erika, 'erika-mustermann', 'substantial');
    await erika.get('/maengelmelder');
    await erika.post('/maengelmelder', { ...pothole, category: 'spielgeraet-defekt', description: 'Schaukelkette gerissen', email: '' });
    const account = await erika.get('/konto');
    assert.match(account.html, /Meine Meldungen im Mängelmelder/);
    const link = /href="(\/maengelmelder\/meldung\/[0-9a-f-]{36})">M\d{4}-\d{6} · Spielplatz – Spielgerät defekt/.exec(account.html)![1]!;
    assert.match((await erika.get(link)).html, /Schaukelkette gerissen/, 'as the reporter, logged in, without the key');
    const lead = new Visitor(server.url);
    await staffLogin(lead, 'leitung@hennef.example');
    const stats = await lead.get('/bo/meldungen/statistik');
    assert.equal(stats.status, 200);
    assert.match(stats.html, /<td>Straße\/Gehweg – Schlagloch<\/td><td>2<\/td>/);
    assert.match(stats.html, /Meldungen je Ortsteil/);
    assert.match(stats.html, /<td>Hennef-Zentrum<\/td>/);
    assert.match(
      stats.html,
      /<caption>Dauer bis zum Abschluss \(Median\)<\/caption>.*<td>Straße\/Gehweg – Schlagloch<\/td><td>0(,\d)?<\/td><td>1<\/td>/s,
      'the fixed pothole: closed the same day',
    );
  });

  it('a flood of reports from one address is slowed down with a friendly message', async () => {
    const flood = new Visitor(server.url);
    await flood.get('/maengelmelder');
    let answer = await flood.post('/maengelmelder', pothole);
    let accepted = 0;
    while (answer.status === 200 && accepted < 20) {
      accepted++;
      await flood.get('/maengelmelder');
      answer = await flood.post('/maengelmelder', { ...pothole, description: `Meldung ${accepted}` });
    }
    assert.equal(answer.status, 429);
    assert.equal(accepted, 10, 'ten reports in ten minutes are fine');
    assert.match(answer.html, /Zu viele Anfragen/);
  });

  it('every e-mail and Postfach item of these journeys reads right: no raw keys, ISO dates or unfilled values', async () => {
    await server.jobs.runDue();
    await assertSentTextsReadable(server.db);
  });
});

describe('Mängelmelder: the published place', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer();
  });
  after(() => server.close());

  const freeText = 'Hinter dem Haus von Familie Meier, Tel. 0171 2345678, neben dem roten Auto K-AB 123';

  it('with a pin, only the nearest street from the directory is published; the typed text stays with the clerk', async () => {
    const street = (
      await sql<{ lat: number; lng: number; name: string }>`select (s->>'lat')::float as lat, (s->>'lng')::float as lng, s->>'name' as name
      from tenant, jsonb_array_elements(settings->'geo'->'streets') s where slug = 'hennef' and s->>'name' = 'Frankfurter Straße'`.execute(
        server.db,
      )
    ).rows[0]!;
    const citizen = new Visitor(server.url);
    await citizen.get('/maengelmelder');
    const sent = await citizen.post('/maengelmelder', {
      ...pothole,
      description: 'Laterne flackert seit Tagen',
      category: 'laterne-defekt',
      address: freeText,
      coordinates: `${street.lat}, ${street.lng}`,
      email: '',
    });
    assert.equal(sent.status, 200);
    const id = /\/maengelmelder\/meldung\/([0-9a-f-]{36})/.exec(sent.url)![1]!;
    const report = (
      await sql<{
        number: string;
        case_id: string;
      }>`select r.number, c.id as case_id from report r join case_record c on c.source_id = r.id::text where r.id = ${id}`.execute(
        server.db,
      )
    ).rows[0]!;
    const leaks = /Meier|0171|K-AB/;
    const page = await new Visitor(server.url).get(`/maengelmelder/meldung/${id}`);
    assert.match(page.html, /in der Nähe von Frankfurter Straße, 53773 Hennef/);
    assert.doesNotMatch(page.html, leaks);
    const english = await new Visitor(server.url).get(`/maengelmelder/meldung/${id}?lang=en`);
    assert.match(english.html, /near Frankfurter Straße, 53773 Hennef/);
    assert.doesNotMatch((await new Visitor(server.url).get('/maengelmelder/meldungen')).html, leaks);
    assert.doesNotMatch(await (await fetch(`${server.url}/maengelmelder/meldungen.geojson`)).text(), leaks);
    const open311 = (await (await fetch(`${server.url}/open311/v2/requests/${report.number}.json`)).json()) as { address: string }[];
    assert.equal(open311[0]!.address, 'in der Nähe von Frankfurter Straße, 53773 Hennef (Sieg)');
    const clerk = new Visitor(server.url);
    await staffLogin(clerk, 'stadtbetriebe@hennef.example');
    const casePage = await clerk.get(`/bo/vorgaenge/${report.case_id}`);
    assert.match(casePage.html, /Ortsangabe der meldenden Person \(nicht öffentlich\)/);
    assert.match(casePage.html, /Familie Meier/);
  });

  it('a typed address is published as the directory spells it, and an over-long one is refused with the form kept', async () => {
    const citizen = new Visitor(server.url);
    await citizen.get('/maengelmelder');
    const sent = await citizen.post('/maengelmelder', { ...pothole, address: 'frankfurter str. 97', email: '' });
    const id = /\/maengelmelder\/meldung\/([0-9a-f-]{36})/.exec(sent.url)![1]!;
    assert.match(
      (await new Visitor(server.url).get(`/maengelmelder/meldung/${id}`)).html,
      /<dd>Frankfurter Straße 97, 53773 Hennef \(Sieg\)<\/dd>/,
    );
    await citizen.get('/maengelmelder');
    const stored = (await sql<{ n: number }>`select count(*)::int as n from report`.execute(server.db)).rows[0]!.n;
    const long = `Frankfurter Straße 97 ${'x'.repeat(250)}`;
    const refused = await citizen.post('/maengelmelder', { ...pothole, address: long, coordinates: '50.7766, 7.2835' });
    assert.equal(refused.status, 400);
    assert.match(refused.html, /Bitte fassen Sie die Ortsangabe kürzer \(höchstens 200 Zeichen\)/);
    assert.ok(refused.html.includes(long), 'the form keeps what was typed');
    assert.equal((await sql<{ n: number }>`select count(*)::int as n from report`.execute(server.db)).rows[0]!.n, stored, 'nothing stored');
  });
});

describe('Mängelmelder: photos larger than a report needs', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer();
  });
  after(() => server.close());

  it('a 49-megapixel PNG is refused from its header with a clear message, the rest of the form kept, nothing stored', async () => {
    const giant = await sharp({ create: { width: 7000, height: 7000, channels: 3, background: '#6b6b6b' } })
      .png()
      .toBuffer();
    const citizen = new Visitor(server.url);
    await citizen.get('/maengelmelder');
    const refused = await postMultipart(citizen, '/maengelmelder', { ...pothole, description: 'Riesiges Foto vom Schlagloch' }, [
      { field: 'photos', name: 'riesig.png', bytes: giant, type: 'image/png' },
    ]);
    assert.equal(refused.status, 400);
    assert.match(refused.html, /Ein Foto hat zu viele Bildpunkte \(höchstens 24 Megapixel\)/);
    assert.match(refused.html, /Riesiges Foto vom Schlagloch/);
    assert.equal((await sql<{ n: number }>`select count(*)::int as n from report`.execute(server.db)).rows[0]!.n, 0);
  });

  it('a photo just under the limit is taken and scaled down', async () => {
    const large = await sharp({ create: { width: 5600, height: 4200, channels: 3, background: '#6b6b6b' } })
      .jpeg()
      .toBuffer();
    const citizen = new Visitor(server.url);
    await citizen.get('/maengelmelder');
    const sent = await postMultipart(citizen, '/maengelmelder', { ...pothole, email: '' }, [
      { field: 'photos', name: 'gross.jpg', bytes: large, type: 'image/jpeg' },
    ]);
    assert.equal(sent.status, 200);
    const id = /\/maengelmelder\/meldung\/([0-9a-f-]{36})/.exec(sent.url)![1]!;
    const key = new URL(sent.url).searchParams.get('schluessel');
    const photo = await citizen.get(`/maengelmelder/meldung/${id}/foto/0?schluessel=${key}`);
    assert.equal(photo.status, 200);
    const size = await sharp(photo.bytes).metadata();
    assert.deepEqual([size.width, size.height], [1600, 1200]);
  });
});
