// Editors change catalog entries, unit leads approve them, and the monthly freshness mail reaches the leads.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { startServer, type TestServer } from '../support/server.js';
import { Visitor } from '../support/visitor.js';
import { staffLogin } from '../support/journeys.js';
import { formValues } from '../support/forms.js';
import { enqueue } from '../../src/platform/jobs/queue.js';
import { FRESHNESS_JOB } from '../../src/modules/catalog/index.js';

async function entryId(server: TestServer, slug: string): Promise<string> {
  const { rows } = await sql<{ id: string }>`select id from catalog_entry where slug = ${slug}`.execute(server.db);
  return rows[0]!.id;
}

describe('editing the catalog', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer();
  });
  after(() => server.close());

  it('the editors’ list shows a hundred entries at a time, by kind and name, and goes on after the last', async () => {
    const editor = new Visitor(server.url);
    await staffLogin(editor, 'redaktion@hennef.example');
    const names = (html: string) => [...html.matchAll(/<td><a href="\/bo\/katalog\/[0-9a-f-]{36}">([^<]+)<\/a><\/td>/g)].map((m) => m[1]!);
    const first = await editor.get('/bo/katalog?art=service');
    assert.equal(names(first.html).length, 89, 'the demo’s 89 services fit one page');
    assert.doesNotMatch(first.html, /Weitere Einträge/);
    const all = await editor.get('/bo/katalog');
    assert.equal(names(all.html).length, 100);
    const next = /href="(\/bo\/katalog\?nach=[0-9a-f-]{36})" rel="next">Weitere Einträge</.exec(all.html)![1]!;
    const rest = await editor.get(next);
    assert.ok(names(rest.html).length > 0);
    assert.deepEqual(
      names(rest.html).filter((name) => names(all.html).includes(name) && name === names(all.html).at(-1)),
      [],
      'the next page starts after the last one shown',
    );
    assert.match(rest.html, /rel="first">Zum Anfang der Liste</);
    const malformed = await editor.get('/bo/katalog?nach=kaputt');
    assert.equal(malformed.status, 200);
    assert.deepEqual(names(malformed.html), names(all.html), 'a malformed position gives the first page');
  });

  it('an editor changes a fee, the unit lead approves it, citizens see it and the history shows the diff', async () => {
    const id = await entryId(server, 'meldebescheinigung-einfach');
    const editor = new Visitor(server.url);
    await staffLogin(editor, 'redaktion@hennef.example');
    const form = await editor.get(`/bo/katalog/${id}`);
    const values = formValues(form.html, `/bo/katalog/${id}`);
    assert.equal(values.costsAmount, '10');
    const submitted = await editor.post(`/bo/katalog/${id}`, { ...values, costsAmount: '12,50', action: 'submit' });
    assert.match(submitted.html, /Zur Freigabe gegeben/);
    assert.match(
      (await new Visitor(server.url).get('/leistungen/meldebescheinigung-einfach')).html,
      /10,00\s€/,
      'not public before approval',
    );

    const lead = new Visitor(server.url);
    await staffLogin(lead, 'leitung@hennef.example');
    const queue = await lead.get('/bo/katalog?status=review');
    assert.match(queue.html, /Meldebescheinigung \(einfach\)/);
    await lead.get(`/bo/katalog/${id}`);
    const returnedWithoutReason = await lead.post(`/bo/katalog/${id}/entscheidung`, { decision: 'reject', comment: '' });
    assert.equal(returnedWithoutReason.status, 400);
    assert.match(returnedWithoutReason.html, /Bitte begründen Sie die Zurückweisung/);
    const approved = await lead.post(`/bo/katalog/${id}/entscheidung`, { decision: 'approve', comment: 'Neue Gebührensatzung' });
    assert.match(approved.html, /Freigegeben und veröffentlicht/);

    assert.match(
      (await new Visitor(server.url).get('/leistungen/meldebescheinigung-einfach')).html,
      /12,50\s€/,
      'the page anonymous visitors share (rendered above, before approval) is renewed by the publish',
    );
    const history = await lead.get(`/bo/katalog/${id}/verlauf`);
    assert.deepEqual(
      [...history.html.matchAll(/<h2>Version (\d+)<\/h2>/g)].map((m) => m[1]),
      ['2', '1'],
    );
    assert.match(
      history.html,
      /<th scope="row">costs<\/th><td><del>kind: fixed, amount: 10<\/del><\/td><td><ins>kind: fixed, amount: 12.5<\/ins><\/td>/,
    );
    assert.match(history.html, /Neue Gebührensatzung/);
    const audit = await sql<{ action: string }>`select action from audit_log where object_id = ${id} order by seq`.execute(server.db);
    assert.deepEqual(audit.rows.map((row) => row.action).slice(-3), ['catalog.draft_saved', 'catalog.submitted', 'catalog.published']);
  });

  it('an invalid save shows inline errors, keeps what was typed and stores nothing', async () => {
    const id = await entryId(server, 'hundeanmeldung');
    const editor = new Visitor(server.url);
    await staffLogin(editor, 'redaktion@hennef.example');
    const values = formValues((await editor.get(`/bo/katalog/${id}`)).html, `/bo/katalog/${id}`);
    const answer = await editor.post(`/bo/katalog/${id}`, {
      ...values,
      name: '',
      leikaKey: '12345',
      summary: 'Neuer Kurztext, noch ungespeichert',
      action: 'save',
    });
    assert.equal(answer.status, 400);
    assert.match(answer.html, /class="error-summary"/);
    assert.match(answer.html, /Bitte füllen Sie dieses Feld aus/);
    assert.match(answer.html, /Das Format stimmt nicht/);
    assert.match(answer.html, /Neuer Kurztext, noch ungespeichert/);
    const open = await sql<{
      n: number;
    }>`select count(*)::int as n from catalog_revision where entry_id = ${id} and status in ('draft', 'review')`.execute(server.db);
    assert.equal(open.rows[0]!.n, 0);
  });

  it('editors only edit their units’ entries and unit leads only approve theirs', async () => {
    const building = await entryId(server, 'bauantrag');
    const editor = new Visitor(server.url);
    await staffLogin(editor, 'redaktion@hennef.example');
    const page = await editor.get(`/bo/katalog/${building}`);
    assert.match(page.html, /Sie können diesen Eintrag nur lesen/);
    const refused = await editor.post(`/bo/katalog/${building}`, { ...formValues(page.html, `/bo/katalog/${building}`), action: 'submit' });
    assert.equal(refused.status, 403);

    const dogs = await entryId(server, 'hundeanmeldung');
    const values = formValues((await editor.get(`/bo/katalog/${dogs}`)).html, `/bo/katalog/${dogs}`);
    await editor.post(`/bo/katalog/${dogs}`, { ...values, action: 'submit' });
    const lead = new Visitor(server.url);
    await staffLogin(lead, 'leitung@hennef.example');
    await lead.get(`/bo/katalog/${dogs}`);
    const notHers = await lead.post(`/bo/katalog/${dogs}/entscheidung`, { decision: 'approve', comment: '' });
    assert.equal(notHers.status, 403, 'the Bürgerservice lead may not approve the tax office’s entry');
    assert.doesNotMatch(
      lead.lastHtml,
      /Entwurf speichern|Zur Freigabe geben|Freigeben/,
      'a reader sees no buttons for actions they may not take',
    );

    const finance = new Visitor(server.url);
    await staffLogin(finance, 'finanzen-leitung@hennef.example');
    assert.match((await finance.get('/bo/katalog')).html, /Zur Freigabe \(1\)/, 'the finance lead finds the entry waiting for them');
    const review = await finance.get(`/bo/katalog/${dogs}`);
    assert.match(review.html, /Freigeben/);
    assert.doesNotMatch(review.html, /nur lesen/);
    const approved = await finance.post(`/bo/katalog/${dogs}/entscheidung`, { decision: 'approve', comment: 'Passt' });
    assert.equal(approved.status, 200);
    assert.doesNotMatch(approved.html, /Sie können diesen Eintrag nur lesen/);
    for (const reader of ['cdo@hennef.example', 'admin@hennef.example']) {
      const visitor = new Visitor(server.url);
      await staffLogin(visitor, reader);
      const list = await visitor.get('/bo/katalog');
      assert.doesNotMatch(list.html, /Neu anlegen/, `${reader} edits no unit and is offered no "new"`);
      assert.doesNotMatch((await visitor.get(`/bo/katalog/${dogs}`)).html, /Entwurf speichern|Zur Freigabe geben/);
    }
  });

  it('an editor creates a new service as a draft that is not public until approved', async () => {
    const editor = new Visitor(server.url);
    await staffLogin(editor, 'redaktion@hennef.example');
    const form = await editor.get('/bo/katalog/neu?art=service');
    const unitId = /<option value="([^"]+)"[^>]*>Fachdienst Einwohnermeldewesen</.exec(form.html)![1]!;
    const created = await editor.post('/bo/katalog/neu?art=service', {
      slug: 'meldebescheinigung-englisch',
      unitId,
      reviewMonths: '6',
      name: 'Meldebescheinigung auf Englisch',
      summary: 'Bescheinigung für Behörden im Ausland.',
      costsKind: 'fixed',
      costsAmount: '15',
      action: 'save',
    });
    assert.match(created.html, /Entwurf angelegt/);
    assert.equal((await new Visitor(server.url).get('/leistungen/meldebescheinigung-englisch')).status, 404);
    const duplicate = await editor.post('/bo/katalog/neu?art=service', {
      slug: 'meldebescheinigung-englisch',
      unitId,
      name: 'Doppelt',
      summary: 'Doppelt',
      action: 'save',
    });
    assert.equal(duplicate.status, 400);
    assert.match(duplicate.html, /Diese Adresse ist schon vergeben/);
  });

  it('the freshness job e-mails each unit lead the overdue entries of their units, once a month', async () => {
    await sql`update catalog_entry set last_reviewed_at = now() - interval '14 months' where slug in ('wahlschein', 'standesamt', 'bauantrag')`.execute(
      server.db,
    );
    await sql`update catalog_entry set published = jsonb_set(published, '{responsibilities}', '[{"office": "buergeramt", "contact": "niemand-mehr"}]') where slug = 'fundbuero'`.execute(
      server.db,
    );
    const admin = new Visitor(server.url);
    await staffLogin(admin, 'admin@hennef.example');
    const overview = await admin.get('/bo/katalog/aktualitaet');
    assert.match(overview.html, /Wahlschein und Briefwahl beantragen<\/a><span>: Prüfung seit/);
    assert.match(overview.html, /Verweist auf „niemand-mehr“/);

    await enqueue(server.db, { name: FRESHNESS_JOB });
    await enqueue(server.db, { name: FRESHNESS_JOB });
    for (let round = 0; round < 4; round++) await server.jobs.runDue();
    const page = await admin.get('/admin/mail');
    assert.match(page.html, /leitung@hennef\.example/);
    assert.match(page.html, /Leistungskatalog: 3 Einträge brauchen Ihre Prüfung/);
    assert.match(page.html, /Leistungskatalog: 1 Eintrag braucht Ihre Prüfung/, 'the building lead gets one entry, in the singular');
    assert.equal((page.html.match(/Leistungskatalog: \d+ Eintr/g) ?? []).length, 2, 'one mail per lead even when the job ran twice');
  });

  it('an editor teaches the search a new word and takes it back', async () => {
    const citizen = new Visitor(server.url);
    assert.match((await citizen.get('/leistungen/suche?q=wauwau')).html, /keine Leistung gefunden|Ergebnisse für/);
    const editor = new Visitor(server.url);
    await staffLogin(editor, 'redaktion@hennef.example');
    await editor.get('/bo/katalog/synonyme');
    const invalid = await editor.post('/bo/katalog/synonyme', { term: 'zwei wörter', expansion: 'Hund' });
    assert.equal(invalid.status, 400);
    assert.match(invalid.html, /value="zwei wörter"/);
    await editor.post('/bo/katalog/synonyme', { term: 'Wauwau', expansion: 'Hund anmelden' });
    assert.match((await citizen.get('/leistungen/suche?q=wauwau')).html, /<a href="\/leistungen\/hundeanmeldung">/);
    await editor.get('/bo/katalog/synonyme');
    const removed = await editor.post('/bo/katalog/synonyme/entfernen', { term: 'wauwau' });
    assert.match(removed.html, /Suchbegriff entfernt/);
    assert.doesNotMatch(removed.html, /<th scope="row">wauwau<\/th>/);
  });
});
