// Paying a fee online with the demo provider: abort, retry, success; the status comes only from the provider;
// forged and repeated notifications change nothing; staff refund, export and reconcile.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { pdfText } from '../support/pdf.js';
import { startServer, type TestServer } from '../support/server.js';
import { Visitor } from '../support/visitor.js';
import { staffLogin } from '../support/journeys.js';
import { postMultipart } from '../support/multipart.js';
import { orderBirthCertificates } from '../support/payments.js';
import { demoSignature } from '../../src/modules/payments/demo-provider.js';

const count = async (server: TestServer, table: string) =>
  (await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(server.db)).rows[0]!.n;
const notify = (server: TestServer, fields: Record<string, string>) =>
  fetch(`${server.url}/zahlung/benachrichtigung/demo`, { method: 'POST', body: new URLSearchParams(fields) });

describe('paying online (demo provider)', () => {
  let server: TestServer;
  let secret: string;
  before(async () => {
    server = await startServer();
  });
  after(() => server.close());

  async function payWithDemo(citizen: Visitor, receipt: string, method: string, outcome: 'success' | 'failed' | 'cancelled') {
    const hosted = await citizen.post(`${receipt}/bezahlen`, { method });
    assert.match(hosted.url, /\/zahlung\/demo\/RH\d{8}[0-9A-F]{12}$/);
    assert.match(hosted.html, /Demo-Zahlungsdienst/);
    assert.match(hosted.html, /24,00\s€/);
    return citizen.post(new URL(hosted.url).pathname, { method, outcome });
  }

  it('a citizen aborts once, then pays by credit card; the application counts as received only then', async () => {
    const citizen = new Visitor(server.url);
    const receipt = await orderBirthCertificates(citizen);
    const pdfBefore = await citizen.request('GET', `${receipt}/bestaetigung.pdf`, { follow: false });
    assert.equal(pdfBefore.status, 303, 'no receipt PDF before the payment');
    const aborted = await payWithDemo(citizen, receipt, 'creditcard', 'cancelled');
    assert.equal(new URL(aborted.url).pathname, receipt);
    assert.match(aborted.html, /Sie haben die Zahlung abgebrochen/);
    assert.match(aborted.html, /Weiter zur Zahlung/, 'the citizen can try again without re-entering anything');
    const paid = await payWithDemo(citizen, receipt, 'creditcard', 'success');
    assert.match(paid.html, /Ihr Antrag ist eingegangen/);
    const submission = (
      await sql<{ status: string; id: string }>`select status, id from form_submission where service = 'personenstandsurkunde'`.execute(
        server.db,
      )
    ).rows[0]!;
    assert.equal(submission.status, 'received');
    assert.equal(await count(server, 'payment_booking'), 1);
    const usage = (
      await sql<{ paid: number }>`select sum(paid)::int as paid from form_usage where service = 'personenstandsurkunde'`.execute(server.db)
    ).rows[0]!;
    assert.equal(usage.paid, 1);
    const receipts = (
      await sql<{ n: number }>`select count(*)::int as n from mailbox_item where kind = 'receipt' and case_id = ${submission.id}`.execute(
        server.db,
      )
    ).rows[0]!.n;
    assert.equal(receipts, 1, 'the receipt reaches the Postfach once, after the payment');
    const reference = (await sql<{ reference: string }>`select reference from payment where status = 'success'`.execute(server.db)).rows[0]!
      .reference;
    const paidLine = `24,00\u00a0€ per Kreditkarte, Zahlungsreferenz ${reference}`;
    assert.ok(paid.html.includes(`<dt>Gebühr bezahlt</dt><dd>${paidLine}</dd>`), 'the receipt page names amount, method and reference');
    const pdf = await citizen.request('GET', `${receipt}/bestaetigung.pdf`);
    assert.ok(
      (await pdfText(pdf.bytes)).includes(`Gebühr bezahlt: 24,00`) && (await pdfText(pdf.bytes)).includes(reference),
      'the receipt PDF too',
    );
    const item = (
      await sql<{ body: string }>`select body from mailbox_item where kind = 'receipt' and case_id = ${submission.id}`.execute(server.db)
    ).rows[0]!;
    assert.ok(item.body.includes(`Gebühr bezahlt: ${paidLine}.`), 'and the Postfach item');
    const events = (
      await sql<{
        to_status: string;
      }>`select e.to_status from payment_event e join payment p on p.id = e.payment_id where p.status = 'success' order by e.id`.execute(
        server.db,
      )
    ).rows.map((row) => row.to_status);
    assert.deepEqual(events, ['created', 'started', 'success']);
    secret = (await sql<{ value: string }>`select value from platform_secret where name = 'payment-demo'`.execute(server.db)).rows[0]!
      .value;
  });

  it('a tampered return URL is ignored; a forged notification is refused; an unknown one is kept for reconciliation', async () => {
    const citizen = new Visitor(server.url);
    const receipt = await orderBirthCertificates(citizen);
    const hosted = await citizen.post(`${receipt}/bezahlen`, { method: 'paypal' });
    const reference = /RH\d{8}[0-9A-F]{12}/.exec(hosted.url)![0];
    const back = await citizen.get(`/zahlung/${reference}/rueckkehr?status=success&amount=1&paymentId=x`);
    assert.match(back.html, /Gebühr bezahlen/, 'still waiting: the provider says the payment is open');
    const forged = await notify(server, { reference, status: 'success', amount: '2400', signature: 'f'.repeat(64) });
    assert.equal(forged.status, 400);
    assert.equal(
      (await sql<{ status: string }>`select status from payment where reference = ${reference}`.execute(server.db)).rows[0]!.status,
      'started',
    );
    const rejected = (
      await sql<{ n: number }>`select count(*)::int as n from audit_log where action = 'payments.notification_rejected'`.execute(server.db)
    ).rows[0]!.n;
    assert.equal(rejected, 1, 'the refusal is logged');
    const wrongAmount = { reference, status: 'success', amount: '1' };
    assert.equal((await notify(server, { ...wrongAmount, signature: demoSignature(secret, wrongAmount) })).status, 200);
    assert.equal(
      (await sql<{ status: string }>`select status from payment where reference = ${reference}`.execute(server.db)).rows[0]!.status,
      'started',
      'an amount that does not match books nothing',
    );
    const unknown = { reference: 'RH20261123AAAAAAAAAAAA', status: 'success', amount: '500' };
    assert.equal((await notify(server, { ...unknown, signature: demoSignature(secret, unknown) })).status, 200);
    const clerk = new Visitor(server.url);
    await staffLogin(clerk, 'leitung@hennef.example');
    const list = await clerk.get('/bo/zahlungen');
    assert.match(list.html, /RH20261123AAAAAAAAAAAA/);
  });

  it('200 concurrent copies of one success notification book the payment exactly once', async () => {
    const citizen = new Visitor(server.url);
    const receipt = await orderBirthCertificates(citizen);
    const hosted = await citizen.post(`${receipt}/bezahlen`, { method: 'giropay' });
    const reference = /RH\d{8}[0-9A-F]{12}/.exec(hosted.url)![0];
    const fields = { reference, status: 'success', amount: '2400' };
    const bookings = await count(server, 'payment_booking');
    const answers = await Promise.all(
      Array.from({ length: 200 }, () => notify(server, { ...fields, signature: demoSignature(secret, fields) })),
    );
    assert.ok(answers.every((answer) => answer.status === 200));
    assert.equal(await count(server, 'payment_booking'), bookings + 1);
    const successes = (
      await sql<{
        n: number;
      }>`select count(*)::int as n from payment_event e join payment p on p.id = e.payment_id where p.reference = ${reference} and e.to_status = 'success'`.execute(
        server.db,
      )
    ).rows[0]!.n;
    assert.equal(successes, 1);
    const late = { reference, status: 'failed', amount: '2400' };
    await notify(server, { ...late, signature: demoSignature(secret, late) });
    assert.equal(
      (await sql<{ status: string }>`select status from payment where reference = ${reference}`.execute(server.db)).rows[0]!.status,
      'success',
      'a late failure does not undo it',
    );
  });

  it('finance staff refund with a reason, export the day’s bookings with accounts and reconcile the statement', async () => {
    const lead = new Visitor(server.url);
    await staffLogin(lead, 'leitung@hennef.example');
    const list = await lead.get('/bo/zahlungen?status=success');
    const id = (await sql<{ id: string }>`select id from payment where status = 'success' and method = 'creditcard'`.execute(server.db))
      .rows[0]!.id;
    assert.match(list.html, new RegExp(`href="/bo/zahlungen/${id}"`));
    const detail = await lead.get(`/bo/zahlungen/${id}`);
    assert.match(detail.html, /bezahlt/);
    const noReason = await lead.post(`/bo/zahlungen/${id}/erstattung`, { amount: '12', reason: '' });
    assert.equal(noReason.status, 400);
    assert.match(noReason.html, /Bitte begründen Sie die Erstattung/);
    const tooMuch = await lead.post(`/bo/zahlungen/${id}/erstattung`, { amount: '30', reason: 'Doppelt bestellt' });
    assert.match(tooMuch.html, /Höchstens 24,00\s€ können noch erstattet werden/);
    assert.match(tooMuch.html, /value="Doppelt bestellt"/);
    const refunded = await lead.post(`/bo/zahlungen/${id}/erstattung`, { amount: '12,00', reason: 'Eine Urkunde weniger' });
    assert.match(refunded.html, /Die Erstattung über 12,00\s€ ist erfasst/);
    assert.equal(
      (await sql<{ n: number }>`select count(*)::int as n from audit_log where action = 'payments.refunded'`.execute(server.db)).rows[0]!.n,
      1,
    );

    await lead.get('/bo/zahlungen/konten');
    await lead.post('/bo/zahlungen/konten', { service: 'personenstandsurkunde', costCentre: '2200', account: '431100' });
    const day = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Berlin' }).format(new Date());
    const csv = await lead.request('GET', `/bo/zahlungen/buchungen.csv?tag=${day}`);
    assert.equal(csv.headers.get('content-type'), 'text/csv; charset=utf-8');
    const lines = csv.html.trim().split('\r\n');
    assert.equal(lines.length, 1 + (await count(server, 'payment_booking')));
    assert.match(lines[1]!, /"personenstandsurkunde";.*"24,00";"2200";"431100"$/);

    const references = (
      await sql<{
        reference: string;
      }>`select p.reference from payment p join payment_booking b on b.payment_id = p.id order by b.booked_at`.execute(server.db)
    ).rows.map((row) => row.reference);
    const statement = `Referenz;Betrag;Datum\n${references[0]};24,00;${day}\n${references[1]};20,00;${day}\nRHUNKNOWN0001;5,00;${day}\nkaputt\n`;
    await lead.get('/bo/zahlungen');
    const report = await postMultipart(lead, '/bo/zahlungen/abgleich', {}, [
      { field: 'statement', name: 'auszug.csv', bytes: statement, type: 'text/csv' },
    ]);
    assert.match(report.html, /1 Buchung stimmt überein/);
    assert.match(report.html, new RegExp(`${references[1]}: Betrag weicht ab`));
    assert.match(report.html, /RHUNKNOWN0001: im Auszug, aber nicht bei uns bezahlt/);
    assert.match(report.html, /Zeile 5 ist nicht lesbar/);
  });

  it('clerks see payments but cannot refund or export', async () => {
    const clerk = new Visitor(server.url);
    await staffLogin(clerk, 'sachbearbeitung@hennef.example');
    assert.equal((await clerk.get('/bo/zahlungen')).status, 200);
    assert.equal((await clerk.get('/bo/zahlungen/konten')).status, 403);
    assert.equal((await clerk.request('GET', '/bo/zahlungen/buchungen.csv?tag=2026-11-23')).status, 403);
  });
});
