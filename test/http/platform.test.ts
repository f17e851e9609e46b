import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, type TestServer } from '../support/server.js';
import { Visitor } from '../support/visitor.js';
import { citizenLogin, staffLogin } from '../support/journeys.js';

describe('platform: health, metrics, security headers and bad input', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer({
      UPLOAD_MAX_BYTES: '100000',
      METRICS_TOKEN: 'monitoring-token-0123456789',
      METRICS_ALLOW: '127.0.0.1,::1,192.168.7.0/24',
    });
  });
  after(() => server.close());

  it('liveness, readiness and metrics answer', async () => {
    const visitor = new Visitor(server.url);
    assert.equal((await visitor.get('/healthz')).status, 200);
    const ready = await visitor.get('/readyz');
    assert.equal(ready.status, 200);
    assert.match(ready.html, /ready/);
    await visitor.get('/');
    const outsider = await visitor.get('/metrics');
    assert.equal(outsider.status, 401, 'a caller from outside the monitoring network without the token is refused');
    assert.match(outsider.html, /METRICS_TOKEN/);
    assert.doesNotMatch(outsider.html, /http_requests_total/);
    assert.equal((await visitor.request('GET', '/metrics', { headers: { authorization: 'Bearer wrong-token-0123456789' } })).status, 401);
    assert.equal(
      (await new Visitor(server.url, undefined, '192.168.7.20').get('/metrics')).status,
      200,
      'an address in METRICS_ALLOW reads without token',
    );
    const metrics = await visitor.request('GET', '/metrics', { headers: { authorization: 'Bearer monitoring-token-0123456789' } });
    assert.match(metrics.html, /http_requests_total\{method="GET",route="\/",status="200"\} \d+/);
    assert.match(metrics.html, /http_request_duration_seconds_bucket/);
    assert.match(metrics.html, /job_queue_depth/);
  });

  it('pages carry a strict content security policy and refuse framing', async () => {
    const home = await new Visitor(server.url).get('/');
    const csp = home.headers.get('content-security-policy') ?? '';
    assert.match(csp, /script-src 'self'/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.doesNotMatch(csp, /unsafe-inline/);
    assert.equal(home.headers.get('strict-transport-security'), null, 'no HSTS over plain http');
  });

  it('a form without CSRF token gets a 403 page with a way back', async () => {
    const visitor = new Visitor(server.url);
    await visitor.get('/bo/anmelden');
    const answer = await visitor.post('/bo/anmelden', { email: 'a@b.de', password: 'x' }, { csrf: false });
    assert.equal(answer.status, 403);
    assert.match(answer.html, /Sicherheitsprüfung fehlgeschlagen/);
    assert.match(answer.html, /<a href="\/bo\/anmelden">Zurück zur vorherigen Seite<\/a>/);
  });

  it('an oversize upload gets 413 with a message', async () => {
    const visitor = new Visitor(server.url);
    await visitor.get('/bo/anmelden');
    const big = 'x'.repeat(300_000);
    const answer = await visitor.post('/bo/anmelden', { email: 'a@b.de', password: big });
    assert.equal(answer.status, 413);
    assert.match(answer.html, /Datei zu groß/);
  });

  it('unknown pages get a 404 page in the chosen language', async () => {
    const visitor = new Visitor(server.url);
    const german = await visitor.get('/gibt-es-nicht');
    assert.equal(german.status, 404);
    assert.match(german.html, /Seite nicht gefunden/);
    const english = await visitor.get('/gibt-es-nicht?lang=en');
    assert.match(english.html, /Page not found/);
    assert.match((await visitor.get('/')).html, /<html lang="en">/, 'the language choice is remembered');
  });

  it('the home page shown to anonymous visitors never carries another visitor’s name, language or login', async () => {
    const erika = new Visitor(server.url);
    await citizenLogin(erika, 'erika-mustermann', 'substantial');
    const anonymous = new Visitor(server.url);
    const before = await anonymous.get('/');
    assert.match((await erika.get('/')).html, /Erika/, 'the citizen sees her account on the home page');
    const english = await new Visitor(server.url).get('/?lang=en');
    assert.match(english.html, /<html lang="en">/);
    const after = await anonymous.get('/');
    assert.match(after.html, /<html lang="de">/);
    assert.doesNotMatch(after.html, /Erika|Abmelden/);
    assert.match(after.html, /href="\/konto">Anmelden/);
    assert.equal(after.html, before.html, 'anonymous visitors in one language see the same page');
  });

  it('a stale step of the citizen login gets a clear 400 page, not a 500', async () => {
    const answer = await new Visitor(server.url).get('/idp/interaction/abgelaufen');
    assert.equal(answer.status, 400);
    assert.match(answer.html, /unvollständig oder ist abgelaufen/);
  });

  it('logout everywhere ends the sessions on all devices', async () => {
    const laptop = new Visitor(server.url);
    const phone = new Visitor(server.url);
    await staffLogin(laptop, 'redaktion@hennef.example');
    await staffLogin(phone, 'redaktion@hennef.example');
    await laptop.get('/bo/profil');
    await laptop.post('/abmelden/ueberall', {});
    assert.match((await phone.get('/bo/profil')).url, /\/bo\/anmelden/);
  });

  it('the legal pages and the style guide exist in both languages', async () => {
    const visitor = new Visitor(server.url);
    for (const [path, de, en] of [
      ['/impressum', 'Impressum', 'Legal notice'],
      ['/datenschutz', 'Datenschutzerklärung', 'Privacy policy'],
      ['/barrierefreiheit', 'Erklärung zur Barrierefreiheit', 'Accessibility statement'],
      ['/kontakt', 'Kontakt', 'Contact'],
      ['/styleguide', 'Gestaltungsrichtlinie', 'Style guide'],
    ]) {
      assert.match((await visitor.get(`${path}?lang=de`)).html, new RegExp(`<h1>${de}</h1>`));
      assert.match((await visitor.get(`${path}?lang=en`)).html, new RegExp(`<h1>${en}</h1>`));
    }
  });
});
