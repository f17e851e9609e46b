// A route declared once: typed input from its schemas, 404 for a path that names nothing, 400 with the wrong fields
// for a body that does not fit, and a changing route whose answer never says "saved" when the commit did not happen.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import Fastify, { type FastifyInstance } from 'fastify';
import formbody from '@fastify/formbody';
import { sql } from 'kysely';
import { z } from 'zod';
import { openDatabase, type Database } from '../db/database.js';
import { handleError } from './error-handler.js';
import { holdAnswersUntilCommit, routes } from './route.js';
import { email } from '../validation/rules.js';

describe('declaring a route', () => {
  let database: Database;
  let app: FastifyInstance;

  before(async () => {
    database = await openDatabase({ databaseUrl: 'memory://', dataDir: '' });
    // A rule checked only at COMMIT: the way a commit can fail after the handler has answered.
    await sql`create table subscriber (id uuid primary key, email text not null unique deferrable initially deferred)`.execute(database.db);
    app = Fastify();
    await app.register(formbody);
    app.setErrorHandler(handleError);
    holdAnswersUntilCommit(app);
    const route = routes(app, database.db);
    const params = z.object({ id: z.uuid() });
    const body = z.object({ email });
    route.post(
      '/abo/:id',
      { access: 'public', params, body, changes: true, config: { csrf: false } },
      async ({ reply, params, body, db }) => {
        await sql`insert into subscriber (id, email) values (${params.id}, ${body.email})`.execute(db);
        return reply.redirect('/abo/danke', 303);
      },
    );
    route.post('/abo/:id/doppelt', { access: 'public', params, changes: true, config: { csrf: false } }, async ({ reply, params, db }) => {
      await sql`insert into subscriber (id, email) values (${params.id}, 'erika@hennef.de')`.execute(db);
      return reply.redirect('/abo/danke', 303);
    });
    await app.ready();
  });
  after(async () => {
    await app.close();
    await database.close();
  });

  const post = (url: string, payload: string) =>
    app.inject({
      method: 'POST',
      url,
      payload,
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    });
  const count = async () => Number((await sql<{ n: number }>`select count(*)::int as n from subscriber`.execute(database.db)).rows[0]!.n);

  it('hands the handler typed input and stores it', async () => {
    const answer = await post('/abo/4b1c6e5e-5f0a-4c53-9a57-0f3f3b0b8a11', 'email=erika%40hennef.de');
    assert.equal(answer.statusCode, 303);
    assert.equal(await count(), 1);
  });

  it('a path that names nothing is 404, a body that does not fit is 400 with its fields, and nothing is stored', async () => {
    assert.equal((await post('/abo/keine-uuid', 'email=erika%40hennef.de')).statusCode, 404);
    const refused = await post('/abo/5b1c6e5e-5f0a-4c53-9a57-0f3f3b0b8a11', 'email=erika');
    assert.equal(refused.statusCode, 400);
    assert.deepEqual((refused.json() as { errors: Record<string, string> }).errors, { email: 'email' });
    assert.equal(await count(), 1);
  });

  it('a changing route whose commit fails answers with an error, not with the redirect it had already given', async () => {
    const answer = await post('/abo/6b1c6e5e-5f0a-4c53-9a57-0f3f3b0b8a11/doppelt', '');
    assert.equal(answer.statusCode, 500);
    assert.equal(answer.headers.location, undefined);
    assert.equal(await count(), 1);
  });
});
