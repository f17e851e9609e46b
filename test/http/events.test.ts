// Domain events: the subscriptions come from the module manifests and are the ones docs/architecture.md lists; an
// immediate subscriber shares the publisher's transaction; a durable one is a job written in it (gone with a
// rollback, delivered after a commit).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { startServer, type TestServer } from '../support/server.js';
import { domainEvent, EVENT_DELIVERY_JOB, EventBus, subscribe } from '../../src/platform/events.js';

const documented = () => {
  const text = readFileSync(new URL('../../docs/architecture.md', import.meta.url), 'utf8');
  const block = /<!-- event-subscriptions -->\n([\s\S]*?)<!-- \/event-subscriptions -->/.exec(text)?.[1] ?? '';
  return block
    .split('\n')
    .filter((line) => line.startsWith('- '))
    .map((line) => line.slice(2));
};

describe('domain events', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer();
  });
  after(() => server.close());

  it('the subscriptions are declared by the modules and documented, one line each', () => {
    const declared = server.deps.events.describe();
    assert.ok(
      declared.some((line) => line.startsWith('payment.settled → forms')),
      declared.join('\n'),
    );
    assert.deepEqual(declared, documented());
  });

  it('a durable subscriber is a job written in the publishing transaction', async () => {
    const ticked = domainEvent<{ n: number }>('test.ticked');
    const seen: number[] = [];
    const bus = new EventBus();
    bus.declare('probe', [subscribe(ticked, 'remembers the number', async (_db, { n }) => void seen.push(n), { durable: true })]);
    const jobs = async () =>
      (
        await sql<{ payload: { payload: { n: number } } }>`select payload from job where name = ${EVENT_DELIVERY_JOB}`.execute(server.db)
      ).rows.map((row) => row.payload.payload.n);

    await server.db
      .transaction()
      .execute(async (trx) => {
        await bus.publish(trx, ticked, { n: 1 });
        throw new Error('the change fails');
      })
      .catch(() => undefined);
    assert.deepEqual(await jobs(), [], 'a rolled-back change leaves no reaction behind');

    await server.db.transaction().execute((trx) => bus.publish(trx, ticked, { n: 2 }));
    assert.deepEqual(await jobs(), [2]);
    assert.deepEqual(seen, [], 'nothing ran before the job');
    await bus.deliveryJob(server.db)(
      { event: 'test.ticked', module: 'probe', payload: { n: 2 } },
      { id: 'j', tenantId: null, attempts: 1 },
    );
    assert.deepEqual(seen, [2]);
    await sql`delete from job where name = ${EVENT_DELIVERY_JOB}`.execute(server.db);
  });

  it('an immediate subscriber fails the publishing transaction with it', async () => {
    const ticked = domainEvent<{ n: number }>('test.refused');
    const bus = new EventBus();
    bus.declare('probe', [
      subscribe(ticked, 'refuses', async () => {
        throw new Error('refused');
      }),
    ]);
    await assert.rejects(
      server.db.transaction().execute((trx) => bus.publish(trx, ticked, { n: 1 })),
      /refused/,
    );
    assert.throws(() => bus.declare('probe', [subscribe(ticked, 'again', async () => undefined)]), /twice/);
  });
});
