// The public list of reports with years of reports: a hundred at a time, newest first, each page after the last
// one shown, the filters kept; a position that is malformed or names no report starts with the newest.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { seedDemoHistory } from '../../seed/history.js';
import { growReports } from '../../seed/scale.js';
import { hennefTenantId, startServer, type TestServer } from '../support/server.js';
import { Visitor } from '../support/visitor.js';

const numbers = (html: string) =>
  [...html.matchAll(/<td><a href="\/maengelmelder\/meldung\/[0-9a-f-]{36}">([^<]+)<\/a><\/td>/g)].map((m) => m[1]!);
const olderLink = (html: string) => /href="([^"]+)" rel="next">Ältere Einträge</.exec(html)?.[1]?.replaceAll('&amp;', '&');

describe('the Mängelmelder list with many reports', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer();
    await seedDemoHistory(server.db, server.deps.store);
    const tenant = await hennefTenantId(server.db);
    await growReports(server.db, tenant, 250);
  });
  after(() => server.close());

  it('pages through every report once, newest first', async () => {
    const visitor = new Visitor(server.url);
    const total = (await sql<{ n: number }>`select count(*)::int as n from report`.execute(server.db)).rows[0]!.n;
    const seen: string[] = [];
    let path: string | undefined = '/maengelmelder/meldungen';
    while (path) {
      const page = await visitor.get(path);
      assert.equal(page.status, 200);
      const shown = numbers(page.html);
      assert.ok(shown.length <= 100, 'a hundred a page');
      seen.push(...shown);
      path = olderLink(page.html);
    }
    assert.equal(seen.length, total);
    assert.equal(new Set(seen).size, total, 'no report twice');
    const newest = (
      await sql<{ number: string }>`select number from report order by created_at desc, number desc limit 1`.execute(server.db)
    ).rows[0]!.number;
    assert.equal(seen[0], newest);
  });

  it('keeps the filter on the next page, and a bad position starts with the newest', async () => {
    const visitor = new Visitor(server.url);
    const filtered = await visitor.get('/maengelmelder/meldungen?status=new');
    const next = olderLink(filtered.html);
    if (next) assert.match(next, /status=new/);
    const first = numbers((await visitor.get('/maengelmelder/meldungen')).html);
    for (const bad of ['vor=gibt-es-nicht', 'vor=%3Cscript%3E', 'vor=']) {
      const answer = await visitor.get(`/maengelmelder/meldungen?${bad}`);
      assert.equal(answer.status, 200, bad);
      assert.deepEqual(numbers(answer.html), first, `${bad}: the newest page`);
    }
  });
});
