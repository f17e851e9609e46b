// Adapter for pmPayment, the ePayment platform many NRW municipalities use. The request to the hosted payment
// page, the notification and the status query carry an HMAC-SHA256 hash over the parameters in a fixed order,
// keyed with the procedure's secret. pmPayment has no refund interface: refunds are made in its back office.
// The parameter names follow pmPayment's published interface description; check them against the provider's
// current specification before going live (docs/payments.md).
import { createHmac, timingSafeEqual } from 'node:crypto';
import { PaymentUnavailable, type PaymentProvider, type ProviderStatus } from './provider.js';

export type PmPaymentConfig = { url: string; ags: string; procedure: string; secret: string };

export function pmHash(secret: string, values: string[]): string {
  return createHmac('sha256', secret).update(values.join('|')).digest('hex');
}

/** pmPayment's status codes: 1 paid, 0 not paid (failed or cancelled at the provider), 2 open. */
function statusOf(code: string): ProviderStatus {
  return code === '1' ? 'success' : code === '0' ? 'failed' : code === '2' ? 'submitted' : 'unknown';
}

export function pmPaymentProvider(config: PmPaymentConfig): PaymentProvider {
  const base = config.url.replace(/\/$/, '');
  return {
    name: 'pmpayment',
    async start(request) {
      const params = {
        ags: config.ags,
        amount: String(request.amountCents),
        procedure: config.procedure,
        desc: request.description.slice(0, 120),
        txid: request.reference,
        notifyURL: request.notifyUrl,
        redirectURL: request.returnUrl,
      };
      const hash = pmHash(config.secret, Object.values(params));
      const response = await fetch(`${base}/payment/secure`, {
        method: 'POST',
        body: new URLSearchParams({ ...params, hash }),
        signal: AbortSignal.timeout(10_000),
      }).catch(() => undefined);
      if (!response?.ok) throw new PaymentUnavailable(`pmPayment answered ${response?.status ?? 'nothing'}`);
      const answer = (await response.json()) as { url?: unknown; txid?: unknown };
      if (typeof answer.url !== 'string' || !/^https?:\/\//.test(answer.url))
        throw new PaymentUnavailable('pmPayment gave no payment page');
      return { redirectUrl: answer.url, providerRef: typeof answer.txid === 'string' ? answer.txid : request.reference };
    },
    readNotification(body) {
      const fields = [body.ags ?? '', body.txid ?? '', body.payment_method ?? '', body.status ?? ''].map(String);
      const expected = pmHash(config.secret, fields);
      const given = String(body.hash ?? '');
      if (given.length !== expected.length || !timingSafeEqual(Buffer.from(given), Buffer.from(expected)) || fields[0] !== config.ags)
        return undefined;
      return { reference: fields[1]!, status: statusOf(fields[3]!), providerRef: fields[1] };
    },
    async status(reference) {
      const hash = pmHash(config.secret, [config.ags, reference]);
      const response = await fetch(
        `${base}/payment/status/${encodeURIComponent(config.ags)}/${encodeURIComponent(reference)}?hash=${hash}`,
        { signal: AbortSignal.timeout(10_000) },
      ).catch(() => undefined);
      if (!response?.ok) return 'unknown';
      const answer = (await response.json()) as { status?: unknown };
      return statusOf(String(answer.status ?? ''));
    },
    async refund() {
      return 'manual';
    },
  };
}
