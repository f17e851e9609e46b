// Online payment (ePayment): a provider interface with the embedded demo provider and pmPayment, payment states
// with their history, exactly-once booking, polling of open payments, refunds, the booking export and
// reconciliation. Other modules ask for a payment with `beginPayment` and learn of success via `onPaymentSettled`.
import { fileURLToPath } from 'node:url';
import type { Db } from '../../platform/db/database.js';
import { platformSecret } from '../../platform/db/secrets.js';
import type { Module } from '../../platform/module.js';
import { demoProvider } from './demo-provider.js';
import { registerPaymentPages } from './pages.js';
import { pmPaymentProvider } from './pmpayment.js';
import type { PaymentMethod } from './provider.js';
import type { Lang } from '../../platform/i18n/index.js';
import { paymentsText } from './texts.js';
import { paymentsFor } from './repo.js';
import { pollOpenPayments, startPayment, type Gateway, type PaymentRequest } from './service.js';
import { registerPaymentStaffPages } from './staff-pages.js';
import { paymentsPolicy } from './policy.js';

export { paymentSettled } from './events.js';
export { PAYMENT_METHODS, PaymentUnavailable, type PaymentMethod } from './provider.js';
export type { PaymentRow } from './repo.js';

export function paymentMethodLabel(lang: Lang, method: PaymentMethod): string {
  return paymentsText(lang)(`method.${method}`);
}

export const PAYMENT_POLL_JOB = 'payments.poll';

let gateway: Gateway | undefined;

/** Starts a payment with the configured provider; returns the provider page to send the citizen to. */
export function beginPayment(db: Db, baseUrl: string, request: PaymentRequest): Promise<string> {
  if (!gateway) throw new Error('payments module not registered');
  return startPayment(db, gateway, baseUrl, request);
}

/** All payment attempts for something (newest first). */
export function paymentsOf(db: Db, tenantId: string, purpose: { kind: string; id: string }) {
  return paymentsFor(db, tenantId, purpose.kind, purpose.id);
}

export const payments: Module = {
  name: 'payments',
  policy: paymentsPolicy,
  migrationsDir: fileURLToPath(new URL('./migrations/', import.meta.url)),
  nav: [{ href: '/bo/zahlungen', label: { de: 'Zahlungen', en: 'Payments' }, access: paymentsPolicy.read }],
  async register(app, deps) {
    const { config, db, baseUrl } = deps;
    const demo =
      config.payment.provider === 'demo' ? demoProvider(db, { secret: await platformSecret(db, 'payment-demo'), baseUrl }) : undefined;
    const provider = config.payment.provider === 'pmpayment' ? pmPaymentProvider(config.payment) : demo!;
    gateway = { provider, events: deps.events };
    registerPaymentPages(app, deps, gateway, demo);
    registerPaymentStaffPages(app, deps, provider);
  },
  jobs: (deps) => ({
    [PAYMENT_POLL_JOB]: async () => {
      if (gateway) await pollOpenPayments(deps.db, gateway);
    },
  }),
  schedules: [{ jobName: PAYMENT_POLL_JOB, cron: '*/5 * * * *' }],
};
