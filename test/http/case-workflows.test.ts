// A service with its own workflow: the street-opening permit goes through review, consultation and the lead's
// approval (four eyes), which issues the notice; the citizen's timeline shows only the public steps. The clerk
// finds cases by what the applicant wrote and by date, previews the site plan, and links related cases.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { startServer, type TestServer } from '../support/server.js';
import { Visitor } from '../support/visitor.js';
import { citizenLogin, staffLogin } from '../support/journeys.js';
import { applyForStreetOpening } from '../support/street-opening.js';

const version = (html: string) => /name="version" value="(\d+)"/.exec(html)![1]!;
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date());

describe('case workflows per service', () => {
  let server: TestServer;
  let business: Visitor;
  let otto: Visitor;
  let olga: Visitor;
  let first: { submissionId: string; receiptPath: string };
  let caseId: string;
  before(async () => {
    server = await startServer();
    business = new Visitor(server.url);
    await citizenLogin(business, 'siegtal-baeckerei', 'substantial');
    first = await applyForStreetOpening(business, 'Tiefbau Sieg GmbH');
    await applyForStreetOpening(business, 'Kabelbau Rhein KG');
    otto = new Visitor(server.url);
    await staffLogin(otto, 'ordnungsamt@hennef.example');
    olga = new Visitor(server.url);
    await staffLogin(olga, 'ordnung-leitung@hennef.example');
    caseId = (await sql<{ id: string }>`select id from case_record where source_id = ${first.submissionId}`.execute(server.db)).rows[0]!.id;
  });
  after(() => server.close());

  it('the clerk finds a case by what the applicant wrote, by status and by date of receipt; a wrong date is explained', async () => {
    const found = await otto.get(`/bo/vorgaenge?ansicht=unit&suche=${encodeURIComponent('tiefbau sieg')}`);
    assert.equal(found.status, 200);
    assert.match(found.html, new RegExp(`href="/bo/vorgaenge/${caseId}"`));
    assert.equal((found.html.match(/href="\/bo\/vorgaenge\/[0-9a-f-]{36}"/g) ?? []).length, 1, 'only the case whose contractor matches');
    const byStatus = await otto.get('/bo/vorgaenge?ansicht=unit&status=received');
    assert.equal((byStatus.html.match(/href="\/bo\/vorgaenge\/[0-9a-f-]{36}"/g) ?? []).length, 2);
    assert.match((await otto.get(`/bo/vorgaenge?ansicht=unit&von=${today()}`)).html, new RegExp(caseId));
    const yesterday = new Date(Date.now() - 86_400_000).toLocaleDateString('de-DE', {
      timeZone: 'Europe/Berlin',
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
    });
    assert.match((await otto.get(`/bo/vorgaenge?ansicht=unit&bis=${yesterday}`)).html, /Keine Vorgänge in dieser Ansicht/);
    const wrong = await otto.get('/bo/vorgaenge?ansicht=unit&von=31.02.2026&suche=tiefbau');
    assert.equal(wrong.status, 400);
    assert.match(wrong.html, /Bitte geben Sie ein Datum an, z\. B\. 01\.11\.2026/);
    assert.match(wrong.html, /value="31\.02\.2026"/, 'the filter keeps what was typed');
    assert.match(wrong.html, /value="tiefbau"/);
    const nul = await otto.get(`/bo/vorgaenge?ansicht=unit&suche=${encodeURIComponent('tief\u0000bau')}`);
    assert.equal(nul.status, 200, 'a NUL character in the query is dropped, not a 500');
    const sorted = await otto.get('/bo/vorgaenge?ansicht=unit&sortierung=number');
    const numbers = [...sorted.html.matchAll(/href="\/bo\/vorgaenge\/[0-9a-f-]{36}">([^<]+)</g)].map((match) => match[1]);
    assert.deepEqual(numbers, [...numbers].sort());
  });

  it('the case shows the site plan as a preview that only our own pages may frame', async () => {
    const page = await otto.get(`/bo/vorgaenge/${caseId}`);
    const preview = /<iframe class="attachment-preview" src="([^"]+)" title="Vorschau: lageplan\.pdf"/.exec(page.html);
    assert.ok(preview, 'a PDF preview frame with a title');
    const file = await fetch(`${server.url}${preview[1]!.replace(/&amp;/g, '&')}`, {
      headers: { cookie: [...otto.cookies].map(([name, value]) => `${name}=${value}`).join('; ') },
    });
    assert.equal(file.headers.get('content-type'), 'application/pdf');
    assert.match(file.headers.get('content-disposition') ?? '', /^inline/);
    assert.match(file.headers.get('content-security-policy') ?? '', /frame-ancestors 'self'/);
    const anonymous = await fetch(`${server.url}${preview[1]!.replace(/&amp;/g, '&')}`, { redirect: 'manual' });
    assert.match(anonymous.headers.get('location') ?? '', /\/bo\/anmelden/, 'not without a staff login');
  });

  it('review, consultation and conditions by the clerk; only the lead approves, and the approval issues the notice', async () => {
    let page = await otto.get(`/bo/vorgaenge/${caseId}`);
    assert.match(page.html, /<dd>Eingegangen<\/dd>/);
    page = await otto.post(`/bo/vorgaenge/${caseId}/status`, { version: version(page.html), to: 'review' });
    page = await otto.post(`/bo/vorgaenge/${caseId}/status`, { version: version(page.html), to: 'consultation' });
    assert.match(page.html, /<dd>Beteiligung Verkehrsbehörde und Stadtbetriebe<\/dd>/);
    page = await otto.post(`/bo/vorgaenge/${caseId}/status`, { version: version(page.html), to: 'review' });
    const noConditions = await otto.post(`/bo/vorgaenge/${caseId}/status`, {
      version: version(page.html),
      to: 'approval',
      conditions: ' ',
    });
    assert.equal(noConditions.status, 409);
    assert.match(noConditions.html, /Bitte füllen Sie aus: Auflagen \(Verkehrssicherung, Wiederherstellung\)/);
    page = await otto.post(`/bo/vorgaenge/${caseId}/status`, {
      version: version(page.html),
      to: 'approval',
      conditions: 'Verkehrssicherung nach RSA 21; Gehweg in Pflaster wiederherstellen',
    });
    assert.match(page.html, /<dd>Zur Freigabe bei der Leitung<\/dd>/);
    assert.doesNotMatch(page.html, /value="approved"/, 'the clerk is not offered the approval');
    const byClerk = await otto.post(`/bo/vorgaenge/${caseId}/status`, { version: version(page.html), to: 'approved' });
    assert.equal(byClerk.status, 409);
    assert.match(byClerk.html, /Diesen Schritt darf nur die Leitung ausführen/);

    const lead = await olga.get(`/bo/vorgaenge/${caseId}`);
    assert.match(
      lead.html,
      /Auflagen \(Verkehrssicherung, Wiederherstellung\): Verkehrssicherung nach RSA 21/,
      'the conditions are in the history, under their label',
    );
    const approved = await olga.post(`/bo/vorgaenge/${caseId}/status`, { version: version(lead.html), to: 'approved' });
    assert.match(approved.html, /<dd>Genehmigt<\/dd>/);
    await server.jobs.runDue();
    const notices = await sql<{ n: number }>`select count(*)::int as n from notice where case_id = ${first.submissionId}`.execute(
      server.db,
    );
    assert.equal(notices.rows[0]!.n, 1, 'the approval issued the notice');
    assert.match((await olga.get(`/bo/vorgaenge/${caseId}`)).html, /Bescheid automatisch erstellt/);
    assert.match((await business.get('/postfach')).html, /Bescheid [^<]*Aufbruchgenehmigung/);
  });

  it('the applicant’s timeline shows the public steps only, each once', async () => {
    const receipt = await business.get(first.receiptPath);
    const timeline = receipt.html.slice(
      receipt.html.indexOf('<ol class="timeline">'),
      receipt.html.indexOf('</ol>', receipt.html.indexOf('<ol class="timeline">')),
    );
    const steps = [...timeline.matchAll(/<strong>([^<]+)<\/strong>/g)].map((match) => match[1]);
    assert.deepEqual(steps, [
      'Eingegangen',
      'In Bearbeitung',
      'In Abstimmung mit beteiligten Stellen',
      'In Bearbeitung',
      'Genehmigt – der Bescheid liegt in Ihrem Postfach',
    ]);
    assert.doesNotMatch(receipt.html, /Freigabe/);
  });

  it('a clerk links the two applications; an unknown number is explained and kept; the lead rejects the second and the applicant reads why', async () => {
    const second = (
      await sql<{ id: string; number: string }>`select id, number from case_record where source_id <> ${first.submissionId}`.execute(
        server.db,
      )
    ).rows[0]!;
    await otto.get(`/bo/vorgaenge/${caseId}`);
    const unknown = await otto.post(`/bo/vorgaenge/${caseId}/verknuepfung`, { number: '2026-999999' });
    assert.equal(unknown.status, 400);
    assert.match(unknown.html, /Einen Vorgang „2026-999999“ gibt es in Ihren Organisationseinheiten nicht/);
    assert.match(unknown.html, /value="2026-999999"/);
    const linked = await otto.post(`/bo/vorgaenge/${caseId}/verknuepfung`, { number: second.number });
    assert.match(linked.html, new RegExp(`href="/bo/vorgaenge/${second.id}">${second.number}`));
    const other = await otto.get(`/bo/vorgaenge/${second.id}`);
    assert.match(other.html, new RegExp(`href="/bo/vorgaenge/${caseId}"`), 'the link shows on both cases');
    assert.match(other.html, /verknüpft mit/);

    const rejected = await olga.post(`/bo/vorgaenge/${second.id}/status`, {
      version: version((await olga.get(`/bo/vorgaenge/${second.id}`)).html),
      to: 'rejected',
      reason: 'Die Straße ist bis 2027 für Aufbrüche gesperrt.',
    });
    assert.match(rejected.html, /<dd>Abgelehnt<\/dd>/);
    await server.jobs.runDue();
    const postfach = await business.get('/postfach');
    assert.match(postfach.html, /Abgelehnt/);
    const message = await sql<{ body: string }>`select body from mailbox_item where subject like '%Abgelehnt%'`.execute(server.db);
    assert.match(message.rows[0]!.body, /Begründung: Die Straße ist bis 2027 für Aufbrüche gesperrt\./);

    await otto.get(`/bo/vorgaenge/${caseId}`);
    const unlinked = await otto.post(`/bo/vorgaenge/${caseId}/verknuepfung/${second.id}/loesen`, {});
    assert.match(unlinked.html, /Keine verknüpften Vorgänge/);
  });
});
