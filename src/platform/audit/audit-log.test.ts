// The audit chain stays intact when many transactions write at once, and a row rolled back leaves no trace.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { startServer, type TestServer } from '../../../test/support/server.js';
import { recordAudit } from './audit-log.js';
import { verifyAuditChain } from './audit-verify.js';

describe('audit chain sealed at commit', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer();
  });
  after(() => server.close());

  it('fifty parallel transactions produce one unbroken chain; a changed row is found', async () => {
    const before = await verifyAuditChain(server.db);
    assert.ok(before.ok);
    await Promise.all(
      Array.from({ length: 50 }, (_, index) =>
        server.db.transaction().execute(async (trx) => {
          await recordAudit(trx, {
            tenantId: null,
            actorId: null,
            actorLabel: 'test',
            action: 'test.parallel',
            objectType: 'test',
            objectId: String(index),
            summary: { index, when: new Date('2026-11-23T10:00:00Z') },
          });
          await recordAudit(trx, {
            tenantId: null,
            actorId: null,
            actorLabel: 'test',
            action: 'test.second',
            objectType: 'test',
            objectId: String(index),
          });
        }),
      ),
    );
    await assert.rejects(
      server.db.transaction().execute(async (trx) => {
        await recordAudit(trx, { tenantId: null, actorId: null, actorLabel: 'test', action: 'test.rolledback', objectType: 'test' });
        throw new Error('roll back');
      }),
    );
    const verdict = await verifyAuditChain(server.db);
    assert.deepEqual(verdict, { ok: true, entries: before.entries + 100 });
    const rolledBack = (
      await sql<{ n: number }>`select count(*)::int as n from audit_log where action = 'test.rolledback'`.execute(server.db)
    ).rows[0]!.n;
    assert.equal(rolledBack, 0);
    await sql`update audit_log set actor_label = 'someone else' where action = 'test.parallel' and object_id = '7'`.execute(server.db);
    const broken = await verifyAuditChain(server.db);
    assert.equal(broken.ok, false);
  });
});
