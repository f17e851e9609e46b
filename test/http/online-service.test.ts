// Citizens apply online: step by step, with answers kept, a summary, one submission and a receipt.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { startServer, type TestServer } from '../support/server.js';
import { Visitor } from '../support/visitor.js';
import { citizenLogin, staffLogin } from '../support/journeys.js';
import { postMultipart } from '../support/multipart.js';
import { pdfText } from '../support/pdf.js';
import { createConsumer } from '../../src/modules/handover/service.js';
import { HANDOVER_JOB } from '../../src/modules/forms/service.js';
import { enqueue } from '../../src/platform/jobs/queue.js';

const submissions = async (server: TestServer) =>
  (await sql<{ n: number }>`select count(*)::int as n from form_submission`.execute(server.db)).rows[0]!.n;

describe('applying online', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer();
  });
  after(() => server.close());

  it('the catalog page offers "Online erledigen" for services with an online form', async () => {
    const page = await new Visitor(server.url).get('/leistungen/meldebescheinigung-einfach');
    assert.match(page.html, /<a class="button button--primary" href="\/online\/meldebescheinigung-einfach">Online erledigen<\/a>/);
  });

  it('an anonymous citizen requests a simple Meldebescheinigung; errors keep the answers; a double submit stores one', async () => {
    const citizen = new Visitor(server.url);
    const start = await citizen.get('/online/meldebescheinigung-einfach');
    assert.match(start.html, /Gebühr: 10,00\s€/);
    const first = await citizen.post('/online/meldebescheinigung-einfach', {});
    assert.match(first.url, /\/online\/meldebescheinigung-einfach\/[0-9a-f-]{36}\/person$/);
    const base = new URL(first.url).pathname.replace(/\/person$/, '');

    const invalid = await citizen.post(`${base}/person`, {
      givenName: 'Max',
      familyName: '',
      birthDate: '2999-01-01',
      street: 'Markt 1',
      action: 'next',
    });
    assert.equal(invalid.status, 400);
    assert.match(invalid.html, /class="error-summary"/);
    assert.match(invalid.html, /href="#f-familyName">Bitte füllen Sie dieses Feld aus/);
    assert.match(invalid.html, /Das Datum darf nicht nach dem/);
    assert.match(invalid.html, /value="Max"/);

    const delivery = await citizen.post(`${base}/person`, {
      givenName: 'Max',
      familyName: 'Muster',
      birthDate: '1980-05-01',
      street: 'Markt 1',
      action: 'next',
    });
    assert.match(delivery.url, /\/delivery$/);
    assert.match(delivery.html, /Schritt 2 von 3/);
    const back = await citizen.post(`${base}/delivery`, { delivery: 'email', action: 'back' });
    assert.match(back.html, /value="Muster"/, 'going back keeps the answers');
    await citizen.post(`${base}/person`, {
      givenName: 'Max',
      familyName: 'Muster',
      birthDate: '1980-05-01',
      street: 'Markt 1',
      action: 'next',
    });
    const noEmail = await citizen.post(`${base}/delivery`, { delivery: 'email', email: '', action: 'next' });
    assert.equal(noEmail.status, 400, 'the e-mail address is required once e-mail delivery is chosen');
    const summary = await citizen.post(`${base}/delivery`, {
      delivery: 'post',
      email: 'tampered@example.org',
      purpose: 'Bank',
      injected: 'x',
      action: 'next',
    });
    assert.match(summary.url, /\/zusammenfassung$/);
    assert.match(summary.html, /Muster/);
    assert.doesNotMatch(summary.html, /tampered@example\.org/, 'a hidden field is not stored');
    assert.match(summary.html, /href="[^"]+\/person#f-familyName"/);

    const undeclared = await citizen.post(`${base}/absenden`, {});
    assert.equal(undeclared.status, 400);
    assert.match(undeclared.html, /Bitte bestätigen Sie die Erklärung/);
    const token = citizen.csrf();
    const receipt = await citizen.post(`${base}/absenden`, { declaration0: 'yes' });
    assert.match(receipt.html, /Ihr Antrag ist eingegangen/);
    assert.match(receipt.html, /Eingangsnummer: <\/span><strong>\d{4}-\d{6}<\/strong>/);
    const number = /Eingangsnummer: <\/span><strong>(\d{4}-\d{6})/.exec(receipt.html)![1]!; // not any digits, e.g. in a CSRF token
    const pdf = await citizen.request('GET', `${new URL(receipt.url).pathname}/bestaetigung.pdf`);
    assert.equal(pdf.headers.get('content-type'), 'application/pdf');
    assert.ok(pdf.bytes.subarray(0, 5).toString() === '%PDF-');
    const text = await pdfText(pdf.bytes);
    assert.ok(text.includes(`Eingangsnummer: ${number}`), 'the receipt number is in the PDF text');
    assert.ok(text.includes('Familienname: Muster'), 'and the answers');
    const again = await citizen.post(`${base}/absenden`, { declaration0: 'yes', _csrf: token }, { csrf: false });
    assert.equal(new URL(again.url).pathname, new URL(receipt.url).pathname, 'the second submit lands on the same receipt');
    assert.equal(await submissions(server), 1);
    const stored = (await sql<{ answers: Record<string, unknown> }>`select answers from form_submission`.execute(server.db)).rows[0]!
      .answers;
    assert.deepEqual(Object.keys(stored).sort(), ['birthDate', 'delivery', 'familyName', 'givenName', 'purpose', 'street']);

    const stranger = new Visitor(server.url);
    assert.equal((await stranger.get(new URL(receipt.url).pathname)).status, 404, 'another browser cannot open the receipt');
    assert.equal((await stranger.get(`${base}/person`)).status, 404, 'nor the draft');
  });

  it('a logged-in citizen registers two dogs with the computed tax; identity data comes from the account', async () => {
    const citizen = new Visitor(server.url);
    await citizenLogin(citizen, 'erika-mustermann', 'substantial');
    const first = await citizen.post('/online/hundeanmeldung', {});
    const base = new URL(first.url).pathname.replace(/\/holder$/, '');
    assert.match(first.html, /Aus Ihrem Bürgerkonto übernommen/);
    assert.match(first.html, /Erika Mustermann/);
    const dogs = await citizen.post(`${base}/holder`, { name: 'Someone Else', phone: '', action: 'next' });
    assert.match(dogs.url, /\/dogs$/);
    const added = await citizen.post(`${base}/dogs`, {
      'dogs.0.dogName': 'Bello',
      'dogs.0.breed': 'Dackel',
      'dogs.0.since': '2025-03-01',
      'dogs.0.chip': '276098106123456',
      'dogs.0.dangerous': 'no',
      action: 'add:dogs',
    });
    assert.match(added.html, /Hund 2/);
    assert.match(added.html, /value="Bello"/);
    const payment = await citizen.post(`${base}/dogs`, {
      'dogs.0.dogName': 'Bello',
      'dogs.0.breed': 'Dackel',
      'dogs.0.since': '2025-03-01',
      'dogs.0.chip': '276098106123456',
      'dogs.0.dangerous': 'no',
      'dogs.1.dogName': 'Rex',
      'dogs.1.breed': 'Schäferhund',
      'dogs.1.since': '2026-01-10',
      'dogs.1.chip': '276098106654321',
      'dogs.1.dangerous': 'no',
      action: 'next',
    });
    assert.match(payment.url, /\/payment$/);
    await citizen.get(`${base}/dogs`);
    assert.match(citizen.lastHtml, /216,00\s€/, 'computed tax: 96 € + 120 €');
    const badIban = await citizen.post(`${base}/payment`, {
      directDebit: 'yes',
      iban: 'DE89 3704 0044 0532 0130 01',
      accountHolder: 'Erika Mustermann',
      action: 'next',
    });
    assert.match(badIban.html, /Diese IBAN stimmt nicht/);
    const summary = await citizen.post(`${base}/payment`, {
      directDebit: 'yes',
      iban: 'DE89 3704 0044 0532 0130 00',
      accountHolder: 'Erika Mustermann',
      action: 'next',
    });
    assert.match(summary.html, /Erika Mustermann/);
    assert.doesNotMatch(summary.html, /Someone Else/, 'prefilled identity data cannot be overwritten by a post');
    assert.match(summary.html, /DE89 3704 0044 0532 0130 00 \(Commerzbank Köln, BIC COBADEFFXXX\)/, 'the bank is looked up from the IBAN');
    const receipt = await citizen.post(`${base}/absenden`, { declaration0: 'yes', declaration1: 'yes' });
    assert.match(receipt.html, /Ihr Antrag ist eingegangen/);
    const stored = (
      await sql<{
        answers: { dogs: unknown[]; name: string };
        trust_level: string;
      }>`select answers, trust_level from form_submission where service = 'hundeanmeldung'`.execute(server.db)
    ).rows[0]!;
    assert.equal(stored.answers.dogs.length, 2);
    assert.equal(stored.answers.name, 'Erika Mustermann');
    assert.equal(stored.trust_level, 'substantial');
  });

  it('the computed dog tax is stored as the citizen saw it, read by the tax clerk, in the receipt and the hand-over; the town sets its own rates', async () => {
    const tenantId = (await sql<{ id: string }>`select id from tenant where slug = 'hennef'`.execute(server.db)).rows[0]!.id;
    await createConsumer(server.db, { tenantId, name: 'Steuerverfahren', services: ['hundeanmeldung'] });
    const apply = async (dangerous: string) => {
      const citizen = new Visitor(server.url);
      await citizenLogin(citizen, 'erika-mustermann', 'substantial');
      const first = await citizen.post('/online/hundeanmeldung', {});
      const base = new URL(first.url).pathname.replace(/\/holder$/, '');
      await citizen.post(`${base}/holder`, { phone: '', action: 'next' });
      await citizen.post(`${base}/dogs`, {
        'dogs.0.dogName': 'Luna',
        'dogs.0.breed': 'Pudel',
        'dogs.0.since': '2026-02-01',
        'dogs.0.chip': '276098106111111',
        'dogs.0.dangerous': dangerous,
        action: 'next',
      });
      const summary = await citizen.post(`${base}/payment`, { directDebit: 'no', action: 'next' });
      const receipt = await citizen.post(`${base}/absenden`, { declaration0: 'yes', declaration1: 'yes' });
      const id = (
        await sql<{
          id: string;
        }>`select id from form_submission where service = 'hundeanmeldung' order by submitted_at desc limit 1`.execute(server.db)
      ).rows[0]!.id;
      return { citizen, summary, receipt, id };
    };
    const first = await apply('no');
    assert.match(first.summary.html, /Voraussichtliche Hundesteuer pro Jahr<\/dt>\s*<dd[^>]*>96,00\s€/);
    const stored = (
      await sql<{ answers: Record<string, unknown> }>`select answers from form_submission where id = ${first.id}`.execute(server.db)
    ).rows[0]!.answers;
    assert.equal(stored.yearlyTax, '96.00');
    const pdf = await first.citizen.request('GET', `${new URL(first.receipt.url).pathname}/bestaetigung.pdf`);
    assert.ok((await pdfText(pdf.bytes)).includes('Voraussichtliche Hundesteuer pro Jahr: 96,00'), 'the receipt PDF names the tax');
    await server.jobs.runDue();
    const handedOver = (
      await sql<{
        package: { data: Record<string, unknown> };
      }>`select package from handover_delivery where submission_id = ${first.id}`.execute(server.db)
    ).rows;
    assert.equal(handedOver[0]!.package.data.yearlyTax, '96.00');
    await enqueue(server.db, { name: HANDOVER_JOB, tenantId, payload: { submissionId: first.id } });
    await server.jobs.runDue();
    assert.equal(
      (await sql<{ n: number }>`select count(*)::int as n from handover_delivery where submission_id = ${first.id}`.execute(server.db))
        .rows[0]!.n,
      1,
      'a hand-over job run again (its process died after the commit) delivers once',
    );

    const admin = new Visitor(server.url);
    await staffLogin(admin, 'admin@hennef.example');
    const settings = await admin.get('/bo/online-dienste/hundeanmeldung/anpassen');
    assert.match(settings.html, /Steuersatz für den ersten Hund \(Euro pro Jahr\)/);
    assert.match(settings.html, /Leer lassen für den Betrag der Definition \(96,00\s€\)/);
    const refused = await admin.post('/bo/online-dienste/hundeanmeldung/anpassen', {
      active: 'yes',
      targetUnit: 'FD 6.2',
      feeMode: 'defined',
      'rate.firstDog': 'neunzig',
      'rate.dangerousDog': '',
    });
    assert.equal(refused.status, 400);
    assert.match(refused.html, /value="neunzig"/, 'the form keeps what was typed');
    await admin.get('/bo/online-dienste/hundeanmeldung/anpassen');
    await admin.post('/bo/online-dienste/hundeanmeldung/anpassen', {
      active: 'yes',
      targetUnit: 'FD 6.2',
      feeMode: 'defined',
      'rate.firstDog': '108',
      'rate.dangerousDog': '900,00',
    });
    const adjusted = (
      await sql<{
        summary: { rates: Record<string, number> };
      }>`select summary from audit_log where action = 'forms.service_adjusted' order by seq desc limit 1`.execute(server.db)
    ).rows[0]!;
    assert.deepEqual(adjusted.summary.rates, { firstDog: 108, dangerousDog: 900 }, 'the change of rates is audited');
    const second = await apply('yes');
    assert.match(second.summary.html, /900,00\s€/, 'the town’s own rate for a dangerous dog');
    assert.equal(
      (await sql<{ answers: Record<string, unknown> }>`select answers from form_submission where id = ${first.id}`.execute(server.db))
        .rows[0]!.answers.yearlyTax,
      '96.00',
      'the earlier submission keeps what its applicant saw',
    );

    const clerk = new Visitor(server.url);
    await staffLogin(clerk, 'steuern@hennef.example');
    const detail = await clerk.get(`/bo/antraege/${first.id}`);
    assert.match(detail.html, /Voraussichtliche Hundesteuer pro Jahr/);
    assert.match(detail.html, /96,00\s€/);
  });

  it('a service that needs an account asks anonymous visitors to log in', async () => {
    const page = await new Visitor(server.url).get('/online/hundeanmeldung');
    assert.match(page.html, /melden Sie sich mit Ihrem Bürgerkonto an/);
    assert.doesNotMatch(page.html, /Antrag beginnen/);
  });

  it('staff of the target unit read the submission; other units do not; attachments are served to those who may read', async () => {
    const clerk = new Visitor(server.url);
    await staffLogin(clerk, 'sachbearbeitung@hennef.example');
    const list = await clerk.get('/bo/antraege');
    // Openings are counted in memory and written in batches; the overview writes them before it shows the figures.
    const rows = (
      await sql<{
        service: string;
        opened: number;
        started: number;
        submitted: number;
      }>`select service, sum(opened)::int as opened, sum(started)::int as started, sum(submitted)::int as submitted from form_usage group by service order by service`.execute(
        server.db,
      )
    ).rows;
    const meldung = rows.find((row) => row.service === 'meldebescheinigung-einfach')!;
    assert.ok(meldung.opened >= 1 && meldung.started >= 1 && meldung.submitted === 1);
    assert.match(list.html, /Einfache Meldebescheinigung beantragen/);
    const own = /<ul class="link-list">([\s\S]*?)<\/ul>/.exec(list.html)![1]!;
    assert.doesNotMatch(own, /Hund anmelden/, 'the Einwohnermeldewesen clerk does not see the tax office’s submissions');
    const detail = await clerk.get(/href="(\/bo\/antraege\/[0-9a-f-]{36})"/.exec(list.html)![1]!);
    assert.match(detail.html, /Familienname/);
    assert.match(detail.html, /Muster/);
    const dogs = (await sql<{ id: string }>`select id from form_submission where service = 'hundeanmeldung'`.execute(server.db)).rows[0]!
      .id;
    assert.equal((await clerk.get(`/bo/antraege/${dogs}`)).status, 404);
    const viewed = await sql<{ n: number }>`select count(*)::int as n from audit_log where action = 'forms.submission_viewed'`.execute(
      server.db,
    );
    assert.ok(viewed.rows[0]!.n >= 1, 'reading a submission is audited');
  });

  it('evidence uploads are sniffed and size-checked; a renamed executable or an oversized file is refused and the answers stay', async () => {
    const citizen = new Visitor(server.url);
    await citizenLogin(citizen, 'jonas-becker', 'substantial');
    const first = await citizen.post('/online/hundeanmeldung', {});
    const base = new URL(first.url).pathname.replace(/\/holder$/, '');
    await citizen.post(`${base}/holder`, { phone: '', action: 'next' });
    const dog = {
      'dogs.0.dogName': 'Luna',
      'dogs.0.breed': 'Pudel',
      'dogs.0.since': '2025-01-01',
      'dogs.0.chip': '276098106111111',
      'dogs.0.dangerous': 'no',
    };
    const executable = await postMultipart(citizen, `${base}/dogs`, { ...dog, action: 'next' }, [
      { field: 'evidence', name: 'chip.pdf', bytes: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(2000, 1)]) },
    ]);
    assert.equal(executable.status, 400);
    assert.match(executable.html, /Diese Datei können wir nicht annehmen. Erlaubt sind: PDF, JPEG, PNG/);
    assert.match(executable.html, /value="Luna"/);
    const huge = await postMultipart(citizen, `${base}/dogs`, { ...dog, action: 'next' }, [
      { field: 'evidence', name: 'gross.pdf', bytes: Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(6 * 1024 * 1024, 32)]) },
    ]);
    assert.equal(huge.status, 400);
    assert.match(huge.html, /Die Datei ist zu groß. Erlaubt sind höchstens 5 MB/);
    const stored = (await sql<{ n: number }>`select count(*)::int as n from stored_file`.execute(server.db)).rows[0]!.n;
    assert.equal(stored, 0, 'nothing of a refused file is stored');
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
    const ok = await postMultipart(citizen, `${base}/dogs`, { ...dog, action: 'next' }, [
      { field: 'evidence', name: 'chip-bescheinigung.pdf', bytes: pdf },
    ]);
    assert.match(ok.url, /\/payment$/);
    const back = await citizen.get(`${base}/dogs`);
    assert.match(back.html, /chip-bescheinigung\.pdf \(1 KB\)/);
    const removed = await postMultipart(citizen, `${base}/dogs`, { ...dog, action: 'removefile:evidence:0' });
    assert.doesNotMatch(removed.html, /chip-bescheinigung\.pdf \(/);
    await postMultipart(citizen, `${base}/dogs`, { ...dog, action: 'next' }, [
      { field: 'evidence', name: 'chip-bescheinigung.pdf', bytes: pdf },
    ]);
    await citizen.post(`${base}/payment`, { directDebit: 'no', action: 'next' });
    const receipt = await citizen.post(`${base}/absenden`, { declaration0: 'yes', declaration1: 'yes' });
    const submissionId = /eingang\/([0-9a-f-]{36})/.exec(receipt.url)![1]!;
    const admin = new Visitor(server.url);
    await staffLogin(admin, 'admin@hennef.example');
    const page = await admin.get(`/bo/antraege/${submissionId}`);
    const link = /href="(\/bo\/antraege\/[^"]+\/anhang\/[^"]+)"/.exec(page.html)![1]!;
    const file = await admin.request('GET', link);
    assert.equal(file.headers.get('content-type'), 'application/pdf');
    assert.ok(file.bytes.equals(pdf), 'the clerk gets exactly the uploaded file');
    for (let view = 0; view < 10; view++) await admin.request('GET', `${link}?ansicht=vorschau`);
    await admin.get(`/bo/antraege/${submissionId}`);
    const views = (
      await sql<{
        action: string;
        n: number;
      }>`select action, count(*)::int as n from audit_log where action like 'forms.%viewed' and (object_id = ${submissionId} or summary->>'submission' = ${submissionId}) group by action order by action`.execute(
        server.db,
      )
    ).rows;
    assert.deepEqual(
      views,
      [
        { action: 'forms.attachment_viewed', n: 1 },
        { action: 'forms.submission_viewed', n: 1 },
      ],
      'a preview reloaded ten times and a page opened twice are one view each',
    );
  });

  it('an anonymous citizen gets a one-time link by e-mail and continues in another browser', async () => {
    const first = new Visitor(server.url);
    await first.get('/online/wahlhelfer');
    const started = await first.post('/online/wahlhelfer', {});
    const base = new URL(started.url).pathname.replace(/\/person$/, '');
    await first.post(`${base}/person`, {
      name: 'Paula Probe',
      birthDate: '1990-02-02',
      email: 'paula@example.org',
      phone: '',
      action: 'next',
    });
    const refused = await first.post(`${base}/merken`, { step: 'wishes', resumeEmail: 'keine-adresse' });
    assert.match(refused.html, /Bitte geben Sie eine E-Mail-Adresse/);
    assert.equal(refused.status, 400);
    assert.match(refused.html, /<details class="resume" open>/, 'the form stays open');
    assert.match(refused.html, /name="resumeEmail"[^>]*value="keine-adresse"/, 'with what was typed');
    const sent = await first.post(`${base}/merken`, { step: 'wishes', resumeEmail: 'paula@example.org' });
    assert.match(sent.html, /Wir haben Ihnen den Link geschickt. Er ist gültig bis \d/);
    const mail = (
      await sql<{
        body_text: string;
        recipient: string;
      }>`select body_text, recipient from mail_message where recipient = 'paula@example.org'`.execute(server.db)
    ).rows[0]!;
    assert.doesNotMatch(mail.body_text, /1990-02-02/, 'the mail carries no answers');
    const link = /\/online\/fortsetzen\/[A-Za-z0-9_-]+/.exec(mail.body_text)![0];

    const second = new Visitor(server.url);
    const resumed = await second.get(link);
    assert.match(resumed.url, /\/person$/);
    assert.match(resumed.html, /value="Paula Probe"/);
    assert.equal((await new Visitor(server.url).get(link)).status, 410, 'the link works once');
    assert.equal((await first.get(`${base}/person`)).status, 404, 'the draft moved to the browser that opened the link');
  });

  it('a business files an Aufbruchantrag with a site in town; a site outside Hennef is refused; private persons are turned away', async () => {
    const person = new Visitor(server.url);
    await citizenLogin(person, 'erika-mustermann', 'substantial');
    assert.match((await person.get('/online/aufbruchantrag')).html, /Diesen Antrag stellen nur Unternehmen/);

    const business = new Visitor(server.url);
    await citizenLogin(business, 'siegtal-baeckerei', 'substantial');
    const first = await business.post('/online/aufbruchantrag', {});
    const base = new URL(first.url).pathname.replace(/\/site$/, '');
    const site = {
      site: 'Frankfurter Straße 97, Gehweg',
      surface: 'pavement',
      length: '12',
      from: new Date().toISOString().slice(0, 10),
      until: new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10),
      action: 'next',
    };
    const outside = await business.post(`${base}/site`, { ...site, 'site.coordinates': '50.9413, 6.9583' });
    assert.equal(outside.status, 400);
    assert.match(outside.html, /nicht im Stadtgebiet von Hennef/);
    assert.match(outside.html, /value="Frankfurter Straße 97, Gehweg"/);
    const works = await business.post(`${base}/site`, { ...site, 'site.coordinates': '50.7757, 7.2837' });
    assert.match(works.url, /\/works$/);
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
    const summary = await postMultipart(
      business,
      `${base}/works`,
      { purpose: 'fibre', emergency: 'no', contractor: 'Tiefbau Sieg GmbH', sitePhone: '02242 12345', action: 'next' },
      [{ field: 'plan', name: 'lageplan.pdf', bytes: pdf }],
    );
    assert.match(summary.url, /\/zusammenfassung$/);
    assert.match(summary.html, /Frankfurter Straße 97, Gehweg \(50.7757, 7.2837\)/);
    assert.match(summary.html, /lageplan\.pdf/);
    const receipt = await business.post(`${base}/absenden`, { declaration0: 'yes' });
    assert.match(receipt.html, /Ihr Antrag ist eingegangen/);
  });
});
