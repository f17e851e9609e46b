// Staff pages for payments: list by service, day and status; one payment with its history and refunds; the daily
// booking export for the finance software; booking accounts per service; reconciliation against the
// provider's statement; notifications that matched no payment.
import { inTransaction } from '../../platform/db/database.js';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { routes } from '../../platform/http/route.js';
import { isAllowed } from '../../platform/http/routes.js';
import { recordParams } from '../../platform/validation/rules.js';
import { paymentsPolicy } from './policy.js';
import { accountBody, bookingsQuery, paymentListQuery, refundBody } from './schema.js';
import type { RequestContext } from '../../platform/http/context.js';
import { actorId, actorLabel } from '../../platform/http/context.js';
import { audit, type Deps } from '../../platform/http/deps.js';
import { NotFound } from '../../platform/http/errors.js';
import { setFlash } from '../../platform/http/request-context.js';
import { readFormWithFile } from '../../platform/http/upload.js';
import { formatDateTime, formatMoney } from '../../platform/i18n/index.js';
import { Alert, Button, ErrorSummary, FileField, Form, SelectField, TableScroll, TextField } from '../../platform/ui/components.js';
import { Page } from '../../platform/ui/layout.js';
import { sendHtml } from '../../platform/ui/render.js';
import type { PaymentProvider } from './provider.js';
import { parseStatement, reconcile, type Reconciliation } from './reconcile.js';
import {
  bookingsOfDay,
  eventsOf,
  findPayment,
  listAccounts,
  listPayments,
  listUnmatched,
  refundsOf,
  saveAccount,
  type PaymentRow,
} from './repo.js';
import { refundPayment, RefundRefused } from './service.js';
import { PAYMENT_STATUSES, type PaymentStatus } from './states.js';
import { paymentsText, type PaymentsTranslate } from './texts.js';

const readAccess = paymentsPolicy.read;
const financeAccess = paymentsPolicy.handleMoney;
const BASE = '/bo/zahlungen';
const STATEMENT_MAX_BYTES = 2 * 1024 * 1024;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

const euros = (ctx: RequestContext, cents: number) => formatMoney(ctx.lang, cents / 100);
const mayFinance = (ctx: RequestContext) => ctx.actor.kind === 'staff' && isAllowed(financeAccess, ctx);
const today = () => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Berlin' }).format(new Date());

function crumbs(ctx: RequestContext, t: PaymentsTranslate, last?: string) {
  return [
    { label: ctx.t('site.backoffice'), href: '/bo' },
    { label: t('bo.title'), href: last ? BASE : undefined },
    ...(last ? [{ label: last }] : []),
  ];
}

/** A CSV cell for spreadsheet software: quoted, and never read as a formula. */
function cell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

type ListProps = {
  ctx: RequestContext;
  rows: PaymentRow[];
  filter: { service?: string; status?: string; day?: string };
  services: { value: string; label: string }[];
  unmatched: Awaited<ReturnType<typeof listUnmatched>>;
  report?: Reconciliation;
  message?: string;
};

function ListView({ ctx, rows, filter, services, unmatched, report, message }: ListProps) {
  const t = paymentsText(ctx.lang);
  const paid = rows.filter((row) => row.status === 'success').reduce((sum, row) => sum + row.amount_cents, 0);
  return (
    <Page ctx={ctx} title={t('bo.title')} crumbs={crumbs(ctx, t)}>
      <h1 safe>{t('bo.title')}</h1>
      {message && <Alert kind="error" text={message} />}
      {report && <ReconciliationView ctx={ctx} t={t} report={report} />}
      <Form action={BASE} csrf="" method="get">
        <SelectField
          name="leistung"
          label={t('bo.service')}
          value={filter.service ?? ''}
          options={[{ value: '', label: t('bo.all') }, ...services]}
        />
        <SelectField
          name="status"
          label={t('bo.status')}
          value={filter.status ?? ''}
          options={[
            { value: '', label: t('bo.all') },
            ...PAYMENT_STATUSES.map((status) => ({ value: status, label: t(`status.${status}`) })),
          ]}
        />
        <TextField name="tag" label={t('bo.day')} type="date" value={filter.day ?? ''} width="short" />
        <Button label={t('bo.filter')} kind="secondary" />
      </Form>
      <p safe>{t('bo.sum', { amount: euros(ctx, paid) })}</p>
      {rows.length === 0 ? (
        <p safe>{t('bo.none')}</p>
      ) : (
        <TableScroll label={t('bo.title')}>
          <table>
            <caption safe>{t('bo.title')}</caption>
            <thead>
              <tr>
                {[t('bo.reference'), t('bo.service'), t('bo.amount'), t('bo.method'), t('bo.status'), t('bo.created')].map((head) => (
                  <th scope="col" safe>
                    {head}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr>
                  <td>
                    <a href={`${BASE}/${row.id}`} safe>
                      {row.reference}
                    </a>
                  </td>
                  <td safe>{row.service_title ?? row.service}</td>
                  <td safe>{euros(ctx, row.amount_cents)}</td>
                  <td safe>{t(`method.${row.method as 'paypal'}`)}</td>
                  <td safe>{t(`status.${row.status}`)}</td>
                  <td safe>{formatDateTime(ctx.lang, row.created_at)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <h2 safe>{t('bo.unmatched')}</h2>
      {unmatched.length === 0 ? (
        <p safe>{t('bo.unmatchedNone')}</p>
      ) : (
        <ul>
          {unmatched.map((row) => (
            <li
              safe
            >{`${formatDateTime(ctx.lang, row.received_at)} · ${row.provider} · ${row.reference} · ${JSON.stringify(row.payload)}`}</li>
          ))}
        </ul>
      )}
      {mayFinance(ctx) && (
        <>
          <h2 safe>{t('bo.export')}</h2>
          <Form action={`${BASE}/buchungen.csv`} csrf="" method="get">
            <TextField name="tag" id="f-export-tag" label={t('bo.exportDay')} type="date" value={filter.day ?? today()} width="short" />
            <Button label={t('bo.exportSubmit')} kind="secondary" />
          </Form>
          <p>
            <a href={`${BASE}/konten`} safe>
              {t('bo.accounts')}
            </a>
          </p>
          <h2 safe>{t('bo.reconcile')}</h2>
          <p safe>{t('bo.reconcileHint')}</p>
          <Form action={`${BASE}/abgleich`} csrf={ctx.csrfToken()} multipart>
            <FileField name="statement" label={t('bo.reconcileFile')} accept=".csv,text/csv" />
            <Button label={t('bo.reconcileSubmit')} />
          </Form>
        </>
      )}
    </Page>
  );
}

function ReconciliationView({ ctx, t, report }: { ctx: RequestContext; t: PaymentsTranslate; report: Reconciliation }) {
  const problems = [
    ...report.unreadable.map((line) => t('bo.reconcileBad', { line: String(line) })),
    ...report.amountDiffers.map(
      (item) => `${item.reference}: ${t('bo.reconcileAmount')} (${euros(ctx, item.ours)} / ${euros(ctx, item.theirs)})`,
    ),
    ...report.unknown.map((item) => `${item.reference}: ${t('bo.reconcileUnknown')} (${euros(ctx, item.amountCents)}, ${item.day})`),
    ...report.missing.map((item) => `${item.reference}: ${t('bo.reconcileMissing')} (${euros(ctx, item.amount_cents)})`),
  ];
  return (
    <section class={problems.length ? 'error-summary' : 'alert alert--success'} aria-labelledby="reconciliation" tabindex="-1">
      <h2 id="reconciliation" safe>
        {t('bo.reconcileResult')}
      </h2>
      <p safe>{t('bo.reconcileMatched', { count: String(report.matched) })}</p>
      {problems.length > 0 && (
        <ul>
          {problems.map((problem) => (
            <li safe>{problem}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

async function DetailView({
  ctx,
  deps,
  payment,
  errors,
  values,
}: {
  ctx: RequestContext;
  deps: Deps;
  payment: PaymentRow;
  errors?: Record<string, string>;
  values?: Record<string, string>;
}) {
  const t = paymentsText(ctx.lang);
  const [events, refunds] = await Promise.all([eventsOf(deps.db, payment.id), refundsOf(deps.db, payment.id)]);
  return (
    <Page ctx={ctx} title={`${t('bo.title')} ${payment.reference}`} crumbs={crumbs(ctx, t, payment.reference)}>
      <ErrorSummary errors={errors && Object.keys(errors).length ? errors : undefined} t={ctx.t} />
      <h1 safe>{payment.reference}</h1>
      <dl class="facts">
        <dt safe>{t('bo.service')}</dt>
        <dd safe>{payment.description}</dd>
        <dt safe>{t('bo.amount')}</dt>
        <dd safe>{euros(ctx, payment.amount_cents)}</dd>
        <dt safe>{t('bo.method')}</dt>
        <dd safe>{`${t(`method.${payment.method as 'paypal'}`)} (${payment.provider})`}</dd>
        <dt safe>{t('bo.status')}</dt>
        <dd safe>{t(`status.${payment.status}`)}</dd>
      </dl>
      <h2 safe>{t('bo.history')}</h2>
      <TableScroll label={t('bo.history')}>
        <table>
          <caption safe>{t('bo.history')}</caption>
          <thead>
            <tr>
              {[t('bo.at'), t('bo.from'), t('bo.to'), t('bo.source')].map((head) => (
                <th scope="col" safe>
                  {head}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {events.map((event) => (
              <tr>
                <td safe>{formatDateTime(ctx.lang, event.at)}</td>
                <td safe>{event.from_status ? t(`status.${event.from_status as PaymentStatus}`) : '–'}</td>
                <td safe>{t(`status.${event.to_status as PaymentStatus}`)}</td>
                <td safe>{event.source}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <h2 safe>{t('bo.refunds')}</h2>
      {refunds.length > 0 && (
        <ul>
          {refunds.map((refund) => (
            <li
              safe
            >{`${formatDateTime(ctx.lang, refund.at)}: ${euros(ctx, refund.amount_cents)} – ${refund.reason} (${t(`bo.refundStatus.${refund.provider_status as 'done'}`)})`}</li>
          ))}
        </ul>
      )}
      {mayFinance(ctx) && payment.status === 'success' && (
        <Form action={`${BASE}/${payment.id}/erstattung`} csrf={ctx.csrfToken()}>
          <TextField
            name="amount"
            label={t('bo.refundAmount')}
            value={values?.amount ?? ''}
            error={errors?.amount}
            inputmode="numeric"
            width="short"
          />
          <TextField name="reason" label={t('bo.refundReason')} value={values?.reason ?? ''} error={errors?.reason} />
          <Button label={t('bo.refund')} kind="danger" />
        </Form>
      )}
    </Page>
  );
}

function readCents(text: string): number {
  const value = Number(
    text
      .replace(/\s|€/g, '')
      .replace(/\.(?=\d{3}\b)/g, '')
      .replace(',', '.'),
  );
  return /\d/.test(text) && Number.isFinite(value) ? Math.round(value * 100) : Number.NaN;
}

export function registerPaymentStaffPages(app: FastifyInstance, deps: Deps, provider: PaymentProvider) {
  const { db } = deps;
  const route = routes(app, db);
  const paymentOf = async (request: FastifyRequest, id: string) => {
    const payment = await findPayment(db, request.ctx.tenant.id, id);
    if (!payment) throw new NotFound('payment');
    return payment;
  };
  const list = async (ctx: RequestContext, query: Record<string, string | undefined>, extra: Partial<ListProps> = {}) => {
    const status = PAYMENT_STATUSES.find((candidate) => candidate === query.status);
    const day = DAY.test(query.tag ?? '') ? query.tag : undefined;
    const service = query.leistung && /^[a-z0-9-]{1,80}$/.test(query.leistung) ? query.leistung : undefined;
    const [rows, all, unmatched] = await Promise.all([
      listPayments(db, { tenantId: ctx.tenant.id, service, status, day }),
      listPayments(db, { tenantId: ctx.tenant.id }, 1000),
      listUnmatched(db, ctx.tenant.id),
    ]);
    const services = [...new Map(all.map((row) => [row.service, row.service_title ?? row.service])).entries()]
      .map(([value, label]) => ({ value, label }))
      .sort((a, b) => a.label.localeCompare(b.label, 'de'));
    return <ListView ctx={ctx} rows={rows} filter={{ service, status, day }} services={services} unmatched={unmatched} {...extra} />;
  };

  route.get(BASE, { access: readAccess, query: paymentListQuery }, async ({ request, reply, query }) =>
    sendHtml(reply, await list(request.ctx, query)),
  );

  route.get(`${BASE}/buchungen.csv`, { access: financeAccess, query: bookingsQuery }, async ({ request, reply, query }) => {
    const { ctx } = request;
    const day = query.tag || today();
    if (!DAY.test(day)) return sendHtml(reply, await list(ctx, {}, { message: paymentsText(ctx.lang)('bo.exportDay') }), 400);
    const rows = await bookingsOfDay(db, ctx.tenant.id, day);
    const head = ['Buchungstag', 'Referenz', 'Leistung', 'Verwendungszweck', 'Zahlart', 'Anbieter', 'Betrag', 'Kostenstelle', 'Sachkonto'];
    const lines = rows.map((row) =>
      [
        day,
        row.reference,
        row.service,
        row.description,
        row.method,
        row.provider,
        (row.amount_cents / 100).toFixed(2).replace('.', ','),
        row.cost_centre ?? '',
        row.account ?? '',
      ]
        .map(cell)
        .join(';'),
    );
    await audit(db, ctx, 'payments.bookings_exported', { type: 'payment', summary: { day, count: rows.length } });
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="buchungen-${day}.csv"`)
      .send(`\uFEFF${[head.map(cell).join(';'), ...lines].join('\r\n')}\r\n`);
  });

  route.post(`${BASE}/abgleich`, { access: financeAccess, config: { multipart: true } }, async ({ request, reply }) => {
    const { ctx } = request;
    const t = paymentsText(ctx.lang);
    const upload = await readFormWithFile(request, STATEMENT_MAX_BYTES);
    if (!upload.file) return sendHtml(reply, await list(ctx, {}, { message: t('bo.reconcileNoFile') }), upload.tooLarge ? 413 : 400);
    const statement = parseStatement(upload.file.toString('utf8'));
    const days = [...new Set(statement.lines.map((line) => line.day))].slice(0, 62);
    const booked = (
      await Promise.all(
        days.map(async (day) =>
          (await bookingsOfDay(db, ctx.tenant.id, day)).map((row) => ({ reference: row.reference, amount_cents: row.amount_cents, day })),
        ),
      )
    ).flat();
    return sendHtml(reply, await list(ctx, {}, { report: reconcile(statement.lines, booked, statement.unreadable) }));
  });

  route.get(`${BASE}/konten`, { access: financeAccess }, async ({ request, reply }) => sendHtml(reply, await accountsView(request.ctx)));

  route.post(
    `${BASE}/konten`,
    { access: financeAccess, body: accountBody },
    async ({ request, reply, body: { service, costCentre, account } }) => {
      const { ctx } = request;
      const t = paymentsText(ctx.lang);
      const valid = /^[a-z0-9-]{1,80}$/.test(service) && /^[A-Za-z0-9.-]{1,20}$/.test(costCentre) && /^[A-Za-z0-9.-]{1,20}$/.test(account);
      if (!valid) return sendHtml(reply, await accountsView(ctx, { service, costCentre, account }, t('bo.accountsInvalid')), 400);
      await inTransaction(db, async (trx) => {
        await saveAccount(trx, { tenant_id: ctx.tenant.id, service, cost_centre: costCentre, account });
        await audit(trx, ctx, 'payments.account_set', { type: 'payment-account', id: service, summary: { costCentre, account } });
      });
      setFlash(reply, t('bo.accountsSaved'));
      return reply.redirect(`${BASE}/konten`, 303);
    },
  );

  async function accountsView(ctx: RequestContext, values: Record<string, string> = {}, error?: string) {
    const t = paymentsText(ctx.lang);
    const accounts = await listAccounts(db, ctx.tenant.id);
    const services = [
      ...new Set([
        ...(await listPayments(db, { tenantId: ctx.tenant.id }, 1000)).map((row) => row.service),
        ...accounts.map((row) => row.service),
        ...(values.service ? [values.service] : []),
      ]),
    ].sort();
    return (
      <Page ctx={ctx} title={t('bo.accounts')} crumbs={crumbs(ctx, t, t('bo.accounts'))}>
        <ErrorSummary errors={error ? { costCentre: error } : undefined} t={ctx.t} />
        <h1 safe>{t('bo.accounts')}</h1>
        <p safe>{t('bo.accountsHint')}</p>
        {accounts.length > 0 && (
          <ul>
            {accounts.map((row) => (
              <li safe>{`${row.service}: ${t('bo.costCentre')} ${row.cost_centre}, ${t('bo.account')} ${row.account}`}</li>
            ))}
          </ul>
        )}
        <Form action={`${BASE}/konten`} csrf={ctx.csrfToken()}>
          <TextField name="service" label={t('bo.service')} value={values.service ?? services[0] ?? ''} />
          <TextField name="costCentre" label={t('bo.costCentre')} value={values.costCentre ?? ''} error={error} width="short" />
          <TextField name="account" label={t('bo.account')} value={values.account ?? ''} width="short" />
          <Button label={t('bo.accountsSave')} />
        </Form>
      </Page>
    );
  }

  route.get(`${BASE}/:id`, { access: readAccess, params: recordParams }, async ({ request, reply, params }) =>
    sendHtml(reply, await DetailView({ ctx: request.ctx, deps, payment: await paymentOf(request, params.id) })),
  );

  route.post(
    `${BASE}/:id/erstattung`,
    { access: financeAccess, params: recordParams, body: refundBody },
    async ({ request, reply, params, body: values }) => {
      const { ctx } = request;
      const t = paymentsText(ctx.lang);
      const payment = await paymentOf(request, params.id);
      const cents = readCents(values.amount);
      const errors: Record<string, string> = {};
      if (!values.reason) errors.reason = t('bo.refundReasonMissing');
      if (Number.isNaN(cents)) errors.amount = t('bo.refundTooMuch', { amount: euros(ctx, payment.amount_cents) });
      if (Object.keys(errors).length === 0) {
        try {
          const refund = await refundPayment(db, provider, payment, cents, values.reason, {
            id: actorId(ctx.actor),
            label: actorLabel(ctx.actor),
            requestId: ctx.requestId,
          });
          setFlash(
            reply,
            t('bo.refundDone', {
              amount: euros(ctx, refund.amount_cents),
              status: t(`bo.refundStatus.${refund.provider_status as 'done'}`),
            }),
          );
          return reply.redirect(`${BASE}/${payment.id}`, 303);
        } catch (error) {
          if (!(error instanceof RefundRefused)) throw error;
          errors.amount =
            error.reason === 'notPaid'
              ? t('bo.refundNotPaid')
              : error.reason === 'provider'
                ? t('bo.refundRefused')
                : t('bo.refundTooMuch', { amount: euros(ctx, error.remainingCents) });
        }
      }
      return sendHtml(reply, await DetailView({ ctx, deps, payment, errors, values }), 400);
    },
  );
}
