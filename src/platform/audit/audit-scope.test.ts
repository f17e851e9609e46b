// A request that changes a record without an audit entry is reported; one with an entry, one that changed nothing,
// one that was refused and one that only touched working state are not.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import Fastify, { type FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { openDatabase, type Database } from '../db/database.js';
import { migrate } from '../db/migrate.js';
import { allMigrations } from '../db/migrations-list.js';
import { recordAudit } from './audit-log.js';
import { watchAuditedChanges } from './audit-scope.js';

describe('changes without an audit entry', () => {
  let database: Database;
  let app: FastifyInstance;
  const reported: string[] = [];

  before(async () => {
    database = await openDatabase({ databaseUrl: 'memory://', dataDir: '' });
    await migrate(database.db, allMigrations([]));
    await sql`create table parking_permit (id serial primary key, plate text not null)`.execute(database.db);
    app = Fastify();
    watchAuditedChanges(app, (route) => reported.push(route));
    const db = database.db;
    app.post('/silent', async () => {
      await db
        .insertInto('parking_permit' as never)
        .values({ plate: 'SU-RH 1' } as never)
        .execute();
      return 'ok';
    });
    app.post('/audited', async () => {
      await db.transaction().execute(async (trx) => {
        await sql`update parking_permit set plate = 'SU-RH 2'`.execute(trx);
        await recordAudit(trx, { tenantId: null, actorId: null, actorLabel: 'test', action: 'permit.changed', objectType: 'permit' });
      });
      return 'ok';
    });
    app.post('/nothing-matched', async () => {
      await sql`delete from parking_permit where plate = 'gibt es nicht'`.execute(db);
      return 'ok';
    });
    app.post('/refused', async (_request, reply) => {
      await db
        .insertInto('parking_permit' as never)
        .values({ plate: 'SU-RH 3' } as never)
        .execute();
      return reply.status(409).send('conflict');
    });
    app.post('/working-state', async () => {
      await sql`insert into platform_secret (name, value) values ('test', 'x') on conflict do nothing`.execute(db);
      return 'ok';
    });
    app.post('/stand-in', { config: { audit: false } }, async () => {
      await db
        .insertInto('parking_permit' as never)
        .values({ plate: 'SU-RH 4' } as never)
        .execute();
      return 'ok';
    });
    await app.ready();
  });
  after(async () => {
    await app.close();
    await database.close();
  });

  it('reports the silent change with the table it wrote, and nothing else', async () => {
    for (const url of ['/silent', '/audited', '/nothing-matched', '/refused', '/working-state', '/stand-in'])
      await app.inject({ method: 'POST', url });
    assert.deepEqual(reported, ['POST /silent (parking_permit)']);
  });

  it('stamps the request id on the audit entry', async () => {
    const response = await app.inject({ method: 'POST', url: '/audited' });
    assert.equal(response.statusCode, 200);
    const row = await database.db
      .selectFrom('audit_log')
      .select('request_id')
      .where('action', '=', 'permit.changed')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    assert.match(String(row.request_id), /^req-/, 'Fastify’s own request id, as the logs carry it');
  });
});
