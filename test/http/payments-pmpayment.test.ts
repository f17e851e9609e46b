// The same purchase through pmPayment (a protocol-faithful stand-in): paid at the provider, notified with a
// signed hash, a replayed notification changes nothing, and a lost notification is caught by the polling job.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { startServer, type TestServer } from '../support/server.js';
import { Visitor } from '../support/visitor.js';
import { orderBirthCertificates } from '../support/payments.js';
import { startPmPayment } from '../support/pmpayment.js';
import { enqueue } from '../../src/platform/jobs/queue.js';
import { PAYMENT_POLL_JOB } from '../../src/modules/payments/index.js';

const AGS = '05382024';
const SECRET = 'pmpayment-test-secret';

describe('paying online (pmPayment)', () => {
  let server: TestServer;
  let pm: Awaited<ReturnType<typeof startPmPayment>>;
  before(async () => {
    pm = await startPmPayment({ ags: AGS, secret: SECRET });
    server = await startServer({
      PAYMENT_PROVIDER: 'pmpayment',
      PMPAYMENT_URL: pm.url,
      PMPAYMENT_AGS: AGS,
      PMPAYMENT_PROCEDURE: 'hennef-urkunden',
      PMPAYMENT_SECRET: SECRET,
    });
  });
  after(async () => {
    await server.close();
    await pm.close();
  });

  const events = async () => (await sql<{ n: number }>`select count(*)::int as n from payment_event`.execute(server.db)).rows[0]!.n;

  it('the purchase completes at pmPayment, and a replayed notification changes nothing', async () => {
    const citizen = new Visitor(server.url);
    const receipt = await orderBirthCertificates(citizen);
    const page = await citizen.post(`${receipt}/bezahlen`, { method: 'creditcard' });
    assert.match(page.url, new RegExp(`^${pm.url}/pay/RH`));
    assert.match(page.html, /Betrag: 2400 Cent/, 'the amount sent is the one computed on the server');
    const done = await citizen.request('POST', page.url, {
      body: 'result=1',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    assert.match(done.html, /Ihr Antrag ist eingegangen/);
    const before = await events();
    const replay = await fetch(`${server.url}/zahlung/benachrichtigung/pmpayment`, { method: 'POST', body: pm.notifications.at(-1)! });
    assert.equal(replay.status, 200);
    assert.equal(await events(), before, 'no new status change');
    assert.equal((await sql<{ n: number }>`select count(*)::int as n from payment_booking`.execute(server.db)).rows[0]!.n, 1);
    const tampered = new URLSearchParams(pm.notifications.at(-1)!);
    tampered.set('status', '0');
    assert.equal(
      (await fetch(`${server.url}/zahlung/benachrichtigung/pmpayment`, { method: 'POST', body: tampered })).status,
      400,
      'a changed parameter breaks the hash',
    );
  });

  it('a payment whose notification was lost is settled by the polling job', async () => {
    const citizen = new Visitor(server.url);
    const receipt = await orderBirthCertificates(citizen);
    const page = await citizen.post(`${receipt}/bezahlen`, { method: 'giropay' });
    const reference = /RH\d{8}[0-9A-F]{12}/.exec(page.url)![0];
    pm.settleQuietly(reference);
    await sql`update payment set updated_at = now() - interval '10 minutes' where reference = ${reference}`.execute(server.db);
    await enqueue(server.db, { name: PAYMENT_POLL_JOB });
    await server.jobs.runDue();
    assert.equal(
      (await sql<{ status: string }>`select status from payment where reference = ${reference}`.execute(server.db)).rows[0]!.status,
      'success',
    );
    assert.match((await citizen.get(receipt)).html, /Ihr Antrag ist eingegangen/);
  });
});
