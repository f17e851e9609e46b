// The citizen's side of a payment: the provider's notification endpoint, the return from the provider (the
// status is asked from the provider, whatever the URL says) and the embedded demo provider's hosted page.
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../platform/http/deps.js';
import { NotFound } from '../../platform/http/errors.js';
import { formatMoney } from '../../platform/i18n/index.js';
import { Alert, Button, Form, RadioGroup, TextField } from '../../platform/ui/components.js';
import { Page } from '../../platform/ui/layout.js';
import { sendHtml } from '../../platform/ui/render.js';
import { DEMO_OUTCOMES, type demoProvider } from './demo-provider.js';
import { routes } from '../../platform/http/route.js';
import { paymentsPolicy } from './policy.js';
import { demoOutcomeBody, notificationBody, providerParams, referenceParams } from './schema.js';
import { PAYMENT_METHODS } from './provider.js';
import { findDemoTransaction, findPaymentByReference } from './repo.js';
import { handleNotification, refreshFromProvider, type Gateway } from './service.js';
import { paymentsText } from './texts.js';

type DemoProvider = ReturnType<typeof demoProvider>;

export function registerPaymentPages(app: FastifyInstance, deps: Deps, gateway: Gateway, demo?: DemoProvider) {
  const { provider } = gateway;
  const { db } = deps;
  const route = routes(app, db);
  const access = paymentsPolicy.pay;

  // Server to server: answered with a status code only. A wrong signature is refused and changes nothing.
  route.post(
    '/zahlung/benachrichtigung/:provider',
    { access, params: providerParams, body: notificationBody, config: { csrf: false, tenantless: true } },
    async ({ request, reply, params, body }) => {
      if (params.provider !== provider.name) return reply.status(404).send('unknown provider');
      const outcome = await handleNotification(db, gateway, body);
      if (outcome === 'rejected') request.log.warn({ provider: provider.name }, 'payment notification with an invalid signature');
      return reply
        .status(outcome === 'rejected' ? 400 : 200)
        .type('text/plain')
        .send(outcome === 'rejected' ? 'invalid signature' : 'OK');
    },
  );

  // The citizen is back from the provider: parameters in the URL are ignored, the provider is asked.
  route.get('/zahlung/:reference/rueckkehr', { access, params: referenceParams }, async ({ request, reply, params }) => {
    const payment = await findPaymentByReference(db, params.reference);
    if (!payment || payment.tenant_id !== request.ctx.tenant.id) throw new NotFound('payment');
    await refreshFromProvider(db, gateway, payment, 'return');
    return reply.redirect(payment.return_path, 303);
  });

  if (!demo) return;

  route.get('/zahlung/demo/:reference', { access, params: referenceParams }, async ({ request, reply, params: { reference } }) => {
    const { ctx } = request;
    const t = paymentsText(ctx.lang);
    const [transaction, payment] = await Promise.all([findDemoTransaction(db, reference), findPaymentByReference(db, reference)]);
    if (!transaction || !payment) throw new NotFound('payment');
    const open = transaction.status === 'started';
    return sendHtml(
      reply,
      <Page ctx={ctx} title={t('demo.title')} crumbs={[{ label: t('demo.title') }]}>
        <h1 safe>{t('demo.title')}</h1>
        <Alert kind="info" text={t('demo.intro')} />
        <dl class="facts">
          <dt safe>{t('demo.amount')}</dt>
          <dd safe>{formatMoney(ctx.lang, transaction.amount_cents / 100)}</dd>
          <dt safe>{t('demo.purpose')}</dt>
          <dd safe>{payment.description}</dd>
          <dt safe>{t('demo.reference')}</dt>
          <dd safe>{reference}</dd>
        </dl>
        {open ? (
          <Form action={`/zahlung/demo/${reference}`} csrf={ctx.csrfToken()}>
            <RadioGroup
              name="method"
              legend={t('demo.method')}
              value={transaction.method}
              options={PAYMENT_METHODS.map((method) => ({ value: method, label: t(`method.${method}`) }))}
            />
            <TextField name="card" label={t('demo.cardNumber')} value="4111 1111 1111 1111" autocomplete="off" />
            <div class="actions">
              {DEMO_OUTCOMES.map((outcome) => (
                <Button
                  label={t(`demo.${outcome}`)}
                  name="outcome"
                  value={outcome}
                  kind={outcome === 'success' ? 'primary' : 'secondary'}
                />
              ))}
            </div>
          </Form>
        ) : (
          <>
            <p safe>{t('demo.done')}</p>
            <p>
              <a href={transaction.return_url} safe>
                {t('demo.back')}
              </a>
            </p>
          </>
        )}
      </Page>,
    );
  });

  route.post(
    '/zahlung/demo/:reference',
    { access, params: referenceParams, body: demoOutcomeBody },
    async ({ reply, params: { reference }, body: { outcome } }) => {
      const returnUrl = await demo.complete(reference, outcome);
      if (!returnUrl) throw new NotFound('payment');
      return reply.redirect(returnUrl, 303);
    },
  );
}
