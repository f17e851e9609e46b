// What every payment provider offers: a hosted payment page to send the citizen to, signed notifications,
// a status query (so a lost notification never leaves a payment open) and refunds.
import type { PaymentStatus } from './states.js';

export const PAYMENT_METHODS = ['giropay', 'creditcard', 'paypal'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

export type ProviderStatus = Exclude<PaymentStatus, 'created'> | 'unknown';

export type StartRequest = {
  reference: string;
  amountCents: number;
  description: string;
  method: PaymentMethod;
  notifyUrl: string;
  returnUrl: string;
};

export type ProviderNotification = { reference: string; status: ProviderStatus; providerRef?: string; amountCents?: number };

export interface PaymentProvider {
  readonly name: string;
  start(request: StartRequest): Promise<{ redirectUrl: string; providerRef?: string }>;
  /** Checks the signature and reads the notification; undefined when the signature does not match. */
  readNotification(body: Record<string, string>): ProviderNotification | undefined;
  status(reference: string): Promise<ProviderStatus>;
  /** 'manual' when the provider has no refund interface and the refund is made in its back office. */
  refund(reference: string, amountCents: number): Promise<'done' | 'manual' | 'refused'>;
}

export class PaymentUnavailable extends Error {}
