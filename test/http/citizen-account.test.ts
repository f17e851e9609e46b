import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, type TestServer } from '../support/server.js';
import { Visitor } from '../support/visitor.js';
import { citizenLogin } from '../support/journeys.js';

describe('citizen account', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer();
  });
  after(() => server.close());

  it('a citizen logs in through the demo IdP at level substantial and sees the data received', async () => {
    const citizen = new Visitor(server.url);
    const account = await citizenLogin(citizen, 'erika-mustermann', 'substantial');
    assert.equal(account.status, 200);
    assert.match(account.url, /\/konto$/);
    assert.match(account.html, /Erika Mustermann/);
    assert.match(account.html, /12\.8\.1964|12\.08\.1964/);
    assert.match(account.html, /Frankfurter Straße 97, 53773 Hennef \(Sieg\)/);
    assert.match(account.html, /substanziell \(ELSTER-Zertifikat\)/);
    const english = await citizen.get('/konto?lang=en');
    assert.match(english.html, /<html lang="en">/);
    assert.match(english.html, /substantial \(ELSTER certificate\)/);
    await citizen.post('/abmelden', {});
    const loggedOut = await citizen.get('/konto');
    assert.match(loggedOut.html, /Log in with your citizen account/);
  });

  it('a company logs in as a business account', async () => {
    const company = new Visitor(server.url);
    const account = await citizenLogin(company, 'siegtal-baeckerei', 'high');
    assert.match(account.html, /Siegtal Bäckerei GmbH/);
    const row = await server.db
      .selectFrom('app_user')
      .select(['kind', 'trust_level'])
      .where('display_name', '=', 'Siegtal Bäckerei GmbH')
      .executeTakeFirstOrThrow();
    assert.deepEqual(row, { kind: 'business', trust_level: 'high' });
  });

  it('cancelling at the identity provider brings the citizen back with a message', async () => {
    const citizen = new Visitor(server.url);
    const atIdp = await citizen.get('/konto/anmelden');
    const action = /action="([^"]*\/idp\/interaction\/[^"]+)"/.exec(atIdp.html)![1];
    const back = await citizen.post(action, { abort: '1' });
    assert.match(back.url, /\/konto\?fehler=1$/);
    assert.match(back.html, /abgebrochen oder ist fehlgeschlagen/);
  });

  it('a citizen deletes the account only after confirming, and the data is gone', async () => {
    const citizen = new Visitor(server.url);
    await citizenLogin(citizen, 'jonas-becker', 'basic');
    const unconfirmed = await citizen.post('/konto/loeschen', {});
    assert.equal(unconfirmed.status, 400);
    assert.match(unconfirmed.html, /Bitte bestätigen Sie/);
    const deleted = await citizen.post('/konto/loeschen', { confirm: 'yes' });
    assert.match(deleted.html, /Ihr Konto und Ihre Daten wurden gelöscht/);
    const rows = await server.db.selectFrom('app_user').select('id').where('display_name', '=', 'Jonas Becker').execute();
    assert.equal(rows.length, 0);
    const audit = await server.db.selectFrom('audit_log').select(['action', 'summary']).where('action', '=', 'citizen.deleted').execute();
    assert.equal(audit.length, 1);
    assert.doesNotMatch(JSON.stringify(audit), /Jonas|Becker/);
  });

  it('a citizen cannot open the back office', async () => {
    const citizen = new Visitor(server.url);
    await citizenLogin(citizen);
    const answer = await citizen.get('/admin/benutzer');
    assert.equal(answer.status, 403);
    assert.match(answer.html, /Kein Zugriff/);
  });
});
