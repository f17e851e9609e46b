import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, type TestServer } from '../support/server.js';
import { Visitor } from '../support/visitor.js';
import { staffLogin } from '../support/journeys.js';

describe('administration and audit log', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer();
  });
  after(() => server.close());

  it('a tenant admin adds a clerk to a unit and finds that change in the audit log', async () => {
    const admin = new Visitor(server.url);
    await staffLogin(admin, 'admin@hennef.example');
    await admin.get('/admin/benutzer');
    const invalid = await admin.post('/admin/benutzer', { display_name: 'Karla Klar', email: 'kein-mail' });
    assert.equal(invalid.status, 400);
    assert.match(invalid.html, /gültige E-Mail-Adresse/);
    assert.match(invalid.html, /value="Karla Klar"/);
    const created = await admin.post('/admin/benutzer', { display_name: 'Karla Klar', email: 'karla.klar@hennef.example' });
    assert.match(created.html, /Die Person wurde angelegt/);
    const duplicate = await admin.post('/admin/benutzer', { display_name: 'Karla Zwei', email: 'KARLA.klar@hennef.example' });
    assert.match(duplicate.html, /bereits verwendet/);
    await admin.get(new URL(created.url).pathname);
    const unitId = /<option value="([^"]+)"[^>]*>Fachdienst Standesamt</.exec(admin.lastHtml)![1];
    const assigned = await admin.post(`${new URL(created.url).pathname}/zuordnungen`, { unit_id: unitId, role: 'clerk' });
    assert.match(assigned.html, /Die Zuordnung wurde gespeichert/);
    assert.match(assigned.html, /<td>Fachdienst Standesamt<\/td><td>Sachbearbeitung<\/td>/);
    const log = await admin.get('/admin/protokoll?q=membership');
    assert.match(log.html, /staff\.membership_added/);
    assert.match(log.html, /Karla Klar/);
    assert.match(log.html, /Fachdienst Standesamt/);
    assert.match(log.html, /Die neuesten Einträge sind unversehrt/);
    await server.jobs.runDue();
    const welcome = await admin.get('/admin/mail');
    assert.match(welcome.html, /karla\.klar@hennef\.example/);
  });

  it('a tenant admin builds the unit tree', async () => {
    const admin = new Visitor(server.url);
    await staffLogin(admin, 'admin@hennef.example');
    await admin.get('/admin/einheiten');
    const parentId = /<option value="([^"]+)"[^>]*>Fachbereich Bürgerservice</.exec(admin.lastHtml)![1];
    const empty = await admin.post('/admin/einheiten', { name: '', parent_id: parentId });
    assert.equal(empty.status, 400);
    const saved = await admin.post('/admin/einheiten', {
      name: 'Fachdienst Bürgerbüro Uckerath',
      short_name: 'FD 2.3',
      parent_id: parentId,
    });
    assert.match(saved.html, /Fachbereich Bürgerservice \(FB 2\)<\/span><ul>.*Fachdienst Bürgerbüro Uckerath \(FD 2\.3\)/s);
  });
});
