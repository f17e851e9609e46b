// A link checker over what people read: every link on the pages reachable from the start pages, as an anonymous
// visitor, a citizen and each staff role, and every link in every e-mail the demo's journeys send, resolves to a
// page that exists and accepts what the link asks for (an unknown view or filter is refused, so it shows here).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { startServer, type TestServer } from '../support/server.js';
import { Visitor } from '../support/visitor.js';
import { citizenLogin, reportPothole, visitorsByRole } from '../support/journeys.js';
import { escalateOverdue } from '../../src/modules/cases/service.js';
import { applyForStreetOpening } from '../support/street-opening.js';

/** Links that end a session or lead outside, and downloads whose size makes a crawl slow, are not followed. */
const followable = (href: string) => !/^\/(abmelden|static\/|idp\/)/.test(href) && !/\.(pdf|csv|xml|json|geojson|ics)(\?|$)/.test(href);

function linksOn(html: string): string[] {
  return [...html.matchAll(/<a [^>]*href="([^"#]+)(?:#[^"]*)?"/g)]
    .map((match) => match[1]!.replaceAll('&amp;', '&'))
    .filter((href) => href.startsWith('/') && !href.startsWith('//'));
}

describe('links in pages and mails', () => {
  let server: TestServer;
  let visitors = new Map<string, Visitor>();

  before(async () => {
    server = await startServer();
    const citizen = new Visitor(server.url);
    await citizenLogin(citizen, 'siegtal-baeckerei', 'substantial');
    await applyForStreetOpening(citizen);
    visitors = await visitorsByRole(server.url, citizen);
    await reportPothole(server.url, { name: 'Paula', email: 'paula@example.org' });
    await sql`update case_record set due_at = now() - interval '2 days'`.execute(server.db);
    await escalateOverdue(server.db, server.url);
    await server.jobs.runDue();
  });
  after(() => server.close());

  it('every link on the pages each role reaches resolves', async () => {
    const broken: string[] = [];
    for (const [who, visitor] of visitors) {
      const seen = new Set<string>();
      const queue = who === 'anonymous' ? ['/', '/leistungen', '/maengelmelder'] : who === 'citizen' ? ['/konto', '/postfach'] : ['/bo'];
      while (queue.length > 0 && seen.size < 250) {
        const path = queue.shift()!;
        if (seen.has(path)) continue;
        seen.add(path);
        const answer = await visitor.get(path);
        if (answer.status >= 400) {
          broken.push(`${who}: ${path} → ${answer.status}`);
          continue;
        }
        if (!(answer.headers.get('content-type') ?? '').includes('text/html')) continue;
        for (const href of linksOn(answer.html)) if (followable(href) && !seen.has(href)) queue.push(href);
      }
      assert.ok(seen.size > (who === 'anonymous' ? 50 : 5), `${who} reached ${seen.size} pages`);
    }
    assert.deepEqual(broken, []);
  });

  it('every link in every mail resolves for its recipient', async () => {
    const mails = (
      await sql<{ recipient: string; subject: string; body_text: string }>`select recipient, subject, body_text from mail_message`.execute(
        server.db,
      )
    ).rows;
    const checked: string[] = [];
    const broken: string[] = [];
    for (const mail of mails) {
      for (const [url] of mail.body_text.matchAll(/https?:\/\/[^\s)>"]+/g)) {
        const target = new URL(url);
        assert.equal(target.origin, server.url, `${mail.subject}: ${url} points to this site`);
        const reader = target.pathname.startsWith('/bo/')
          ? visitors.get(mail.recipient === 'leitung@hennef.example' ? 'unit_lead' : 'platform_admin')!
          : new Visitor(server.url);
        const answer = await reader.get(target.pathname + target.search);
        checked.push(url);
        if (answer.status >= 400) broken.push(`${mail.subject}: ${url} → ${answer.status}`);
      }
    }
    assert.ok(
      checked.some((url) => url.includes('ansicht=escalated')),
      'the escalation mail was among them',
    );
    assert.ok(
      checked.some((url) => url.includes('schluessel=')),
      'and the report confirmation',
    );
    assert.deepEqual(broken, []);
  });
});
