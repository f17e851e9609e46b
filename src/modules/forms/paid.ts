// What a citizen reads about a fee they paid online: amount, method and the payment reference, the same on the
// receipt page, the receipt PDF and the Postfach item.
import { formatMoney, type Lang } from '../../platform/i18n/index.js';
import { paymentMethodLabel, paymentsOf, type PaymentMethod } from '../payments/index.js';
import type { Db } from '../../platform/db/database.js';
import { formsText } from './texts.js';

export type Paid = { amountCents: number; method: PaymentMethod; reference: string };

export function paidText(lang: Lang, paid: Paid, key: 'receipt.paidText' | 'receipt.paidMail' = 'receipt.paidText'): string {
  return formsText(lang)(key, {
    amount: formatMoney(lang, paid.amountCents / 100),
    method: paymentMethodLabel(lang, paid.method),
    reference: paid.reference,
  });
}

/** The successful payment of a submission, if its fee was paid online. */
export async function paidFor(db: Db, tenantId: string, submissionId: string): Promise<Paid | undefined> {
  const payment = (await paymentsOf(db, tenantId, { kind: 'submission', id: submissionId })).find((row) => row.status === 'success');
  return payment && { amountCents: payment.amount_cents, method: payment.method as PaymentMethod, reference: payment.reference };
}
