// Unfinished applications are kept for FORM_DRAFT_DAYS, the resume mail says until when, and the nightly job
// deletes them afterwards.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { startServer, type TestServer } from '../support/server.js';
import { Visitor } from '../support/visitor.js';
import { enqueue } from '../../src/platform/jobs/queue.js';
import { DRAFT_CLEANUP_JOB } from '../../src/modules/forms/index.js';

describe('draft lifetime', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer({ FORM_DRAFT_DAYS: '3' });
  });
  after(() => server.close());

  it('a draft lives as many days as configured, the resume mail names the end, and the job deletes it afterwards', async () => {
    const citizen = new Visitor(server.url);
    await citizen.get('/online/sperrmuell');
    const first = await citizen.post('/online/sperrmuell', {});
    const id = new URL(first.url).pathname.split('/')[3]!;
    const expires = (await sql<{ expires_at: Date }>`select expires_at from form_draft where id = ${id}`.execute(server.db)).rows[0]!
      .expires_at;
    const days = (expires.getTime() - Date.now()) / 86_400_000;
    assert.ok(days > 2.9 && days <= 3, `kept ${days.toFixed(2)} days`);
    await citizen.post(`/online/sperrmuell/${id}/merken`, { resumeEmail: 'paul@example.org', step: 'items' });
    const mail = (
      await sql<{ body_text: string }>`select body_text from mail_message where recipient = 'paul@example.org'`.execute(server.db)
    ).rows[0]!;
    const until = new Intl.DateTimeFormat('de-DE', { dateStyle: 'medium', timeZone: 'Europe/Berlin' }).format(expires);
    assert.ok(mail.body_text.includes(until), `the mail names ${until}`);

    await enqueue(server.db, { name: DRAFT_CLEANUP_JOB });
    await server.jobs.runDue();
    assert.equal(
      (await sql<{ n: number }>`select count(*)::int as n from form_draft where id = ${id}`.execute(server.db)).rows[0]!.n,
      1,
      'not yet expired: kept',
    );
    await sql`update form_draft set expires_at = now() - interval '1 minute' where id = ${id}`.execute(server.db);
    await enqueue(server.db, { name: DRAFT_CLEANUP_JOB });
    await server.jobs.runDue();
    assert.equal(
      (await sql<{ n: number }>`select count(*)::int as n from form_draft where id = ${id}`.execute(server.db)).rows[0]!.n,
      0,
      'expired: deleted',
    );
    assert.equal((await citizen.get(`/online/sperrmuell/${id}/items`)).status, 404);
  });
});
