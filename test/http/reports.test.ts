// Reporting a problem without an account: the form explains what is missing and keeps what was typed, a place
// outside Hennef names the neighbour responsible, a report lands as a case in the responsible unit, and the
// reporter follows it through a private link; a flood of reports from one address is slowed down.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { startServer, type TestServer } from '../support/server.js';
import { Visitor } from '../support/visitor.js';
import { staffLogin } from '../support/journeys.js';

const pothole = { category: 'schlagloch', address: 'Frankfurter Straße 97', coordinates: '', description: 'Tiefes Schlagloch vor der Bushaltestelle', name: 'Paula Pothole', email: 'paula@example.org' };

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
    const empty = await citizen.post('/maengelmelder', { category: '', address: '', coordinates: '', description: '', name: '', email: 'kaputt' });
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
    const mail = await sql<{ body_text: string }>`select body_text from mail_message where recipient = 'paula@example.org'`.execute(server.db);
    assert.ok(mail.rows[0]!.body_text.includes(privateLink), 'the private link comes by e-mail');
    const row = (await sql<{ unit: string; source_kind: string; id: string; due_at: Date }>`select unit, source_kind, id, due_at from case_record`.execute(server.db)).rows[0]!;
    assert.deepEqual([row.unit, row.source_kind], ['SBH', 'report']);
    const admin = new Visitor(server.url);
    await staffLogin(admin, 'admin@hennef.example');
    const casePage = await admin.get(`/bo/vorgaenge/${row.id}`);
    assert.match(casePage.html, /Tiefes Schlagloch vor der Bushaltestelle/);
    assert.match(casePage.html, /paula@example\.org/);
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
});
