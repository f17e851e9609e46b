// The audit log page with a long history: the newest entries are checked from the signed checkpoint on every look,
// the whole chain by the nightly run (its result and progress shown on the page, a break mailed to the platform
// administrators); a changed recent entry shows at once, a changed old one after the next full run. The page lists
// by position: older pages, a position beyond the end or malformed, a search that goes on below its window.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { recordAudit } from '../../src/platform/audit/audit-log.js';
import { AUDIT_VERIFY_JOB } from '../../src/platform/jobs/platform-jobs.js';
import { enqueue } from '../../src/platform/jobs/queue.js';
import { hennefTenantId, startServer, type TestServer } from '../support/server.js';
import { Visitor } from '../support/visitor.js';
import { staffLogin } from '../support/journeys.js';

async function history(server: TestServer, count: number, action = 'test.history') {
  const tenant = await hennefTenantId(server.db);
  for (let done = 0; done < count; done += 100)
    await server.db.transaction().execute(async (trx) => {
      for (let index = done; index < Math.min(count, done + 100); index++)
        await recordAudit(trx, {
          tenantId: tenant,
          actorId: null,
          actorLabel: 'system',
          action,
          objectType: 'test',
          objectId: `eintrag-${index}`,
        });
    });
}

describe('audit chain verification with a long history', () => {
  let server: TestServer;
  let admin: Visitor;
  before(async () => {
    server = await startServer();
    admin = new Visitor(server.url);
    await staffLogin(admin, 'admin@hennef.example');
  });
  after(() => server.close());

  it('the page checks only what is new since the last look; a changed recent entry shows at once', async () => {
    const first = await admin.get('/admin/protokoll');
    assert.match(first.html, /Die neuesten Einträge sind unversehrt \([\d.]+ Einträge seit der letzten Prüfung\)/);
    assert.match(first.html, /Eine vollständige Prüfung hat noch nicht stattgefunden/);
    await history(server, 3);
    const second = await admin.get('/admin/protokoll');
    assert.match(
      second.html,
      /unversehrt \([3-9] Einträge seit der letzten Prüfung\)/,
      'only the new entries (and the page views) are walked',
    );
    await sql`update audit_log set actor_label = 'jemand anderes' where object_id = 'eintrag-2'`.execute(server.db);
    const seq = (await sql<{ seq: number }>`select seq from audit_log where object_id = 'eintrag-2'`.execute(server.db)).rows[0]!.seq;
    const broken = await admin.get('/admin/protokoll');
    assert.match(
      broken.html,
      new RegExp(`Die Prüfkette ist ab Eintrag ${seq} verletzt`),
      'the checkpoint was not moved past the changed entry',
    );
    await sql`update audit_log set actor_label = 'system' where object_id = 'eintrag-2'`.execute(server.db);
  });

  it('a changed old entry is found by the next full run, shown on the page and mailed to the platform administrators', async () => {
    await admin.get('/admin/protokoll');
    const oldest = (await sql<{ seq: number }>`select seq from audit_log order by chain_pos limit 1 offset 5`.execute(server.db)).rows[0]!
      .seq;
    await sql`update audit_log set summary = '{"geändert": true}' where seq = ${oldest}`.execute(server.db);
    assert.match(
      (await admin.get('/admin/protokoll')).html,
      /Die neuesten Einträge sind unversehrt/,
      'the look at the newest entries cannot see it',
    );
    await enqueue(server.db, { name: AUDIT_VERIFY_JOB });
    await server.jobs.runDue();
    const page = await admin.get('/admin/protokoll');
    assert.match(
      page.html,
      new RegExp(`Letzte vollständige Prüfung am \\d{2}\\.\\d{2}\\.\\d{4}, \\d{2}:\\d{2}: verletzt ab Eintrag ${oldest}`),
    );
    const mails = await sql<{
      n: number;
    }>`select count(*)::int as n from mail_message where subject like 'Protokoll-Prüfkette verletzt%'`.execute(server.db);
    assert.ok(mails.rows[0]!.n >= 1, 'the platform administrators are told');
    await sql`update audit_log set summary = '{}' where seq = ${oldest}`.execute(server.db);
  });

  it('a moved checkpoint whose signature does not fit is not trusted', async () => {
    await sql`update audit_checkpoint set chain_pos = chain_pos + 1`.execute(server.db);
    assert.match((await admin.get('/admin/protokoll')).html, /Die Prüfkette ist ab Eintrag \d+ verletzt/);
  });

  it('the list pages by position; a position beyond the end or malformed gives the newest page, never an error', async () => {
    await history(server, 120, 'test.paging');
    const newest = await admin.get('/admin/protokoll?q=test.paging');
    assert.equal((newest.html.match(/<td>test\.paging<\/td>/g) ?? []).length, 50, 'fifty rows a page');
    const older = /href="(\/admin\/protokoll\?q=test\.paging&(?:amp;)?vor=\d+)" rel="next"/.exec(newest.html)![1]!.replaceAll('&amp;', '&');
    const second = await admin.get(older);
    assert.match(second.html, /eintrag-69</);
    assert.doesNotMatch(second.html, /eintrag-70</, 'no entry twice');
    assert.match(second.html, /rel="first"/);
    for (const bad of ['vor=abc', 'vor=-5', 'vor=99999999999999999999', 'vor=0']) {
      const answer = await admin.get(`/admin/protokoll?q=test.paging&${bad}`);
      assert.equal(answer.status, 200, bad);
      assert.match(answer.html, /eintrag-119</, `${bad}: the newest page`);
    }
    const beyond = await admin.get('/admin/protokoll?vor=1');
    assert.equal(beyond.status, 200);
    assert.match(beyond.html, /Keine Einträge|keine Einträge/i);
  });
});
