// A state change, its history event and the mail it sends are stored together or not at all; every row of tenant
// data carries its tenant, and no job or page mixes two towns; the links in mails lead where they say.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { startServer, type TestServer } from '../support/server.js';
import { Visitor } from '../support/visitor.js';
import { staffLogin } from '../support/journeys.js';
import { addTenant, findTenantBySlug } from '../../src/platform/tenancy/tenants.js';
import type { Tenant } from '../../src/platform/http/context.js';
import { addMembership, insertUnit, insertUser } from '../../src/platform/auth/users-repo.js';
import { hashPassword } from '../../src/platform/auth/passwords.js';
import { openCase } from '../../src/modules/cases/index.js';
import { escalateOverdue } from '../../src/modules/cases/service.js';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from '../../seed/hennef.js';
import { volunteer } from '../support/volunteer.js';

const count = async (server: TestServer, query: ReturnType<typeof sql<{ n: number }>>) => (await query.execute(server.db)).rows[0]!.n;
const pothole = {
  category: 'schlagloch',
  address: 'Frankfurter Straße 97',
  coordinates: '',
  description: 'Tiefes Schlagloch vor der Bushaltestelle',
  name: 'Paula Pothole',
  email: 'paula@example.org',
};

describe('outbox and tenancy', () => {
  let server: TestServer;
  let hennef: Tenant;
  let siegburg: Tenant;
  before(async () => {
    server = await startServer();
    hennef = (await findTenantBySlug(server.db, 'hennef'))!;
    siegburg = await addTenant(server.db, {
      slug: 'siegburg',
      name: 'Stadt Siegburg',
      hosts: ['siegburg.localhost'],
      settings: { colours: { primary: '#7a1f1f', primaryText: '#ffffff' } },
    });
    const unit = await insertUnit(server.db, { tenant_id: siegburg.id, name: 'Bürgeramt Siegburg', short_name: 'BA', parent_id: null });
    const lead = await insertUser(server.db, {
      tenant_id: siegburg.id,
      kind: 'staff',
      display_name: 'Lina Siegburg',
      email: 'leitung@siegburg.example',
      password_hash: await hashPassword(DEMO_PASSWORD),
      totp_secret: DEMO_TOTP_SECRET,
      totp_enabled: true,
    });
    await addMembership(server.db, siegburg.id, lead.id, unit.id, 'unit_lead');
    const overdue = new Date(Date.now() - 20 * 86_400_000);
    await openCase(server.db, {
      tenantId: hennef.id,
      source: { kind: 'test', id: 'h1' },
      number: 'H-2026-1',
      service: 'wahlhelfer',
      title: 'Hennefer Vorgang',
      unit: 'FD 2.1',
      processingDays: 1,
      now: overdue,
    });
    await openCase(server.db, {
      tenantId: siegburg.id,
      source: { kind: 'test', id: 's1' },
      number: 'S-2026-1',
      service: 'wahlhelfer',
      title: 'Siegburger Vorgang',
      unit: 'BA',
      processingDays: 1,
      now: overdue,
    });
  });
  after(() => server.close());

  it('an escalation whose mail cannot be stored is not recorded either, and the next run escalates it with its mail', async () => {
    await sql`create function refuse_mail() returns trigger language plpgsql as $$ begin raise exception 'outbox unavailable'; end $$`.execute(
      server.db,
    );
    await sql`create trigger refuse_mail before insert on mail_message for each row execute function refuse_mail()`.execute(server.db);
    await assert.rejects(escalateOverdue(server.db, server.url), /outbox unavailable/);
    await sql`drop trigger refuse_mail on mail_message`.execute(server.db);
    await sql`drop function refuse_mail()`.execute(server.db);
    assert.equal(
      await count(server, sql<{ n: number }>`select count(*)::int as n from case_escalation`),
      0,
      'no escalation without its mail',
    );
    assert.equal(await count(server, sql<{ n: number }>`select count(*)::int as n from case_event where kind = 'escalated'`), 0);
    assert.equal(await escalateOverdue(server.db, server.url), 2);
    assert.equal(
      await count(server, sql<{ n: number }>`select count(*)::int as n from mail_message where subject like 'Überfälliger Vorgang%'`),
      2,
    );
  });

  it("each town's lead is told of the own town's case only, and the rows carry their tenant", async () => {
    const mails = await sql<{
      tenant_id: string;
      recipient: string;
      body_text: string;
    }>`select tenant_id, recipient, body_text from mail_message where subject like 'Überfälliger Vorgang%' order by recipient`.execute(
      server.db,
    );
    assert.deepEqual(
      mails.rows.map((mail) => [mail.recipient, mail.tenant_id]),
      [
        ['leitung@hennef.example', hennef.id],
        ['leitung@siegburg.example', siegburg.id],
      ],
    );
    assert.match(mails.rows[0]!.body_text, /H-2026-1/);
    assert.doesNotMatch(mails.rows[0]!.body_text, /S-2026-1|Siegburg/);
    const mixed = await sql<{
      n: number;
    }>`select count(*)::int as n from case_event e join case_record c on c.id = e.case_id where e.tenant_id <> c.tenant_id`.execute(
      server.db,
    );
    assert.equal(mixed.rows[0]!.n, 0);
    const lena = new Visitor(server.url);
    await staffLogin(lena, 'leitung@hennef.example');
    const escalated = await lena.get('/bo/vorgaenge?ansicht=escalated');
    assert.match(escalated.html, /Hennefer Vorgang/);
    assert.doesNotMatch(escalated.html, /Siegburger Vorgang/);
  });

  it('the links in the escalation mail lead to the escalated cases and to the case, as the lead who receives it', async () => {
    const mail = (
      await sql<{
        body_text: string;
      }>`select body_text from mail_message where recipient = 'leitung@hennef.example' and subject like 'Überfälliger Vorgang%'`.execute(
        server.db,
      )
    ).rows[0]!;
    const links = [...mail.body_text.matchAll(/https?:\/\/\S+/g)].map((match) => match[0]);
    assert.equal(links.length, 2);
    assert.match(mail.body_text, /ist seit \d\d\.\d\d\.\d{4} überfällig/, 'a German date');
    const lena = new Visitor(server.url);
    await staffLogin(lena, 'leitung@hennef.example');
    const list = await lena.get(new URL(links[0]!).pathname + new URL(links[0]!).search);
    assert.equal(list.status, 200);
    assert.match(list.html, /<a href="\/bo\/vorgaenge\?ansicht=escalated" aria-current="page">Eskaliert<\/a>/);
    const page = await lena.get(new URL(links[1]!).pathname);
    assert.equal(page.status, 200);
    assert.match(page.html, /H-2026-1/);
    const unknown = await lena.get('/bo/vorgaenge?ansicht=eskaliert');
    assert.equal(unknown.status, 400, 'a view name the inbox does not know is said, not silently replaced');
    assert.match(unknown.html, /Diese Ansicht gibt es nicht/);
  });

  it('supporting a report stores the supporter with the tenant and the counter together, and a finished report takes no support', async () => {
    const citizen = new Visitor(server.url);
    await citizen.get('/maengelmelder');
    const sent = await citizen.post('/maengelmelder', pothole);
    const reportId = /\/maengelmelder\/meldung\/([0-9a-f-]{36})/.exec(sent.url)![1]!;
    const supporter = new Visitor(server.url);
    await supporter.get('/maengelmelder');
    await sql`create function refuse_count() returns trigger language plpgsql as $$ begin raise exception 'counter unavailable'; end $$`.execute(
      server.db,
    );
    await sql`create trigger refuse_count before update of supporters on report for each row execute function refuse_count()`.execute(
      server.db,
    );
    await supporter.post(`/maengelmelder/meldung/${reportId}/unterstuetzen`, { email: 'nachbar@example.org' });
    await sql`drop trigger refuse_count on report`.execute(server.db);
    await sql`drop function refuse_count()`.execute(server.db);
    assert.equal(
      await count(server, sql<{ n: number }>`select count(*)::int as n from report_support where report_id = ${reportId}`),
      0,
      'no supporter without the count',
    );
    await supporter.get('/maengelmelder');
    const counted = await supporter.post(`/maengelmelder/meldung/${reportId}/unterstuetzen`, { email: 'nachbar@example.org' });
    assert.match(counted.html, /Danke für Ihre Unterstützung/);
    const support = await sql<{ tenant_id: string }>`select tenant_id from report_support where report_id = ${reportId}`.execute(server.db);
    assert.deepEqual(support.rows, [{ tenant_id: hennef.id }]);
    await sql`update report set status = 'fixed' where id = ${reportId}`.execute(server.db);
    const late = new Visitor(server.url);
    await late.get('/maengelmelder');
    const refused = await late.post(`/maengelmelder/meldung/${reportId}/unterstuetzen`, { email: '' });
    assert.match(refused.html, /Diese Meldung ist abgeschlossen und kann nicht mehr unterstützt werden/);
    assert.match(refused.html, /role="alert"/);
    assert.equal(
      (await sql<{ supporters: number }>`select supporters from report where id = ${reportId}`.execute(server.db)).rows[0]!.supporters,
      1,
    );
  });

  it("a notice of one town cannot be verified or picked up on another town's address", async () => {
    const { submissionId } = await volunteer(new Visitor(server.url), { name: 'Paula Probe', email: 'paula@example.org' });
    const clerk = new Visitor(server.url);
    await staffLogin(clerk, 'sachbearbeitung@hennef.example');
    await clerk.get(`/bo/antraege/${submissionId}`);
    await clerk.post(`/bo/antraege/${submissionId}/bescheid`, {});
    const code = (await sql<{ verify_code: string }>`select verify_code from notice`.execute(server.db)).rows[0]!.verify_code;
    const pickup = /\/bescheid\/abholen\/[A-Za-z0-9_-]+/.exec(
      (
        await sql<{
          body_text: string;
        }>`select body_text from mail_message where recipient = 'paula@example.org' and subject like '%liegt bereit%'`.execute(server.db)
      ).rows[0]!.body_text,
    )![0];
    const inSiegburg = () => new Visitor(server.url, `siegburg.localhost:${server.port}`);
    assert.equal((await new Visitor(server.url).get(`/verify/${code}`)).status, 200);
    assert.equal((await inSiegburg().get(`/verify/${code}`)).status, 404);
    assert.equal((await inSiegburg().get(pickup)).status, 410);
    assert.equal((await new Visitor(server.url).get(pickup)).status, 200);
  });
});
