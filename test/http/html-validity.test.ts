// Every page is valid HTML: html-validate (a checker we did not write) over every GET page of the route table,
// as an anonymous visitor and as an administrator, plus one of each page with a parameter. Invalid markup fails
// the tests as an axe violation does.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { HtmlValidate } from 'html-validate';
import { startServer, type TestServer } from '../support/server.js';
import { Visitor } from '../support/visitor.js';
import { staffLogin } from '../support/journeys.js';

const validator = new HtmlValidate({
  extends: ['html-validate:standard'],
  rules: {
    // Our pages are German and English with quotes „…“ and “…” in text; the rule asks for entities instead.
    'no-raw-characters': 'off',
    // Long German compound words make some headings and labels long; that is content, not markup.
    'long-title': 'off',
  },
});

/** Pages a visitor does not land on by a plain GET (login steps mid-way, the IdP, machine endpoints, files). */
const notPages =
  /^\/(idp|static|api|open311|metrics|healthz|readyz|tenant\.css)|\.(csv|json|xml|pdf|geojson)$|^\/konto\/(anmelden|callback)$|^\/bo\/anmelden\/(code|einrichten)$/;

async function problemsOf(visitor: Visitor, path: string): Promise<string[]> {
  const answer = await visitor.get(path, false);
  if (answer.status >= 300 && answer.status < 400) return [];
  if (!(answer.headers.get('content-type') ?? '').startsWith('text/html')) return [];
  const report = await validator.validateString(answer.html);
  return report.results.flatMap((result) =>
    result.messages.map((message) => `${path}:${message.line} ${message.ruleId}: ${message.message}`),
  );
}

describe('every page is valid HTML', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer();
  });
  after(() => server.close());

  it('as an anonymous visitor and as an administrator, with and without parameters', async () => {
    const report = (await sql<{ id: string }>`select id from report limit 1`.execute(server.db)).rows[0];
    const plain = server.routes
      .filter((route) => route.method === 'GET' && !route.url.includes(':') && !route.url.includes('*') && !notPages.test(route.url))
      .map((route) => route.url);
    const examples = [
      '/leistungen/hundeanmeldung',
      '/behoerden/rathaus',
      '/leistungen/lebenslagen/tiere',
      '/leistungen/suche?q=hund',
      '/online/hundeanmeldung',
      '/maengelmelder/meldungen',
      ...(report ? [`/maengelmelder/meldung/${report.id}`] : []),
    ];
    const anonymous = new Visitor(server.url);
    const admin = new Visitor(server.url);
    await staffLogin(admin, 'admin@hennef.example');
    const problems: string[] = [];
    for (const path of [...new Set([...plain, ...examples])]) problems.push(...(await problemsOf(anonymous, path)));
    for (const path of plain.filter((path) => path.startsWith('/bo') || path.startsWith('/admin')))
      problems.push(...(await problemsOf(admin, path)));
    assert.ok(plain.length > 30, `${plain.length} pages`);
    assert.deepEqual(problems, []);
  });
});
