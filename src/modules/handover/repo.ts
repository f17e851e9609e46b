// The only code that touches the hand-over tables.
import type { Selectable } from 'kysely';
import type { Db } from '../../platform/db/database.js';
import type { HandoverTables } from './tables.js';

const handover = (db: Db) => db.withTables<HandoverTables>();

export type ConsumerRow = Selectable<HandoverTables['handover_consumer']>;
export type DeliveryRow = Selectable<HandoverTables['handover_delivery']>;

export function insertConsumer(
  db: Db,
  values: {
    tenant_id: string;
    name: string;
    key_hash: string;
    services: string[];
    push_url: string | null;
    push_secret: string | null;
    drop_folder: string | null;
  },
) {
  return handover(db).insertInto('handover_consumer').values(values).returningAll().executeTakeFirstOrThrow();
}

export function findConsumerByKey(db: Db, keyHash: string) {
  return handover(db).selectFrom('handover_consumer').selectAll().where('key_hash', '=', keyHash).executeTakeFirst();
}

export function consumersFor(db: Db, tenantId: string, service: string) {
  return handover(db)
    .selectFrom('handover_consumer')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where((eb) => eb(eb.val(service), '=', eb.fn.any('services')))
    .execute();
}

export function listConsumers(db: Db, tenantId: string) {
  return handover(db).selectFrom('handover_consumer').selectAll().where('tenant_id', '=', tenantId).orderBy('created_at').execute();
}

export function insertDelivery(
  db: Db,
  values: {
    tenant_id: string;
    consumer_id: string;
    submission_id: string;
    service: string;
    package: Record<string, unknown>;
    push: boolean;
    drop: boolean;
  },
) {
  const { push, drop, ...row } = values;
  return handover(db)
    .insertInto('handover_delivery')
    .values({
      ...row,
      package: JSON.stringify(row.package),
      push_state: push ? 'pending' : null,
      push_next_at: push ? new Date() : null,
      drop_state: drop ? 'pending' : null,
      drop_next_at: drop ? new Date() : null,
    })
    .onConflict((oc) => oc.columns(['consumer_id', 'submission_id']).doNothing())
    .execute();
}

export function pendingDeliveries(db: Db, consumerId: string, limit = 100) {
  return handover(db)
    .selectFrom('handover_delivery')
    .select(['id', 'submission_id', 'service', 'state', 'created_at'])
    .where('consumer_id', '=', consumerId)
    .where('state', '!=', 'acknowledged')
    .orderBy('created_at')
    .limit(limit)
    .execute();
}

export function findDelivery(db: Db, consumerId: string, submissionId: string) {
  return handover(db)
    .selectFrom('handover_delivery')
    .selectAll()
    .where('consumer_id', '=', consumerId)
    .where('submission_id', '=', submissionId)
    .executeTakeFirst();
}

export function markFetched(db: Db, id: string) {
  return handover(db).updateTable('handover_delivery').set({ state: 'fetched' }).where('id', '=', id).where('state', '=', 'new').execute();
}

/** Acknowledges once; a repeated acknowledgement finds it done and changes nothing. */
export function acknowledge(db: Db, id: string) {
  return handover(db)
    .updateTable('handover_delivery')
    .set({ state: 'acknowledged', acknowledged_at: new Date() })
    .where('id', '=', id)
    .where('state', '!=', 'acknowledged')
    .execute();
}

export function duePushes(db: Db, now = new Date(), limit = 50) {
  return handover(db)
    .selectFrom('handover_delivery as d')
    .innerJoin('handover_consumer as c', 'c.id', 'd.consumer_id')
    .select(['d.id', 'd.tenant_id', 'd.submission_id', 'd.package', 'd.push_attempts', 'c.push_url', 'c.push_secret', 'c.name'])
    .where('d.push_state', 'in', ['pending', 'failing'])
    .where('d.push_next_at', '<=', now)
    .orderBy('d.push_next_at')
    .limit(limit)
    .execute();
}

export function recordPush(
  db: Db,
  id: string,
  outcome: { delivered: true } | { delivered: false; error: string; nextAt: Date; attempts: number },
) {
  return handover(db)
    .updateTable('handover_delivery')
    .set(
      outcome.delivered
        ? { push_state: 'delivered', push_next_at: null, push_last_error: null, push_attempts: (eb) => eb('push_attempts', '+', 1) }
        : {
            push_state: 'failing',
            push_next_at: outcome.nextAt,
            push_last_error: outcome.error.slice(0, 300),
            push_attempts: outcome.attempts,
          },
    )
    .where('id', '=', id)
    .execute();
}

export function dueDrops(db: Db, now = new Date(), limit = 50) {
  return handover(db)
    .selectFrom('handover_delivery as d')
    .innerJoin('handover_consumer as c', 'c.id', 'd.consumer_id')
    .select(['d.id', 'd.tenant_id', 'd.submission_id', 'd.package', 'd.drop_attempts', 'c.drop_folder', 'c.name'])
    .where('d.drop_state', 'in', ['pending', 'failing'])
    .where('d.drop_next_at', '<=', now)
    .where('c.drop_folder', 'is not', null)
    .orderBy('d.drop_next_at')
    .limit(limit)
    .execute();
}

export function recordDrop(
  db: Db,
  id: string,
  outcome: { written: true } | { written: false; error: string; nextAt: Date; attempts: number },
) {
  return handover(db)
    .updateTable('handover_delivery')
    .set(
      outcome.written
        ? { drop_state: 'written', drop_next_at: null, drop_last_error: null, drop_attempts: (eb) => eb('drop_attempts', '+', 1) }
        : {
            drop_state: 'failing',
            drop_next_at: outcome.nextAt,
            drop_last_error: outcome.error.slice(0, 300),
            drop_attempts: outcome.attempts,
          },
    )
    .where('id', '=', id)
    .execute();
}

export function writtenDrops(db: Db, limit = 500) {
  return handover(db)
    .selectFrom('handover_delivery as d')
    .innerJoin('handover_consumer as c', 'c.id', 'd.consumer_id')
    .select(['d.id', 'c.drop_folder'])
    .where('d.drop_state', '=', 'written')
    .limit(limit)
    .execute();
}

/** The legacy system has taken the drop: collected, and thereby acknowledged (once). */
export function markCollected(db: Db, id: string) {
  return handover(db)
    .updateTable('handover_delivery')
    .set({ drop_state: 'collected', state: 'acknowledged', acknowledged_at: new Date() })
    .where('id', '=', id)
    .where('drop_state', '=', 'written')
    .execute();
}

export function deliveriesOfSubmission(db: Db, tenantId: string, submissionId: string) {
  return handover(db)
    .selectFrom('handover_delivery as d')
    .innerJoin('handover_consumer as c', 'c.id', 'd.consumer_id')
    .select([
      'c.name',
      'd.state',
      'd.push_state',
      'd.push_attempts',
      'd.push_last_error',
      'd.drop_state',
      'd.drop_attempts',
      'd.drop_last_error',
      'd.acknowledged_at',
    ])
    .where('d.tenant_id', '=', tenantId)
    .where('d.submission_id', '=', submissionId)
    .execute();
}
