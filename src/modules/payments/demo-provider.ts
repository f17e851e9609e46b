// The embedded demo provider: a hosted payment page on our own server where the tester picks a method and an
// outcome. It keeps its own records (payment_demo_transaction), signs its notifications with HMAC-SHA256 and
// answers status queries, so the whole protocol runs as with a real provider, without any external service.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Db } from '../../platform/db/database.js';
import type { PaymentProvider, ProviderStatus } from './provider.js';
import { findDemoTransaction, insertDemoTransaction, setDemoStatus } from './repo.js';

export const DEMO_OUTCOMES = ['success', 'failed', 'cancelled'] as const;
export type DemoOutcome = (typeof DEMO_OUTCOMES)[number];

export function demoSignature(secret: string, fields: { reference: string; status: string; amount: string }): string {
  return createHmac('sha256', secret).update(`${fields.reference}|${fields.status}|${fields.amount}`).digest('hex');
}

function sameSignature(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

export function demoProvider(
  db: Db,
  options: { secret: string; baseUrl: string },
): PaymentProvider & { complete(reference: string, outcome: DemoOutcome): Promise<string | undefined> } {
  return {
    name: 'demo',
    async start(request) {
      await insertDemoTransaction(db, {
        reference: request.reference,
        amount_cents: request.amountCents,
        method: request.method,
        status: 'started',
        notify_url: request.notifyUrl,
        return_url: request.returnUrl,
      });
      return { redirectUrl: `${options.baseUrl}/zahlung/demo/${request.reference}`, providerRef: `DEMO-${request.reference}` };
    },
    readNotification(body) {
      const fields = { reference: String(body.reference ?? ''), status: String(body.status ?? ''), amount: String(body.amount ?? '') };
      if (!sameSignature(String(body.signature ?? ''), demoSignature(options.secret, fields))) return undefined;
      const status = (['success', 'failed', 'cancelled'] as const).find((known) => known === fields.status) ?? 'unknown';
      return { reference: fields.reference, status, providerRef: `DEMO-${fields.reference}`, amountCents: Number(fields.amount) };
    },
    async status(reference) {
      const transaction = await findDemoTransaction(db, reference);
      return (transaction?.status as ProviderStatus | undefined) ?? 'unknown';
    },
    async refund(reference) {
      const transaction = await findDemoTransaction(db, reference);
      return transaction?.status === 'success' ? 'done' : 'refused';
    },
    /** The tester's choice on the hosted page: recorded, notified (signed, server to server), then the return URL. */
    async complete(reference, outcome) {
      const transaction = await findDemoTransaction(db, reference);
      if (transaction?.status !== 'started') return transaction?.return_url;
      await setDemoStatus(db, reference, outcome);
      const amount = String(transaction.amount_cents);
      const body = new URLSearchParams({
        reference,
        status: outcome,
        amount,
        signature: demoSignature(options.secret, { reference, status: outcome, amount }),
      });
      // A lost notification is not fatal: the return page and the polling job ask for the status.
      await fetch(transaction.notify_url, { method: 'POST', body, signal: AbortSignal.timeout(5000) }).catch(() => undefined);
      return transaction.return_url;
    },
  };
}
