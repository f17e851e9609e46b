// The accessibility statement (BITV 2.0): what it must say, feedback that reaches the responsible unit as a case
// (bad input kept and explained, nothing stored), and the editors who maintain it.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { startServer, type TestServer } from '../support/server.js';
import { Visitor } from '../support/visitor.js';
import { staffLogin } from '../support/journeys.js';

const count = async (server: TestServer, table: string) =>
  (await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(server.db)).rows[0]!.n;

describe('accessibility statement', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer();
  });
  after(() => server.close());

  it('says how far the portal conforms, what is not accessible and why, how it was checked, how to give feedback and where to turn next', async () => {
    const page = await new Visitor(server.url).get('/barrierefreiheit');
    for (const part of [
      'Stand der Vereinbarkeit mit den Anforderungen',
      'teilweise vereinbar',
      'Nicht barrierefreie Inhalte',
      'Grund: ',
      'Alternative: ',
      'Erstellung dieser Erklärung',
      'am 30.11.2026 erstellt',
      'Barriere melden',
      'Durchsetzungsverfahren',
      'Ombudsstelle für barrierefreie Informationstechnik',
    ]) {
      assert.ok(page.html.includes(part), `the statement has "${part}"`);
    }
    const english = await new Visitor(server.url).get('/barrierefreiheit?lang=en');
    assert.match(english.html, /Compliance status/);
    assert.match(english.html, /<ul lang="de">/, "the town's German texts are marked as German");
  });

  it('feedback becomes a case of the unit the statement names; bad input keeps what was typed and stores nothing', async () => {
    const visitor = new Visitor(server.url);
    await visitor.get('/barrierefreiheit');
    const refused = await visitor.post('/barrierefreiheit/rueckmeldung', {
      page: '/maengelmelder',
      description: 'kurz',
      email: 'keine-adresse',
    });
    assert.equal(refused.status, 400);
    assert.match(refused.html, /mindestens 10 Zeichen/);
    assert.match(refused.html, /E-Mail-Adresse wie name@example\.de/);
    assert.match(refused.html, /value="\/maengelmelder"/);
    assert.equal(await count(server, 'accessibility_feedback'), 0);
    const sent = await visitor.post('/barrierefreiheit/rueckmeldung', {
      page: '/maengelmelder',
      description: 'Die Karte lässt sich mit der Tastatur nicht bedienen.',
      email: '',
    });
    assert.match(sent.html, /Ihre Rückmeldung ist unter der Nummer BF-\d{4}-0001 eingegangen/);
    const together = await Promise.all(
      [1, 2, 3].map(async (n) => {
        const visitor = new Visitor(server.url);
        await visitor.get('/barrierefreiheit');
        return visitor.post('/barrierefreiheit/rueckmeldung', {
          page: '',
          description: `Gleichzeitige Rückmeldung Nummer ${n}`,
          email: '',
        });
      }),
    );
    assert.deepEqual(
      together.map((answer) => answer.status),
      [200, 200, 200],
      'messages sent at the same moment all arrive, each with its own number',
    );
    assert.equal(await count(server, 'accessibility_feedback'), 4);
    const clerk = new Visitor(server.url);
    await staffLogin(clerk, 'digital@hennef.example');
    const inbox = await clerk.get('/bo/vorgaenge?ansicht=new');
    assert.match(inbox.html, /Rückmeldung zur Barrierefreiheit/);
    const caseId = /href="\/bo\/vorgaenge\/([0-9a-f-]{36})"/.exec(inbox.html)![1]!;
    const casePage = await clerk.get(`/bo/vorgaenge/${caseId}`);
    assert.match(casePage.html, /Die Karte lässt sich mit der Tastatur nicht bedienen\./);
    assert.match(casePage.html, /ohne E-Mail-Adresse \(anonym\)/);
  });

  it('an editor maintains the statement; a wrong line is explained and nothing changes; a clerk may not', async () => {
    const editor = new Visitor(server.url);
    await staffLogin(editor, 'redaktion@hennef.example');
    const form = await editor.get('/bo/barrierefreiheit');
    assert.match(form.html, /30\.11\.2026/);
    const wrong = await editor.post('/bo/barrierefreiheit', {
      status: 'partial',
      gaps: 'Nur ein Teil',
      evaluatedOn: '31.02.2026',
      method: 'Prüfung',
      unit: 'FD 9.9',
      enforcement: 'Ombudsstelle',
    });
    assert.equal(wrong.status, 400);
    assert.match(wrong.html, /Zeile 1: Bitte geben Sie Inhalt, Grund und Alternative an/);
    assert.match(wrong.html, /Bitte geben Sie das Datum als TT\.MM\.JJJJ an/);
    assert.match(wrong.html, /Diese Organisationseinheit gibt es nicht/);
    assert.match(wrong.html, />Nur ein Teil</);
    await editor.post('/bo/barrierefreiheit', {
      status: 'full',
      gaps: '',
      evaluatedOn: '01.12.2026',
      method: 'Prüfung nach BITV-Test durch eine Prüfstelle',
      unit: 'FD 1.3',
      enforcement: 'Ombudsstelle für barrierefreie Informationstechnik NRW',
    });
    const page = await new Visitor(server.url).get('/barrierefreiheit');
    assert.match(page.html, /vollständig vereinbar/);
    assert.match(page.html, /am 01\.12\.2026 erstellt/);
    assert.match(page.html, /keine Inhalte bekannt/);
    const clerk = new Visitor(server.url);
    await staffLogin(clerk, 'sachbearbeitung@hennef.example');
    assert.equal((await clerk.get('/bo/barrierefreiheit')).status, 403);
  });
});
