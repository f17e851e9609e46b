// The clerk's inbox: a received application is a new case in its unit; a clerk claims and processes it, a
// stale or disallowed change is refused with the current state shown, another unit gets 403, a request to the
// citizen pauses the case until the answer, and an overdue case is escalated once.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { assertSentTextsReadable } from '../support/reading.js';
import { startServer, type TestServer } from '../support/server.js';
import { Visitor } from '../support/visitor.js';
import { citizenLogin, staffLogin } from '../support/journeys.js';
import { postMultipart } from '../support/multipart.js';
import { volunteer } from '../support/volunteer.js';
import { addMembership, insertUser, listUnits } from '../../src/platform/auth/users-repo.js';
import { hashPassword } from '../../src/platform/auth/passwords.js';
import { findTenantBySlug } from '../../src/platform/tenancy/tenants.js';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from '../../seed/hennef.js';
import { escalateOverdue } from '../../src/modules/cases/service.js';

const version = (html: string) => /name="version" value="(\d+)"/.exec(html)![1]!;
const caseRow = async (server: TestServer) =>
  (
    await sql<{
      id: string;
      status: string;
      version: number;
      due_at: Date;
      assignee_id: string | null;
    }>`select id, status, version, due_at, assignee_id from case_record`.execute(server.db)
  ).rows[0]!;

describe('case processing', () => {
  let server: TestServer;
  let erika: Visitor;
  let sven: Visitor;
  let caseId: string;
  let submissionId: string;
  let receiptPath: string;
  before(async () => {
    server = await startServer();
    erika = new Visitor(server.url);
    await citizenLogin(erika, 'erika-mustermann', 'substantial');
    ({ submissionId, receiptPath } = await volunteer(erika, { role: 'chair' }));
    sven = new Visitor(server.url);
    await staffLogin(sven, 'sachbearbeitung@hennef.example');
  });
  after(() => server.close());

  it('the application is a new case in the unit inbox; the clerk claims it and starts processing', async () => {
    const inbox = await sven.get('/bo/vorgaenge?ansicht=new');
    assert.match(inbox.html, /Neu \(1\)/);
    caseId = /href="\/bo\/vorgaenge\/([0-9a-f-]{36})"/.exec(inbox.html)![1]!;
    assert.match(inbox.html, /Als Wahlhelferin oder Wahlhelfer melden/);
    const page = await sven.get(`/bo/vorgaenge/${caseId}`);
    assert.match(page.html, /Eingegangen/);
    assert.match(page.html, /<dd>Wahlvorstand<\/dd>/, 'the case page shows the answers');
    const claimed = await sven.post(`/bo/vorgaenge/${caseId}/zuweisung`, { version: version(page.html), assignee: 'me' });
    assert.match(claimed.html, /Sven Sachbearbeiter/);
    const started = await sven.post(`/bo/vorgaenge/${caseId}/status`, { version: version(claimed.html), to: 'in_progress', reason: '' });
    assert.match(started.html, /In Bearbeitung/);
    assert.match((await sven.get('/bo/vorgaenge?ansicht=mine')).html, /Meine \(1\)/);
    const history = (
      await sql<{ kind: string }>`select kind from case_event where case_id = ${caseId} order by id`.execute(server.db)
    ).rows.map((row) => row.kind);
    assert.deepEqual(history, ['created', 'claimed', 'status']);
    await sven.get(`/bo/vorgaenge/${caseId}`);
    const noted = await sven.post(`/bo/vorgaenge/${caseId}/notiz`, { note: 'Rückruf vereinbart' });
    assert.match(noted.html, /Notiz: Rückruf vereinbart/, 'an internal note lands in the history');
    const audited = (
      await sql<{
        action: string;
        actor_label: string;
        summary: Record<string, unknown>;
      }>`select action, actor_label, summary from audit_log where object_id = ${caseId} order by seq`.execute(server.db)
    ).rows;
    assert.deepEqual(
      audited.map((row) => row.action),
      ['cases.created', 'cases.claimed', 'cases.status', 'cases.note'],
      'each change of the case is audited once',
    );
    assert.deepEqual(
      audited.slice(1).map((row) => row.actor_label),
      ['Sven Sachbearbeiter', 'Sven Sachbearbeiter', 'Sven Sachbearbeiter'],
      'the actor by name, not staff:<uuid>',
    );
    assert.ok(!JSON.stringify(audited).includes('Rückruf'), 'the note text stays in the case, not in the audit log');
    const admin = new Visitor(server.url);
    await staffLogin(admin, 'admin@hennef.example');
    const log = await admin.get(`/admin/protokoll?q=${caseId}`);
    assert.match(log.html, /cases\.claimed/);
    assert.doesNotMatch(log.html, /staff:[0-9a-f-]{36}/);
  });

  it("the back office opens on the clerk's work: their open cases with due dates, what is new, due and overdue; a lead also sees unit figures", async () => {
    const home = await sven.get('/bo');
    assert.match(home.html, /<h1>Guten Tag, Sven Sachbearbeiter<\/h1>/);
    assert.match(home.html, /<strong>1<\/strong> <span>Meine offenen Vorgänge<\/span>/);
    assert.match(
      home.html,
      new RegExp(
        `href="/bo/vorgaenge/${caseId}">[^<]*Als Wahlhelferin oder Wahlhelfer melden</a> <span>– In Bearbeitung, Fällig \\d{2}\\.\\d{2}\\.\\d{4}</span>`,
      ),
    );
    assert.match(home.html, /<a href="\/bo\/vorgaenge">Vorgänge<\/a>/, 'the areas their roles open');
    assert.doesNotMatch(home.html, /Zahlen Ihrer Organisationseinheiten/, 'figures are for leads');
    assert.doesNotMatch(
      /<nav class="main-nav"[\s\S]*?<\/nav>/.exec(home.html)![0],
      /\/bo\/vorgaenge/,
      'back-office areas are not in the main navigation',
    );
    const lena = new Visitor(server.url);
    await staffLogin(lena, 'leitung@hennef.example');
    const leadHome = await lena.get('/bo');
    assert.match(leadHome.html, /Zahlen Ihrer Organisationseinheiten/);
    assert.match(leadHome.html, /<td>FD 2\.1<\/td><td>1<\/td><td>0<\/td><td>0<\/td>/);
  });

  it('a stale change by a second clerk is refused with the current state, and nothing changes', async () => {
    const lena = new Visitor(server.url);
    await staffLogin(lena, 'leitung@hennef.example');
    const garbled = await lena.post(`/bo/vorgaenge/${caseId}/zuweisung`, { version: 'NaN', assignee: 'me' });
    assert.equal(garbled.status, 409, 'a version that is no number is refused like a stale one, not a 500');
    const stale = await lena.post(`/bo/vorgaenge/${caseId}/status`, { version: '1', to: 'rejected', reason: 'Doppelt' });
    assert.equal(stale.status, 409);
    assert.match(stale.html, /wurde inzwischen geändert \(Status jetzt: In Bearbeitung\)/);
    const current = await caseRow(server);
    const notAllowed = await lena.post(`/bo/vorgaenge/${caseId}/status`, { version: String(current.version), to: 'closed', reason: '' });
    assert.equal(notAllowed.status, 409);
    assert.match(notAllowed.html, /im Status „In Bearbeitung“ nicht möglich/);
    const noReason = await lena.post(`/bo/vorgaenge/${caseId}/status`, { version: String(current.version), to: 'rejected', reason: '' });
    assert.match(noReason.html, /Bitte füllen Sie aus: Begründung der Ablehnung/);
    assert.match(noReason.html, /<details open><summary>Ablehnen/, 'the step that was refused stays open');
    assert.deepEqual(await caseRow(server), current, 'nothing changed');
  });

  it('"Zuweisen an" lists only the people of the responsible unit; another unit\'s clerk cannot be assigned', async () => {
    const page = await sven.get(`/bo/vorgaenge/${caseId}`);
    const options = [
      ...(/<select[^>]*name="assignee"[^>]*>(.*?)<\/select>/s.exec(page.html)?.[1] ?? '').matchAll(/<option value="[^"]*"[^>]*>([^<]+)</g),
    ].map((match) => match[1]);
    assert.ok(options.includes('Sven Sachbearbeiter') && options.includes('Lena Leitung'), options.join(', '));
    assert.ok(
      !options.includes('Selma Steuer') && !options.includes('Otto Ordnung') && !options.includes('Sandra Standesbeamtin'),
      `only the unit's people: ${options.join(', ')}`,
    );
    const selma = (await sql<{ id: string }>`select id from app_user where email = 'steuern@hennef.example'`.execute(server.db)).rows[0]!
      .id;
    const before = await caseRow(server);
    const refused = await sven.post(`/bo/vorgaenge/${caseId}/zuweisung`, { version: String(before.version), assignee: selma });
    assert.equal(refused.status, 400);
    assert.match(refused.html, /arbeitet nicht in der zuständigen Einheit/);
    assert.deepEqual(await caseRow(server), before, 'the case keeps its assignee');
  });

  it('a clerk of another unit gets 403 for the case', async () => {
    const tenant = (await findTenantBySlug(server.db, 'hennef'))!;
    const taxes = (await listUnits(server.db, tenant.id)).find((unit) => unit.short_name === 'FD 6.2')!;
    const user = await insertUser(server.db, {
      tenant_id: tenant.id,
      kind: 'staff',
      display_name: 'Tom Steuer',
      email: 'tom.steuer@hennef.example',
      password_hash: await hashPassword(DEMO_PASSWORD),
      totp_secret: DEMO_TOTP_SECRET,
      totp_enabled: true,
    });
    await addMembership(server.db, tenant.id, user.id, taxes.id, 'clerk');
    const tom = new Visitor(server.url);
    await staffLogin(tom, 'tom.steuer@hennef.example');
    assert.equal((await tom.get(`/bo/vorgaenge/${caseId}`)).status, 403);
    assert.doesNotMatch((await tom.get('/bo/vorgaenge')).html, new RegExp(caseId));
  });

  it('a request waits for the citizen and pauses the deadline; the answer resumes the case', async () => {
    const before = await caseRow(server);
    await sven.get(`/bo/antraege/${submissionId}`);
    await sven.post(`/bo/antraege/${submissionId}/nachricht`, {
      kind: 'request',
      subject: 'Bitte Nachweis',
      body: 'Bitte laden Sie den Nachweis hoch.',
    });
    assert.equal((await caseRow(server)).status, 'waiting');
    const timeline = (await erika.get(receiptPath)).html;
    assert.match(timeline, /Wo steht Ihr Antrag\?/);
    assert.match(
      timeline,
      /<strong>In Bearbeitung<\/strong>.*<strong>Wir warten auf Ihre Rückmeldung<\/strong>/s,
      'the citizen sees an honest timeline',
    );
    assert.match((await sven.get('/bo/vorgaenge?ansicht=waiting')).html, /Wartet auf Bürger \(1\)/);
    await sql`update case_record set waiting_since = waiting_since - interval '2 days'`.execute(server.db);
    const list = await erika.get('/postfach');
    const item = /href="\/postfach\/([0-9a-f-]{36})"><strong>Bitte Nachweis/.exec(list.html)![1]!;
    await erika.get(`/postfach/${item}`);
    await postMultipart(erika, `/postfach/${item}/antworten`, { reply: 'Hier ist er.' });
    const after = await caseRow(server);
    assert.equal(after.status, 'in_progress');
    const shift = (after.due_at.getTime() - before.due_at.getTime()) / 86_400_000;
    assert.ok(shift > 1.9 && shift < 2.1, `the deadline moved by the ${shift.toFixed(2)} days waited`);
  });

  it('an overdue case is escalated to the unit lead once, even when two runs race', async () => {
    await sql`update case_record set due_at = now() - interval '1 day'`.execute(server.db);
    const [a, b] = await Promise.all([escalateOverdue(server.db, server.url), escalateOverdue(server.db, server.url)]);
    assert.equal(a + b, 1);
    assert.equal(await escalateOverdue(server.db, server.url), 0);
    assert.equal((await sql<{ n: number }>`select count(*)::int as n from case_escalation`.execute(server.db)).rows[0]!.n, 1);
    const mails = (
      await sql<{
        n: number;
      }>`select count(*)::int as n from mail_message where recipient = 'leitung@hennef.example' and subject like 'Überfälliger Vorgang%'`.execute(
        server.db,
      )
    ).rows[0]!.n;
    assert.equal(mails, 1);
    const lena = new Visitor(server.url);
    await staffLogin(lena, 'leitung@hennef.example');
    assert.match((await lena.get('/bo/vorgaenge?ansicht=escalated')).html, /Als Wahlhelferin/);
    assert.match((await lena.get('/bo/vorgaenge?ansicht=overdue')).html, /Überfällig \(1\)/);
  });

  it('while the clerk is away, the case and new assignments go to the deputy, and come back afterwards', async () => {
    const svenId = (await caseRow(server)).assignee_id!;
    const lenaId = (await sql<{ id: string }>`select id from app_user where email = 'leitung@hennef.example'`.execute(server.db)).rows[0]!
      .id;
    await sven.get('/bo/vorgaenge');
    const away = await sven.post('/bo/vorgaenge/abwesenheit', { action: 'start', deputy: lenaId });
    assert.match(away.html, /Abwesenheit eingetragen: 1 Vorgang ist bei Ihrer Vertretung/);
    assert.equal((await caseRow(server)).assignee_id, lenaId);
    const lena = new Visitor(server.url);
    await staffLogin(lena, 'leitung@hennef.example');
    const page = await lena.get(`/bo/vorgaenge/${caseId}`);
    await lena.post(`/bo/vorgaenge/${caseId}/zuweisung`, { version: version(page.html), assignee: svenId });
    assert.equal((await caseRow(server)).assignee_id, lenaId, 'an assignment to the absent clerk goes to the deputy');
    await sven.get('/bo/vorgaenge');
    const back = await sven.post('/bo/vorgaenge/abwesenheit', { action: 'end' });
    assert.match(back.html, /Willkommen zurück: 1 Vorgang ist wieder bei Ihnen/);
    assert.equal((await caseRow(server)).assignee_id, svenId);
  });

  it('issuing the notice decides the case; the unit lead sees throughput and processing time', async () => {
    await sven.get(`/bo/antraege/${submissionId}`);
    await sven.post(`/bo/antraege/${submissionId}/bescheid`, {});
    assert.equal((await caseRow(server)).status, 'decided');
    const lena = new Visitor(server.url);
    await staffLogin(lena, 'leitung@hennef.example');
    const dashboard = await lena.get('/bo/vorgaenge/uebersicht');
    assert.match(dashboard.html, /Bearbeitungsdauer je Leistung \(Median der letzten 90 Tage\)/);
    assert.match(
      dashboard.html,
      /<td>Als Wahlhelferin oder Wahlhelfer melden<\/td><td>[\d,]+<\/td><td>1<\/td>/,
      'one decided, with its median days',
    );
    assert.match(dashboard.html, /<td>\d{4}-W\d{2}<\/td><td>1<\/td><td>1<\/td>/, 'received and finished this week');
    assert.equal((await sven.get('/bo/vorgaenge/uebersicht')).status, 403, 'for leads, not clerks');
  });

  it('bulk actions apply to each selected case and say which were refused', async () => {
    for (const name of ['Anna Eins', 'Bert Zwei']) await volunteer(new Visitor(server.url), { name });
    const ids = (await sql<{ id: string }>`select id from case_record order by created_at`.execute(server.db)).rows.map((row) => row.id);
    const inbox = await sven.get('/bo/vorgaenge?ansicht=unit');
    assert.match(inbox.html, /name="ids"/);
    const body = new URLSearchParams([...ids.map((id) => ['ids', id]), ['bulk', 'claim'], ['_csrf', sven.csrf()]]);
    const result = await sven.request('POST', '/bo/vorgaenge/sammelaktion', {
      body: body.toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    assert.match(result.html, /Erledigt für 2 Vorgänge/);
    assert.match(result.html, /Nicht möglich: \d{4}-\d{6}: Diese Änderung ist im Status „Entschieden“ nicht möglich/);
  });
  it('every e-mail and Postfach item of these journeys reads right: no raw keys, ISO dates or unfilled values', async () => {
    await server.jobs.runDue();
    await assertSentTextsReadable(server.db);
  });
});
