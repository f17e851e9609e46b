// What the payments module tells others. A payment is settled once: when it is booked, in the booking's
// transaction; the module that asked for it completes what was paid for (its subscription filters by purpose).
import { domainEvent } from '../../platform/events.js';
import type { PaymentRow } from './repo.js';

export const paymentSettled = domainEvent<{ payment: PaymentRow }>('payment.settled');
