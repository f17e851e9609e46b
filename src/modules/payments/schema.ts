// What the payment routes accept.
import { z } from 'zod';
import { DEMO_OUTCOMES } from './demo-provider.js';

const text = (max: number) =>
  z
    .string()
    .catch('')
    .default('')
    .transform((value) => value.trim().slice(0, max));

/** A payment's reference, RH + date + 12 hex digits; any other names no payment. */
export const referenceParams = z.object({ reference: z.string().regex(/^RH\d{8}[0-9A-F]{12}$/) });
export const providerParams = z.object({ provider: z.string().max(50) });
/** A provider's notification: its fields as texts (the signature over them is checked by the provider). */
export const notificationBody = z
  .record(z.string(), z.unknown())
  .default({})
  .transform((body) => Object.fromEntries(Object.entries(body).map(([key, value]) => [key, String(value)])));
export const demoOutcomeBody = z.object({ outcome: z.enum(DEMO_OUTCOMES).catch('cancelled') }).default({ outcome: 'cancelled' });
/** The staff list's filter; a value of the wrong shape is ignored. */
export const paymentListQuery = z.object({
  status: z.string().optional().catch(undefined),
  tag: z.string().optional().catch(undefined),
  leistung: z.string().optional().catch(undefined),
});
export const bookingsQuery = z.object({ tag: z.string().optional().catch(undefined) });
export const accountBody = z.object({ service: text(100), costCentre: text(100), account: text(100) });
export const refundBody = z.object({ amount: text(50), reason: text(300) });
