// Notices: an editor keeps the template (unknown placeholders refused before saving), a clerk issues the notice
// after payment, it lands in the Postfach with the date of first access, /verify confirms it and compares a
// PDF; without an account the applicant gets a one-time download with a separately mailed code.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { assertSentTextsReadable } from '../support/reading.js';
import { startServer, type TestServer } from '../support/server.js';
import { Visitor } from '../support/visitor.js';
import { citizenLogin, staffLogin } from '../support/journeys.js';
import { registerDog } from '../support/dog.js';
import { postMultipart } from '../support/multipart.js';
import { orderBirthCertificates } from '../support/payments.js';
import { volunteer } from '../support/volunteer.js';
import { pdfReport, pdfText } from '../support/pdf.js';

describe('notices (Bescheide)', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer();
  });
  after(() => server.close());

  it('an editor previews and saves a template; an unknown placeholder is refused and nothing is saved', async () => {
    const editor = new Visitor(server.url);
    await staffLogin(editor, 'redaktion@hennef.example');
    const page = await editor.get('/bo/bescheide/personenstandsurkunde');
    assert.match(page.html, /Rechtsbehelfsbelehrung/);
    const body =
      'Ihrem Antrag „{{leistung}}“ vom {{antragsdatum}} wird entsprochen.\nSie erhalten {{angabe.copies}} Urkunden. Gebühr: {{gebuehr}}.';
    const wrong = await editor.post('/bo/bescheide/personenstandsurkunde', {
      body: `${body} {{vorname}}`,
      legal: 'Klage beim VG Köln.',
      action: 'save',
    });
    assert.equal(wrong.status, 400);
    assert.match(wrong.html, /Unbekannte Platzhalter: \{\{vorname\}\}/);
    assert.match(wrong.html, /\{\{vorname\}\}<\/textarea>/, 'the text typed stays');
    assert.equal((await sql<{ n: number }>`select count(*)::int as n from notice_template`.execute(server.db)).rows[0]!.n, 0);
    await editor.get('/bo/bescheide/personenstandsurkunde');
    const preview = await editor.post('/bo/bescheide/personenstandsurkunde', {
      body,
      legal: 'Gegen diesen Bescheid kann Klage beim Verwaltungsgericht Köln erhoben werden.',
      action: 'preview',
    });
    assert.match(
      preview.html,
      /Ihrem Antrag „Personenstandsurkunde anfordern“ vom 20\. November 2026 wird entsprochen\.<br \/>Sie erhalten ‹copies› Urkunden/,
    );
    await editor.post('/bo/bescheide/personenstandsurkunde', {
      body,
      legal: 'Gegen diesen Bescheid kann Klage beim Verwaltungsgericht Köln erhoben werden.',
      action: 'save',
    });
    assert.equal((await sql<{ n: number }>`select count(*)::int as n from notice_template`.execute(server.db)).rows[0]!.n, 1);
  });

  it('a clerk issues the notice after payment; the citizen opens it in the Postfach; /verify confirms it', async () => {
    const erika = new Visitor(server.url);
    const receipt = await orderBirthCertificates(erika);
    const lead = new Visitor(server.url);
    await staffLogin(lead, 'leitung@hennef.example');
    const id = receipt.split('/').at(-1)!;
    const unpaid = await lead.get(`/bo/antraege/${id}`);
    assert.match(unpaid.html, /Die Gebühr ist noch nicht bezahlt/);
    assert.match((await erika.get('/konto')).html, /Zahlung ausstehend\)/, 'the account shows where the application stands');
    const hosted = await erika.post(`${receipt}/bezahlen`, { method: 'creditcard' });
    await erika.post(new URL(hosted.url).pathname, { outcome: 'success' });

    await lead.get(`/bo/antraege/${id}`);
    const issued = await lead.post(`/bo/antraege/${id}/bescheid`, {});
    assert.match(issued.html, /Der Bescheid ist erlassen und zugestellt/);
    assert.match(issued.html, /B-\d{4}-\d{6}/);
    assert.equal(
      (await sql<{ status: string }>`select status from form_submission where id = ${id}`.execute(server.db)).rows[0]!.status,
      'decided',
    );

    assert.match((await erika.get('/konto')).html, /beschieden\)/);
    const postfach = await erika.get('/postfach');
    const itemId = /href="\/postfach\/([0-9a-f-]{36})"><strong>Bescheid B-/.exec(postfach.html)![1]!;
    assert.equal(
      (await sql<{ first_accessed_at: Date | null }>`select first_accessed_at from notice`.execute(server.db)).rows[0]!.first_accessed_at,
      null,
    );
    const item = await erika.get(`/postfach/${itemId}`);
    assert.ok(
      (await sql<{ first_accessed_at: Date | null }>`select first_accessed_at from notice`.execute(server.db)).rows[0]!.first_accessed_at,
      'opening records the first access',
    );
    const pdf = await erika.request('GET', `/postfach/${itemId}/anhang/0`);
    assert.equal(pdf.headers.get('content-type'), 'application/pdf');
    const text = await pdfText(pdf.bytes);
    const number = /B-\d{4}-\d{6}/.exec(item.html)![0];
    assert.ok(text.includes(`Bescheid-Nr. ${number}`));
    assert.ok(text.includes('Sie erhalten 2 Urkunden. Gebühr: 24,00'), 'the template with the answer filled in');
    assert.ok(text.includes('Gegen diesen Bescheid kann Klage beim Verwaltungsgericht Köln erhoben werden.'));

    const code = /\/verify\/([A-Z0-9-]{14})/.exec(item.html)![1]!;
    const anyone = new Visitor(server.url);
    const verify = await anyone.get(`/verify?code=${code.toLowerCase().replace(/-/g, ' ')}`);
    assert.match(verify.html, /Diesen Bescheid hat die Stadt Hennef \(Sieg\) erlassen/);
    assert.match(verify.html, new RegExp(number));
    assert.match(verify.html, /Lena Leitung/);
    assert.doesNotMatch(verify.html, /Erika|Mustermann/, 'no personal data of the recipient');
    const match = await postMultipart(anyone, `/verify/${code}`, {}, [
      { field: 'pdf', name: 'bescheid.pdf', bytes: pdf.bytes, type: 'application/pdf' },
    ]);
    assert.match(match.html, /stimmt Byte für Byte/);
    const changed = Buffer.from(pdf.bytes);
    changed[changed.length - 10] ^= 1;
    await anyone.get(`/verify/${code}`);
    const mismatch = await postMultipart(anyone, `/verify/${code}`, {}, [
      { field: 'pdf', name: 'bescheid.pdf', bytes: changed, type: 'application/pdf' },
    ]);
    assert.match(mismatch.html, /stimmt NICHT/);
    assert.equal((await anyone.get('/verify/AAAA-BBBB-CCCC')).status, 404);
  });

  it('the dog-tax notice names the tax, the tag, when and how to pay, greets the holder by name and is signed by the clerk; it is previewed first', async () => {
    const erika = new Visitor(server.url);
    await citizenLogin(erika, 'erika-mustermann', 'substantial');
    const { submissionId } = await registerDog(erika, 'Bello');
    const selma = new Visitor(server.url);
    await staffLogin(selma, 'steuern@hennef.example');
    const page = await selma.get(`/bo/antraege/${submissionId}`);
    assert.match(
      page.html,
      /Hund 1<\/dt><dd>Name des Hundes: Bello; Rasse: Pudel; Gehalten seit: 01\.01\.2025; Chipnummer \(15 Ziffern\): 276098106111111; Gilt der Hund als gefährlich \(Landeshundegesetz\)\?: Nein/,
      'each value of a repeated item with its label, dates as people read them',
    );
    const preview = await selma.get(`/bo/antraege/${submissionId}/bescheid`);
    assert.match(preview.html, /Vorschau des Bescheids/);
    assert.match(
      preview.html,
      /Erika Mustermann<\/span><br\/><span>Frankfurter Straße 97<\/span><br\/><span>53773 Hennef \(Sieg\)/,
      'the full postal address',
    );
    assert.match(preview.html, /Guten Tag Erika Mustermann,/);
    assert.match(preview.html, /Die Hundesteuer beträgt 96,00\s€ im Jahr/);
    assert.match(preview.html, /Hundesteuermarke Nr\. \(wird beim Erlass vergeben\)/);
    assert.match(preview.html, /Kreissparkasse Köln, IBAN DE12 3705 0299 0000 1234 56/);
    assert.match(preview.html, /Selma Steuer<\/span><br\/><span>Sachbearbeitung<\/span><br\/><span>Fachdienst Steuern und Abgaben/);
    assert.doesNotMatch(preview.html, /Sehr geehrte Damen und Herren|keine festgesetzt|\{\{/);
    assert.equal(
      (await sql<{ n: number }>`select count(*)::int as n from notice where case_id = ${submissionId}`.execute(server.db)).rows[0]!.n,
      0,
      'the preview issues nothing',
    );

    const issued = await selma.post(`/bo/antraege/${submissionId}/bescheid`, {});
    assert.match(issued.html, /Der Bescheid ist erlassen und zugestellt/);
    const postfach = await erika.get('/postfach');
    const itemId = /href="\/postfach\/([0-9a-f-]{36})"><strong>Bescheid B-[^<]*Hund anmelden/.exec(postfach.html)![1]!;
    await erika.get(`/postfach/${itemId}`);
    const bytes = (await erika.request('GET', `/postfach/${itemId}/anhang/0`)).bytes;
    const text = await pdfText(bytes);
    for (const line of [
      'Guten Tag Erika Mustermann,',
      '53773 Hennef (Sieg)',
      'Die Hundesteuer betr',
      '96,00',
      `Hundesteuermarke Nr. ${new Date().getFullYear()}-0001`,
      'IBAN DE12 3705 0299 0000 1234 56',
      'Selma Steuer',
      'Fachdienst Steuern und Abgaben',
    ]) {
      assert.ok(text.includes(line), `the notice PDF says "${line}"`);
    }
    assert.ok(!text.includes('FD 6.2') && !text.includes('Sehr geehrte Damen'), "signed with the unit's name, not its short code");

    // A notice is kept for years: PDF/A-2b with embedded fonts and an output intent, tagged, its language set.
    const pdf = await pdfReport(bytes);
    assert.equal(pdf.header, '%PDF-1.7');
    assert.ok(pdf.fonts >= 2 && pdf.embedded === pdf.fonts, `every font is embedded (${pdf.embedded} of ${pdf.fonts})`);
    assert.match(pdf.xmp, /<pdfaid:part>2<\/pdfaid:part>/);
    assert.match(pdf.xmp, /<pdfaid:conformance>B<\/pdfaid:conformance>/);
    assert.equal(pdf.outputIntents, 1, 'an sRGB output intent');
    assert.equal(pdf.lang, 'de-DE');
    assert.ok(pdf.marked, 'the PDF is tagged');
    for (const role of ['Document', 'H1', 'H2', 'P', 'Figure']) assert.ok(pdf.roles.includes(role), `tagged ${role}`);
    assert.ok(pdf.alternatives.some((alt) => /QR-Code zur Echtheitsprüfung dieses Bescheids unter http/.test(alt ?? '')));
    const order = ['Stadt Hennef (Sieg)', 'Bescheid', 'Guten Tag Erika Mustermann,', 'Selma Steuer'].map((part) => text.indexOf(part));
    assert.ok(
      order.every((at) => at >= 0),
      `every part is there: ${order}`,
    );
    assert.deepEqual(
      [...order].sort((a, b) => a - b),
      order,
      `the text reads in order: ${order}`,
    );
  });

  it('a template that names data the case does not have stops the notice at the preview, and nothing is issued', async () => {
    const editor = new Visitor(server.url);
    await staffLogin(editor, 'redaktion@hennef.example');
    await editor.get('/bo/bescheide/hundeanmeldung');
    await editor.post('/bo/bescheide/hundeanmeldung', {
      body: '{{anrede}}\n\nRückruf unter {{angabe.phone}}.',
      legal: 'Klage beim VG Köln.',
      action: 'save',
    });
    const erika = new Visitor(server.url);
    await citizenLogin(erika, 'erika-mustermann', 'substantial');
    const { submissionId } = await registerDog(erika, 'Rex');
    const selma = new Visitor(server.url);
    await staffLogin(selma, 'steuern@hennef.example');
    const preview = await selma.get(`/bo/antraege/${submissionId}/bescheid`);
    assert.match(preview.html, /Für \{\{angabe\.phone\}\} fehlen die Angaben/);
    assert.doesNotMatch(preview.html, /Bescheid erlassen und zustellen/, 'no button while something is missing');
    await selma.get(`/bo/antraege/${submissionId}`);
    const refused = await selma.post(`/bo/antraege/${submissionId}/bescheid`, {});
    assert.equal(refused.status, 400);
    assert.equal(
      (await sql<{ n: number }>`select count(*)::int as n from notice where case_id = ${submissionId}`.execute(server.db)).rows[0]!.n,
      0,
    );
    assert.equal(
      (await sql<{ status: string }>`select status from form_submission where id = ${submissionId}`.execute(server.db)).rows[0]!.status,
      'received',
    );
    const caseId = (
      await sql<{ id: string; version: number }>`select id, version from case_record where source_id = ${submissionId}`.execute(server.db)
    ).rows[0]!;
    const page = await selma.get(`/bo/vorgaenge/${caseId.id}`);
    await selma.post(`/bo/vorgaenge/${caseId.id}/status`, {
      version: /name="version" value="(\d+)"/.exec(page.html)![1]!,
      to: 'in_progress',
      reason: '',
    });
    const current = (await sql<{ version: number }>`select version from case_record where id = ${caseId.id}`.execute(server.db)).rows[0]!
      .version;
    const noReason = await selma.post(`/bo/vorgaenge/${caseId.id}/status`, { version: String(current), to: 'decided', reason: '' });
    assert.match(
      noReason.html,
      /Bitte füllen Sie aus: Warum ergeht kein Bescheid\?/,
      'a case is not decided without its notice, or a recorded reason',
    );
    const withReason = await selma.post(`/bo/vorgaenge/${caseId.id}/status`, {
      version: String(current),
      to: 'decided',
      reason: 'Hund wurde vor Bescheid abgegeben',
    });
    assert.match(withReason.html, /Entschieden/);
    const event = (
      await sql<{
        detail: Record<string, string>;
      }>`select detail from case_event where case_id = ${caseId.id} and to_status = 'decided'`.execute(server.db)
    ).rows[0]!;
    assert.equal(event.detail.reason, 'Hund wurde vor Bescheid abgegeben');
    await editor.get('/bo/bescheide/hundeanmeldung');
  });

  it('without an account the notice is fetched once with the code from a second e-mail', async () => {
    const { submissionId: id } = await volunteer(new Visitor(server.url), { name: 'Paula Probe', email: 'paula@example.org' });
    const clerk = new Visitor(server.url);
    await staffLogin(clerk, 'sachbearbeitung@hennef.example');
    await clerk.get(`/bo/antraege/${id}`);
    await clerk.post(`/bo/antraege/${id}/bescheid`, {});
    const mails = (
      await sql<{
        subject: string;
        body_text: string;
      }>`select subject, body_text from mail_message where recipient = 'paula@example.org' order by created_at`.execute(server.db)
    ).rows;
    const link = /\/bescheid\/abholen\/[A-Za-z0-9_-]+/.exec(mails.find((mail) => /liegt bereit/.test(mail.subject))!.body_text)![0];
    const code = /Abholcode lautet: (\d{6})/.exec(mails.find((mail) => /Abholcode/.test(mail.subject))!.body_text)![1]!;
    assert.doesNotMatch(
      mails.find((mail) => /liegt bereit/.test(mail.subject))!.body_text,
      new RegExp(code),
      'link and code travel separately',
    );
    const paula = new Visitor(server.url);
    await paula.get(link);
    const wrong = await paula.post(link, { code: '000000' });
    assert.equal(wrong.status, 400);
    assert.match(wrong.html, /noch 4 Versuche/);
    await paula.get(link);
    const download = await paula.post(link, { code });
    assert.equal(download.headers.get('content-type'), 'application/pdf');
    const text = await pdfText(download.bytes);
    assert.ok(text.includes('2. Diese Amtshandlung ist gebührenfrei.'), 'a notice without a fee says so in a whole sentence');
    assert.ok(!text.includes('Gebühr von keine') && !text.includes('keine festgesetzt'));
    const host = new URL(server.url).host;
    assert.ok(text.includes(`Echtheit prüfen: ${host}/verify`), 'the printed address is the one in the QR code, not a bare /verify');
    assert.equal((await paula.get(link)).status, 410, 'only once');
  });
  it('every e-mail and Postfach item of these journeys reads right: no raw keys, ISO dates or unfilled values', async () => {
    await server.jobs.runDue();
    await assertSentTextsReadable(server.db);
  });
});
