import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, type TestServer } from '../support/server.js';
import { Visitor } from '../support/visitor.js';
import { staffLogin } from '../support/journeys.js';
import { DEMO_PASSWORD } from '../../seed/hennef.js';
import { freshTotp } from '../support/totp.js';

describe('staff login', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer({ LOGIN_FREE_FAILURES: '3' });
  });
  after(() => server.close());

  it('a clerk logs in with password and TOTP code and reaches the back office', async () => {
    const clerk = new Visitor(server.url);
    const answer = await staffLogin(clerk, 'sachbearbeitung@hennef.example');
    assert.equal(answer.status, 200);
    assert.match(answer.url, /\/bo$/);
    assert.match(answer.html, /Sven Sachbearbeiter/);
  });

  it('a clerk without the TOTP code stays out of the back office', async () => {
    const clerk = new Visitor(server.url);
    await clerk.get('/bo/anmelden');
    const afterPassword = await clerk.post('/bo/anmelden', { email: 'sachbearbeitung@hennef.example', password: DEMO_PASSWORD });
    assert.match(afterPassword.url, /\/bo\/anmelden\/code$/);
    const empty = await clerk.post('/bo/anmelden/code', { code: '' });
    assert.equal(empty.status, 400);
    assert.match(empty.html, /Bitte geben Sie den Code/);
    const wrong = await clerk.post('/bo/anmelden/code', { code: '000000' });
    assert.equal(wrong.status, 401);
    assert.match(wrong.html, /Der Code ist falsch/);
    const backOffice = await clerk.get('/bo');
    assert.match(backOffice.url, /\/bo\/anmelden\?next=%2Fbo$/);
  });

  it('a wrong password gets the same message whether the account exists or not, and keeps the e-mail typed', async () => {
    const visitor = new Visitor(server.url);
    await visitor.get('/bo/anmelden');
    const known = await visitor.post('/bo/anmelden', { email: 'redaktion@hennef.example', password: 'falsch-falsch-falsch' });
    const unknown = await visitor.post('/bo/anmelden', { email: 'niemand@hennef.example', password: 'falsch-falsch-falsch' });
    assert.equal(known.status, 401);
    assert.equal(unknown.status, 401);
    const message = (html: string) => /<p class="error-message"[^>]*>([^<]+)</.exec(html)?.[1];
    assert.equal(message(known.html), 'E-Mail-Adresse oder Passwort sind falsch.');
    assert.equal(message(known.html), message(unknown.html));
    assert.match(unknown.html, /value="niemand@hennef.example"/);
  });

  it('repeated failures make the address wait, with a clear message, even for the right password', async () => {
    const visitor = new Visitor(server.url);
    await visitor.get('/bo/anmelden');
    for (let i = 0; i < 3; i++) await visitor.post('/bo/anmelden', { email: 'cdo@hennef.example', password: 'nicht-das-passwort' });
    const waiting = await visitor.post('/bo/anmelden', { email: 'cdo@hennef.example', password: DEMO_PASSWORD });
    assert.equal(waiting.status, 429);
    assert.match(waiting.html, /Zu viele Fehlversuche für diese E-Mail-Adresse\. Bitte versuchen Sie es ab \d\d:\d\d Uhr erneut/);
  });

  it('the login form is rate-limited', async () => {
    const visitor = new Visitor(server.url);
    await visitor.get('/bo/anmelden');
    const token = visitor.csrf();
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      statuses.push(
        (
          await visitor.request('POST', '/bo/anmelden', {
            body: new URLSearchParams({ _csrf: token, email: `x${i}@example.org`, password: 'irgendwas-langes' }),
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
          })
        ).status,
      );
    }
    assert.deepEqual(statuses.slice(0, 10), Array(10).fill(401));
    assert.equal(statuses[11], 429);
    assert.match(visitor.lastHtml, /Zu viele Anfragen/);
  });

  it('an expired session sends the clerk to the login and then back to where they were', async () => {
    const clerk = new Visitor(server.url);
    await staffLogin(clerk, 'redaktion@hennef.example');
    await server.db
      .updateTable('session')
      .set({ last_seen_at: new Date(Date.now() - 3_600_000) })
      .execute();
    const answer = await clerk.get('/bo/profil');
    assert.match(answer.url, /\/bo\/anmelden\?next=%2Fbo%2Fprofil&abgelaufen=1$/);
    assert.match(answer.html, /Ihre Sitzung ist abgelaufen/);
    await clerk.post('/bo/anmelden', { email: 'redaktion@hennef.example', password: DEMO_PASSWORD, next: '/bo/profil' });
    const back = await clerk.get('/bo/profil');
    assert.match(back.url, /\/bo\/profil$/);
    assert.match(back.html, /Rita Redaktion/);
  });

  it('a forgotten password is reset through the link in the e-mail, and old sessions end', async () => {
    const editor = new Visitor(server.url);
    await staffLogin(editor, 'redaktion@hennef.example');
    const stranger = new Visitor(server.url);
    await stranger.get('/bo/passwort-vergessen');
    const sent = await stranger.post('/bo/passwort-vergessen', { email: 'redaktion@hennef.example' });
    assert.match(sent.html, /E-Mail mit einem Link/);
    await server.jobs.runDue();
    const mail = await server.db
      .selectFrom('mail_message')
      .selectAll()
      .where('recipient', '=', 'redaktion@hennef.example')
      .executeTakeFirstOrThrow();
    assert.equal(mail.status, 'captured');
    const link = /http:\/\/\S+\/bo\/passwort-neu\/\S+/.exec(mail.body_text)![0];
    await stranger.get(new URL(link).pathname);
    const tooShort = await stranger.post(new URL(link).pathname, { password: 'kurz' });
    assert.equal(tooShort.status, 400);
    assert.match(tooShort.html, /mindestens 12 Zeichen/);
    const done = await stranger.post(new URL(link).pathname, { password: 'ein-ganz-neues-passwort' });
    assert.match(done.html, /Ihr Passwort wurde geändert/);
    assert.match((await editor.get('/bo/profil')).url, /\/bo\/anmelden/);
    const reused = await stranger.get(new URL(link).pathname);
    assert.equal(reused.status, 410);
    const again = await staffLogin(new Visitor(server.url), 'redaktion@hennef.example', 'ein-ganz-neues-passwort');
    assert.match(again.url, /\/bo$/);
  });

  it('a unit lead without a second factor must set one up before entering', async () => {
    await server.db
      .updateTable('app_user')
      .set({ totp_secret: null, totp_enabled: false })
      .where('email', '=', 'leitung@hennef.example')
      .execute();
    const lead = new Visitor(server.url);
    await lead.get('/bo/anmelden');
    const setup = await lead.post('/bo/anmelden', { email: 'leitung@hennef.example', password: DEMO_PASSWORD });
    assert.match(setup.url, /\/bo\/anmelden\/einrichten$/);
    const secret = /<dd><code>([A-Z2-7]+)<\/code><\/dd>/.exec(setup.html)![1];
    assert.equal((await lead.get('/bo')).url.includes('/bo/anmelden'), true, 'no entry before the set-up is finished');
    await lead.get('/bo/anmelden/einrichten');
    const wrong = await lead.post('/bo/anmelden/einrichten', { code: '123456' });
    assert.equal(wrong.status, 400);
    assert.match(wrong.html, /Der Code ist falsch/);
    const done = await lead.post('/bo/anmelden/einrichten', { code: await freshTotp(server.url, 'leitung@hennef.example', secret) });
    assert.match(done.url, /\/bo$/);
    const row = await server.db
      .selectFrom('app_user')
      .select(['totp_enabled', 'totp_secret'])
      .where('email', '=', 'leitung@hennef.example')
      .executeTakeFirstOrThrow();
    assert.deepEqual(row, { totp_enabled: true, totp_secret: secret });
  });
});
