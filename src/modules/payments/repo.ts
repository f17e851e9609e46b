// The only code that touches the payments tables.
import { sql, type Selectable } from 'kysely';
import type { Db } from '../../platform/db/database.js';
import type { PaymentStatus } from './states.js';
import type { PaymentsTables } from './tables.js';

const payments = (db: Db) => db.withTables<PaymentsTables>();

export type PaymentRow = Selectable<PaymentsTables['payment']>;

export function insertPayment(
  db: Db,
  values: Omit<PaymentsTables['payment'], 'id' | 'currency' | 'status' | 'provider_ref' | 'created_at' | 'updated_at'>,
) {
  return payments(db).insertInto('payment').values(values).returningAll().executeTakeFirstOrThrow();
}

export function findPayment(db: Db, tenantId: string, id: string) {
  return payments(db).selectFrom('payment').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
}

export function findPaymentByReference(db: Db, reference: string) {
  return payments(db).selectFrom('payment').selectAll().where('reference', '=', reference).executeTakeFirst();
}

export function paymentsFor(db: Db, tenantId: string, kind: string, id: string) {
  return payments(db)
    .selectFrom('payment')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('purpose_kind', '=', kind)
    .where('purpose_id', '=', id)
    .orderBy('created_at', 'desc')
    .execute();
}

/** Moves a payment only from one of `from`; returns the row when this call made the move (exactly one caller wins). */
export function moveStatus(db: Db, id: string, from: PaymentStatus[], to: PaymentStatus, providerRef?: string) {
  return payments(db)
    .updateTable('payment')
    .set({ status: to, updated_at: new Date(), ...(providerRef ? { provider_ref: providerRef } : {}) })
    .where('id', '=', id)
    .where('status', 'in', from)
    .returningAll()
    .executeTakeFirst();
}

export function recordEvent(
  db: Db,
  event: { payment_id: string; from_status: string | null; to_status: string; source: string; detail?: Record<string, unknown> },
) {
  return payments(db)
    .insertInto('payment_event')
    .values({ ...event, detail: JSON.stringify(event.detail ?? {}) })
    .execute();
}

export function eventsOf(db: Db, paymentId: string) {
  return payments(db).selectFrom('payment_event').selectAll().where('payment_id', '=', paymentId).orderBy('id').execute();
}

export function insertBooking(db: Db, values: { payment_id: string; tenant_id: string; amount_cents: number }) {
  return payments(db)
    .insertInto('payment_booking')
    .values(values)
    .onConflict((oc) => oc.column('payment_id').doNothing())
    .returning('payment_id')
    .executeTakeFirst();
}

export function openPayments(db: Db, olderThan: Date, limit = 100) {
  return payments(db)
    .selectFrom('payment')
    .selectAll()
    .where('status', 'in', ['created', 'started', 'submitted'])
    .where('updated_at', '<', olderThan)
    .orderBy('updated_at')
    .limit(limit)
    .execute();
}

export function insertUnmatched(
  db: Db,
  values: { tenant_id: string | null; provider: string; reference: string; payload: Record<string, unknown> },
) {
  return payments(db)
    .insertInto('payment_unmatched')
    .values({ ...values, payload: JSON.stringify(values.payload) })
    .execute();
}

export function listUnmatched(db: Db, tenantId: string) {
  return payments(db)
    .selectFrom('payment_unmatched')
    .selectAll()
    .where((eb) => eb.or([eb('tenant_id', '=', tenantId), eb('tenant_id', 'is', null)]))
    .where('resolved_at', 'is', null)
    .orderBy('received_at', 'desc')
    .limit(100)
    .execute();
}

export type PaymentFilter = { tenantId: string; service?: string; status?: PaymentStatus; day?: string };

export function listPayments(db: Db, filter: PaymentFilter, limit = 200) {
  let query = payments(db).selectFrom('payment').selectAll().where('tenant_id', '=', filter.tenantId);
  if (filter.service) query = query.where('service', '=', filter.service);
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.day) query = query.where(sql`(created_at at time zone 'Europe/Berlin')::date`, '=', filter.day);
  return query.orderBy('created_at', 'desc').limit(limit).execute();
}

/** Successful payments booked on a day (Europe/Berlin), with the service's booking account when one is set. */
export function bookingsOfDay(db: Db, tenantId: string, day: string) {
  return payments(db)
    .selectFrom('payment_booking as b')
    .innerJoin('payment as p', 'p.id', 'b.payment_id')
    .leftJoin('payment_account as a', (join) => join.onRef('a.tenant_id', '=', 'p.tenant_id').onRef('a.service', '=', 'p.service'))
    .select([
      'p.reference',
      'p.service',
      'p.description',
      'p.method',
      'p.provider',
      'b.amount_cents',
      'b.booked_at',
      'a.cost_centre',
      'a.account',
    ])
    .where('b.tenant_id', '=', tenantId)
    .where(sql`(b.booked_at at time zone 'Europe/Berlin')::date`, '=', day)
    .orderBy('b.booked_at')
    .execute();
}

export function refundsOf(db: Db, paymentId: string) {
  return payments(db).selectFrom('payment_refund').selectAll().where('payment_id', '=', paymentId).orderBy('at').execute();
}

export function insertRefund(
  db: Db,
  values: { payment_id: string; amount_cents: number; reason: string; actor_id: string | null; provider_status: string },
) {
  return payments(db).insertInto('payment_refund').values(values).returningAll().executeTakeFirstOrThrow();
}

export function listAccounts(db: Db, tenantId: string) {
  return payments(db).selectFrom('payment_account').selectAll().where('tenant_id', '=', tenantId).orderBy('service').execute();
}

export function saveAccount(db: Db, values: { tenant_id: string; service: string; cost_centre: string; account: string }) {
  return payments(db)
    .insertInto('payment_account')
    .values(values)
    .onConflict((oc) => oc.columns(['tenant_id', 'service']).doUpdateSet({ cost_centre: values.cost_centre, account: values.account }))
    .execute();
}

export function insertDemoTransaction(db: Db, values: Omit<PaymentsTables['payment_demo_transaction'], 'updated_at'>) {
  return payments(db).insertInto('payment_demo_transaction').values(values).execute();
}

export function findDemoTransaction(db: Db, reference: string) {
  return payments(db).selectFrom('payment_demo_transaction').selectAll().where('reference', '=', reference).executeTakeFirst();
}

export function setDemoStatus(db: Db, reference: string, status: string) {
  return payments(db)
    .updateTable('payment_demo_transaction')
    .set({ status, updated_at: new Date() })
    .where('reference', '=', reference)
    .execute();
}
