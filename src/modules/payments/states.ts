// The life of a payment, as payment platforms model it: created → started (sent to the provider) → submitted
// (the citizen confirmed at the provider) → one final state. A final state never changes again, so a late or
// repeated notification cannot undo or double a booking.
export const PAYMENT_STATUSES = ['created', 'started', 'submitted', 'success', 'failed', 'cancelled', 'error'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

export const FINAL_STATUSES: readonly PaymentStatus[] = ['success', 'failed', 'cancelled', 'error'];
const OPEN_ORDER: Partial<Record<PaymentStatus, number>> = { created: 0, started: 1, submitted: 2 };

export const isFinal = (status: PaymentStatus) => FINAL_STATUSES.includes(status);

/** The states a payment may be in for a move to `to`: earlier open states (or any open one for a final state). */
export function statesBefore(to: PaymentStatus): PaymentStatus[] {
  const open = PAYMENT_STATUSES.filter((status) => !isFinal(status));
  return isFinal(to) ? open : open.filter((status) => OPEN_ORDER[status]! < OPEN_ORDER[to]!);
}
