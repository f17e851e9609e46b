// Use cases of online payment. The status of a payment comes only from the provider (signed notification or
// status query), never from what the citizen's browser brings back. Every change is recorded; a successful
// payment is booked exactly once and then settles what it paid for (e.g. completes a submission).
import type { EventBus } from '../../platform/events.js';
import { paymentSettled } from './events.js';
import { randomBytes } from 'node:crypto';
import type { Db } from '../../platform/db/database.js';
import { recordAudit } from '../../platform/audit/audit-log.js';
import { PaymentUnavailable, type PaymentMethod, type PaymentProvider, type ProviderStatus } from './provider.js';
import {
  findPaymentByReference,
  insertBooking,
  insertPayment,
  insertRefund,
  insertUnmatched,
  moveStatus,
  openPayments,
  recordEvent,
  refundsOf,
  type PaymentRow,
} from './repo.js';
import { isFinal, statesBefore, type PaymentStatus } from './states.js';

/** The configured provider, and the events a booked payment is announced with. */
export type Gateway = { provider: PaymentProvider; events: EventBus };

export type PaymentRequest = {
  tenantId: string;
  purpose: { kind: string; id: string };
  service: string;
  serviceTitle: string;
  description: string;
  amountCents: number;
  method: PaymentMethod;
  returnPath: string;
};

function newReference(now = new Date()): string {
  return `RH${now.toISOString().slice(0, 10).replace(/-/g, '')}${randomBytes(6).toString('hex').toUpperCase()}`;
}

/** Creates the payment and hands it to the provider; returns where to send the citizen. */
export async function startPayment(db: Db, { provider, events }: Gateway, baseUrl: string, request: PaymentRequest): Promise<string> {
  const payment = await insertPayment(db, {
    tenant_id: request.tenantId,
    reference: newReference(),
    purpose_kind: request.purpose.kind,
    purpose_id: request.purpose.id,
    service: request.service,
    service_title: request.serviceTitle,
    description: request.description,
    amount_cents: request.amountCents,
    provider: provider.name,
    method: request.method,
    return_path: request.returnPath,
  });
  await recordEvent(db, {
    payment_id: payment.id,
    from_status: null,
    to_status: 'created',
    source: 'citizen',
    detail: { method: request.method, amount: request.amountCents },
  });
  await recordAudit(db, {
    tenantId: request.tenantId,
    actorId: null,
    actorLabel: 'citizen',
    action: 'payments.created',
    objectType: request.purpose.kind,
    objectId: request.purpose.id,
    summary: { reference: payment.reference, amount: request.amountCents, method: request.method },
  });
  try {
    const started = await provider.start({
      reference: payment.reference,
      amountCents: payment.amount_cents,
      description: request.description,
      method: request.method,
      notifyUrl: `${baseUrl}/zahlung/benachrichtigung/${provider.name}`,
      returnUrl: `${baseUrl}/zahlung/${payment.reference}/rueckkehr`,
    });
    await applyStatus(db, events, payment.reference, 'started', 'provider', { providerRef: started.providerRef });
    return started.redirectUrl;
  } catch (error) {
    await applyStatus(db, events, payment.reference, 'error', 'provider', {
      error: error instanceof Error ? error.message.slice(0, 200) : 'unknown',
    });
    throw error instanceof PaymentUnavailable ? error : new PaymentUnavailable('provider failed');
  }
}

/** Moves a payment to a status reported by the provider. Only forward moves happen; the one call that makes the
 * move to `success` books it and settles its purpose, in one transaction. Returns the payment as it is now. */
export async function applyStatus(
  db: Db,
  events: EventBus,
  reference: string,
  to: ProviderStatus,
  source: string,
  detail: Record<string, unknown> = {},
): Promise<PaymentRow | undefined> {
  const current = await findPaymentByReference(db, reference);
  if (!current || to === 'unknown' || to === current.status) return current;
  return db.transaction().execute(async (trx) => {
    const moved = await moveStatus(
      trx,
      current.id,
      statesBefore(to),
      to,
      typeof detail.providerRef === 'string' ? detail.providerRef : undefined,
    );
    if (!moved) return (await findPaymentByReference(trx, reference)) ?? current;
    await recordEvent(trx, { payment_id: moved.id, from_status: current.status, to_status: to, source, detail });
    await recordAudit(trx, {
      tenantId: moved.tenant_id,
      actorId: null,
      actorLabel: `${source}:${moved.provider}`,
      action: 'payments.status',
      objectType: 'payment',
      objectId: moved.id,
      summary: { reference: moved.reference, from: current.status, to },
    });
    if (
      to === 'success' &&
      (await insertBooking(trx, { payment_id: moved.id, tenant_id: moved.tenant_id, amount_cents: moved.amount_cents }))
    ) {
      await events.publish(trx, paymentSettled, { payment: moved });
      await recordAudit(trx, {
        tenantId: moved.tenant_id,
        actorId: null,
        actorLabel: `provider:${moved.provider}`,
        action: 'payments.booked',
        objectType: 'payment',
        objectId: moved.id,
        summary: { reference: moved.reference, amount: moved.amount_cents, service: moved.service },
      });
    }
    return moved;
  });
}

export type NotificationOutcome = 'applied' | 'unmatched' | 'rejected';

/** A provider's notification: a bad signature changes nothing; an unknown reference is kept for reconciliation. */
export async function handleNotification(
  db: Db,
  { provider, events }: Gateway,
  body: Record<string, string>,
): Promise<NotificationOutcome> {
  const notification = provider.readNotification(body);
  if (!notification) {
    await recordAudit(db, {
      tenantId: null,
      actorId: null,
      actorLabel: `provider:${provider.name}`,
      action: 'payments.notification_rejected',
      objectType: 'payment',
      objectId: String(body.reference ?? body.txid ?? '').slice(0, 60),
      summary: { reason: 'signature' },
    });
    return 'rejected';
  }
  const payment = await findPaymentByReference(db, notification.reference);
  if (!payment || payment.provider !== provider.name) {
    await insertUnmatched(db, {
      tenant_id: payment?.tenant_id ?? null,
      provider: provider.name,
      reference: notification.reference.slice(0, 60),
      payload: { status: notification.status, amount: notification.amountCents ?? null },
    });
    await recordAudit(db, {
      tenantId: payment?.tenant_id ?? null,
      actorId: null,
      actorLabel: `provider:${provider.name}`,
      action: 'payments.unmatched',
      objectType: 'payment',
      objectId: notification.reference.slice(0, 60),
      summary: { reason: 'reference' },
    });
    return 'unmatched';
  }
  if (notification.amountCents !== undefined && notification.amountCents !== payment.amount_cents) {
    await insertUnmatched(db, {
      tenant_id: payment.tenant_id,
      provider: provider.name,
      reference: payment.reference,
      payload: { status: notification.status, amount: notification.amountCents, expected: payment.amount_cents },
    });
    await recordAudit(db, {
      tenantId: payment.tenant_id,
      actorId: null,
      actorLabel: `provider:${provider.name}`,
      action: 'payments.unmatched',
      objectType: 'payment',
      objectId: payment.id,
      summary: { reason: 'amount', amount: notification.amountCents, expected: payment.amount_cents },
    });
    return 'unmatched';
  }
  await applyStatus(
    db,
    events,
    payment.reference,
    notification.status,
    'notification',
    notification.providerRef ? { providerRef: notification.providerRef } : {},
  );
  return 'applied';
}

/** Asks the provider about one payment (the citizen came back, or the poller found it open). */
export async function refreshFromProvider(
  db: Db,
  { provider, events }: Gateway,
  payment: PaymentRow,
  source: 'return' | 'poll',
): Promise<PaymentRow> {
  if (isFinal(payment.status) || payment.provider !== provider.name) return payment;
  const status = await provider.status(payment.reference);
  return (await applyStatus(db, events, payment.reference, status, source)) ?? payment;
}

/** The scheduled safety net: payments open for more than `minutes` are asked about again. */
export async function pollOpenPayments(db: Db, gateway: Gateway, minutes = 2): Promise<number> {
  const open = await openPayments(db, new Date(Date.now() - minutes * 60_000));
  for (const payment of open) await refreshFromProvider(db, gateway, payment, 'poll');
  return open.length;
}

export function latestStatus(payments: PaymentRow[]): PaymentStatus | undefined {
  return payments[0]?.status;
}

export class RefundRefused extends Error {
  constructor(
    readonly reason: 'notPaid' | 'tooMuch' | 'provider',
    readonly remainingCents = 0,
  ) {
    super(`refund refused: ${reason}`);
  }
}

/** Refunds part or all of a paid amount, with a reason; recorded and audited. */
export async function refundPayment(
  db: Db,
  provider: PaymentProvider,
  payment: PaymentRow,
  amountCents: number,
  reason: string,
  actor: { id: string | null; label: string; requestId?: string },
) {
  if (payment.status !== 'success') throw new RefundRefused('notPaid');
  const refunded = (await refundsOf(db, payment.id)).reduce((sum, refund) => sum + refund.amount_cents, 0);
  const remaining = payment.amount_cents - refunded;
  if (amountCents <= 0 || amountCents > remaining) throw new RefundRefused('tooMuch', remaining);
  const outcome = await provider.refund(payment.reference, amountCents);
  if (outcome === 'refused') throw new RefundRefused('provider', remaining);
  return db.transaction().execute(async (trx) => {
    const refund = await insertRefund(trx, {
      payment_id: payment.id,
      amount_cents: amountCents,
      reason,
      actor_id: actor.id,
      provider_status: outcome,
    });
    await recordAudit(trx, {
      tenantId: payment.tenant_id,
      actorId: actor.id,
      actorLabel: actor.label,
      action: 'payments.refunded',
      objectType: 'payment',
      objectId: payment.id,
      summary: { amount: amountCents, reason, provider: outcome },
      requestId: actor.requestId,
    });
    return refund;
  });
}
