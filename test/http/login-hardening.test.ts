// An attacker at the staff and citizen login: guessing second-factor codes from ever new addresses, replaying a
// code, probing which accounts exist, forging X-Forwarded-For, and smuggling another host into `next`.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, type TestServer } from '../support/server.js';
import { Visitor } from '../support/visitor.js';
import { citizenLogin } from '../support/journeys.js';
import { freshTotp } from '../support/totp.js';
import { DEMO_PASSWORD } from '../../seed/hennef.js';

const CLERK = 'sachbearbeitung@hennef.example';
const rotatingAddress = (i: number) => `203.0.${Math.floor(i / 250)}.${i % 250}`;

async function pastPassword(server: TestServer, email: string, ip?: string) {
  const visitor = new Visitor(server.url, undefined, ip);
  await visitor.get('/bo/anmelden');
  const answer = await visitor.post('/bo/anmelden', { email, password: DEMO_PASSWORD });
  assert.match(answer.url, /\/bo\/anmelden\/code$/);
  return visitor;
}

/** The page as a visitor reads it, without the per-request CSRF token. */
const comparable = (html: string) => html.replace(/name="_csrf" value="[^"]+"/g, '');

function median(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

describe('second factor and login throttle', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer();
  });
  after(() => server.close());

  it('guessing TOTP codes from a new X-Forwarded-For address each time is throttled after a handful, and then the right code waits too', async () => {
    const attacker = await pastPassword(server, CLERK);
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const spoofed = new Visitor(server.url, undefined, rotatingAddress(i));
      for (const [name, value] of attacker.cookies) spoofed.cookies.set(name, value);
      await spoofed.get('/bo/anmelden/code');
      statuses.push((await spoofed.post('/bo/anmelden/code', { code: String(100000 + i) })).status);
    }
    assert.deepEqual(statuses.slice(0, 4), [401, 401, 401, 401]);
    assert.ok(statuses.indexOf(429) > 0 && statuses.indexOf(429) <= 5, `throttled after a handful: ${statuses.join(',')}`);
    assert.deepEqual(statuses.slice(5), Array(7).fill(429));
    await attacker.get('/bo/anmelden/code');
    const right = await attacker.post('/bo/anmelden/code', { code: await freshTotp(server.url, CLERK) });
    assert.equal(right.status, 429, 'the half-logged-in session is held back as well');
    assert.match(right.html, /Zu viele Fehlversuche/);
    const fresh = await pastPassword(server, CLERK).catch((error: Error) => error);
    assert.ok(fresh instanceof Error, 'a new password attempt for the address waits too');
    const failures = await server.db.selectFrom('audit_log').select('action').where('action', '=', 'staff.totp_failed').execute();
    assert.equal(failures.length, 5, 'each counted failure is audited; refused attempts while waiting are not counted');
  });

  it('a TOTP code is accepted once: replaying it in another session is refused', async () => {
    const code = await freshTotp(server.url, 'leitung@hennef.example');
    const first = await pastPassword(server, 'leitung@hennef.example');
    assert.match((await first.post('/bo/anmelden/code', { code })).url, /\/bo$/);
    const second = await pastPassword(server, 'leitung@hennef.example');
    const replay = await second.post('/bo/anmelden/code', { code });
    assert.equal(replay.status, 401);
    assert.match(replay.html, /Der Code ist falsch oder abgelaufen/);
  });
});

describe('what an unknown and a known account get', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer({ LOGIN_FREE_FAILURES: '100' });
  });
  after(() => server.close());

  it('a wrong password gets the same status and page, in the same time, whether the account exists or not', async () => {
    const times = { known: [] as number[], unknown: [] as number[] };
    const pages = new Set<string>();
    for (let i = 0; i < 15; i++) {
      for (const kind of ['known', 'unknown'] as const) {
        const visitor = new Visitor(server.url, undefined, rotatingAddress(i * 2 + (kind === 'known' ? 0 : 1)));
        await visitor.get('/bo/anmelden');
        const email = kind === 'known' ? 'redaktion@hennef.example' : 'niemand@hennef.example';
        const started = performance.now();
        const answer = await visitor.post('/bo/anmelden', { email, password: 'falsch-falsch-falsch' });
        times[kind].push(performance.now() - started);
        assert.equal(answer.status, 401);
        pages.add(comparable(answer.html).replace(email, 'EMAIL'));
      }
    }
    assert.equal(pages.size, 1, 'one and the same page for both');
    const ratio = median(times.unknown) / median(times.known);
    assert.ok(ratio > 0.67 && ratio < 1.5, `unknown/known median time ${ratio.toFixed(2)} (known ${median(times.known).toFixed(1)} ms)`);
  });

  it('a throttled unknown address reads exactly like a throttled known one', async () => {
    const throttled = await startServer({ LOGIN_FREE_FAILURES: '2' });
    try {
      const last: Record<string, { status: number; html: string }> = {};
      for (const email of ['redaktion@hennef.example', 'niemand@hennef.example']) {
        for (let i = 0; i < 3; i++) {
          const visitor = new Visitor(throttled.url);
          await visitor.get('/bo/anmelden');
          last[email] = await visitor.post('/bo/anmelden', { email, password: 'falsch-falsch-falsch' });
        }
      }
      const [known, unknown] = Object.entries(last).map(([email, answer]) => ({
        status: answer.status,
        html: comparable(answer.html)
          .replace(email, 'EMAIL')
          .replace(/\d\d:\d\d/, 'HH:MM'),
      }));
      assert.equal(known!.status, 429);
      assert.deepEqual(known, unknown);
    } finally {
      await throttled.close();
    }
  });

  it('"forgot password" answers alike for both and only queues the request; the mail goes to the existing account alone', async () => {
    const answers: string[] = [];
    for (const email of ['redaktion@hennef.example', 'niemand@hennef.example']) {
      const visitor = new Visitor(server.url);
      await visitor.get('/bo/passwort-vergessen');
      const answer = await visitor.post('/bo/passwort-vergessen', { email });
      assert.equal(answer.status, 200);
      answers.push(comparable(answer.html));
    }
    assert.equal(answers[0], answers[1]);
    const queued = await server.db
      .selectFrom('job')
      .select('payload')
      .where('name', '=', 'staff.password_reset')
      .where('status', '=', 'queued')
      .execute();
    assert.equal(queued.length, 2, 'both requests did the same work: one queued job each');
    await server.jobs.runDue();
    const mails = await server.db
      .selectFrom('mail_message')
      .select('recipient')
      .where('subject', 'like', 'Passwort zurücksetzen%')
      .execute();
    assert.deepEqual(
      mails.map((mail) => mail.recipient),
      ['redaktion@hennef.example'],
    );
  });
});

describe('X-Forwarded-For without a configured proxy', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer({ TRUST_PROXY: '' });
  });
  after(() => server.close());

  it('is ignored: a client rotating the header is still one client to the rate limit', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      const visitor = new Visitor(server.url, undefined, rotatingAddress(i));
      await visitor.get('/bo/anmelden');
      statuses.push((await visitor.post('/bo/anmelden', { email: `x${i}@example.org`, password: 'irgendwas-langes' })).status);
    }
    assert.equal(statuses[10], 429);
  });
});

describe('the address after login', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer();
  });
  after(() => server.close());

  const hostile = [
    '/%09/evil.example',
    '/%0a/evil.example',
    '/%0d%0a/evil.example',
    '/%5Cevil.example',
    '/%5C%5Cevil.example',
    '//evil.example',
    '/%2F/evil.example',
    '/./%2Fevil.example',
    '/.//evil.example',
    '%20//evil.example',
    'https://evil.example',
    'javascript:alert(1)',
    '/%E3%80%80/evil.example',
  ];

  for (const next of hostile) {
    it(`next=${next} after staff login stays on the town's site`, async () => {
      const visitor = new Visitor(server.url);
      await visitor.get(`/bo/anmelden?next=${next}`);
      await visitor
        .post(
          '/bo/anmelden',
          { email: 'redaktion@hennef.example', password: DEMO_PASSWORD, next: decodeURIComponent(next) },
          { follow: false },
        )
        .then(async (answer) => {
          assert.ok(answer.status < 500, `status ${answer.status}`);
          const location = answer.headers.get('location') ?? '';
          assert.equal(new URL(location, server.url).origin, server.url, `Location: ${location}`);
          assert.doesNotMatch(location, /[\r\n\t\\]/);
        });
    });
  }

  it('a CR/LF in next after staff login with a second factor is no server error and stays local', async () => {
    const visitor = new Visitor(server.url);
    await visitor.get('/bo/anmelden');
    await visitor.post('/bo/anmelden', { email: CLERK, password: DEMO_PASSWORD, next: '/bo\r\nSet-Cookie: evil=1' });
    const answer = await visitor.post('/bo/anmelden/code', { code: await freshTotp(server.url, CLERK) }, { follow: false });
    assert.equal(answer.status, 303);
    assert.equal(answer.headers.get('location'), '/boSet-Cookie:%20evil=1');
  });

  it('the citizen login keeps only local targets too', async () => {
    for (const next of ['/%09/evil.example', '/%5Cevil.example', '/postfach']) {
      const answer = await citizenLogin(new Visitor(server.url), undefined, undefined, next);
      assert.equal(new URL(answer.url).origin, server.url, `${next} → ${answer.url}`);
      if (next === '/postfach') assert.match(answer.url, /\/postfach$/);
    }
  });

  it('a staff login still returns to a real page asked for, with its query', async () => {
    const visitor = new Visitor(server.url);
    await visitor.get('/bo/anmelden?next=%2Fbo%2Fvorgaenge%3Fansicht%3Dmine');
    const answer = await visitor.post(
      '/bo/anmelden',
      { email: 'redaktion@hennef.example', password: DEMO_PASSWORD, next: '/bo/vorgaenge?ansicht=mine' },
      { follow: false },
    );
    assert.equal(answer.headers.get('location'), '/bo/vorgaenge?ansicht=mine');
  });
});

describe('cookies on an https site', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer({ BASE_URL: 'https://rathaus.hennef.example' });
  });
  after(() => server.close());

  it('carry Secure, the session and the CSRF cookie alike', async () => {
    const visitor = new Visitor(server.url);
    const page = await visitor.get('/bo/anmelden');
    const csrfCookie = page.headers.getSetCookie().find((line) => line.startsWith('_csrf='));
    assert.match(csrfCookie ?? '', /;\s*Secure/i);
    const answer = await visitor.post('/bo/anmelden', { email: 'redaktion@hennef.example', password: DEMO_PASSWORD }, { follow: false });
    const session = answer.headers.getSetCookie().find((line) => line.startsWith('rh_sid='));
    assert.match(session ?? '', /;\s*Secure/i);
    assert.match(session ?? '', /;\s*HttpOnly/i);
  });
});
