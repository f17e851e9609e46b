// The inbox with years of finished cases: the open views are counted exactly, the finished ones up to a cap
// ("1.000+"), so a look at the inbox does not count the unit's whole history.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { growCases } from '../../seed/scale.js';
import { hennefTenantId, startServer, type TestServer } from '../support/server.js';
import { Visitor } from '../support/visitor.js';
import { staffLogin } from '../support/journeys.js';
import { volunteer } from '../support/volunteer.js';

describe('the inbox with a long history', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer();
  });
  after(() => server.close());

  it('finished cases are counted up to 1.000+, open ones exactly', async () => {
    await volunteer(new Visitor(server.url), { name: 'Olga Offen' });
    const tenant = await hennefTenantId(server.db);
    const sven = new Visitor(server.url);
    await staffLogin(sven, 'sachbearbeitung@hennef.example');
    const open = /Meine Organisationseinheit \(([\d.]+)\)/.exec((await sven.get('/bo/vorgaenge?ansicht=unit')).html)![1];
    const before = (await sql<{ n: number }>`select count(*)::int as n from case_record`.execute(server.db)).rows[0]!.n;
    await growCases(server.db, tenant, before * 1100);
    await sql`update case_record set phase = 'closed', status = 'closed' where source_id like '%-x%'`.execute(server.db);
    const inbox = await sven.get('/bo/vorgaenge?ansicht=unit');
    assert.match(inbox.html, /Abgeschlossen \(1\.000\+\)/, 'a capped count, in German digits');
    assert.match(inbox.html, new RegExp(`Meine Organisationseinheit \\(${open!.replace('.', '\\.')}\\)`), 'the open cases exactly');
    const english = await sven.get('/bo/vorgaenge?ansicht=unit&lang=en');
    assert.match(english.html, /Closed \(1,000\+\)/);
  });
});
