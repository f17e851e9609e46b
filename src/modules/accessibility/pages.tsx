// /barrierefreiheit: the statement (status, gaps with reasons and alternatives, evaluation, feedback form,
// enforcement procedure), the feedback that becomes a case, and the editors' page that maintains the statement.
import type { FastifyInstance } from 'fastify';
import type { AccessibilityStatement } from '../../platform/db/tables.js';
import type { RequestContext } from '../../platform/http/context.js';
import { audit, type Deps } from '../../platform/http/deps.js';
import { textForm } from '../../platform/http/forms.js';
import { routes } from '../../platform/http/route.js';
import { accessibilityPolicy } from './policy.js';
import { feedbackBody } from './schema.js';
import { setFlash } from '../../platform/http/request-context.js';
import { listUnits } from '../../platform/auth/users-repo.js';
import { formatDay, parseBerlinDay } from '../../platform/i18n/index.js';
import { updateTenantSettings } from '../../platform/tenancy/tenants.js';
import { Button, ErrorSummary, Form, Paragraphs, RadioGroup, TextArea, TextField } from '../../platform/ui/components.js';
import { Page } from '../../platform/ui/layout.js';
import { sendHtml } from '../../platform/ui/render.js';
import { isAllowed } from '../../platform/http/routes.js';
import { sharedPage, sharedPagesChanged } from '../../platform/http/shared-page.js';
import { checkFeedback, receiveFeedback, type Feedback } from './feedback.js';
import { DEFAULT_STATEMENT, gapsAsText, parseGaps } from './statement.js';
import { accessibilityText } from './texts.js';

export const PATH = '/barrierefreiheit';
const EDIT_PATH = '/bo/barrierefreiheit';
const feedbackLimit = { rateLimit: { max: 10, timeWindow: '10 minutes' } };

export const statementOf = (ctx: RequestContext): AccessibilityStatement => ctx.tenant.settings.accessibilityStatement ?? DEFAULT_STATEMENT;

function StatementPage({
  ctx,
  values = {},
  errors = {},
}: {
  ctx: RequestContext;
  values?: Partial<Feedback>;
  errors?: Record<string, string>;
}) {
  const t = accessibilityText(ctx.lang);
  const statement = statementOf(ctx);
  const title = ctx.t('legal.accessibility');
  // The statement's own texts are written by the town in German.
  const german = ctx.lang === 'de' ? undefined : 'de';
  return (
    <Page ctx={ctx} title={title} crumbs={[{ label: title }]}>
      <h1 safe>{title}</h1>
      <ErrorSummary errors={errors} t={ctx.t} />
      <p safe>{t('intro', { town: ctx.tenant.name })}</p>
      {isAllowed(accessibilityPolicy.editStatement, ctx) && (
        <p>
          <a href={EDIT_PATH} safe>
            {t('edit.link')}
          </a>
        </p>
      )}
      <h2 safe>{t('status.title')}</h2>
      <p safe>{t(`status.${statement.status}`)}</p>
      <h2 safe>{t('gaps.title')}</h2>
      {statement.gaps.length === 0 ? (
        <p safe>{t('gaps.none')}</p>
      ) : (
        <ul lang={german}>
          {statement.gaps.map((gap) => (
            <li>
              <strong safe>{gap.content}</strong>
              <br />
              <span safe>{`${t('gaps.reason')}: ${gap.reason}`}</span>
              <br />
              <span safe>{`${t('gaps.alternative')}: ${gap.alternative}`}</span>
            </li>
          ))}
        </ul>
      )}
      <h2 safe>{t('evaluation.title')}</h2>
      <p safe>{t('evaluation.text', { date: formatDay(ctx.lang, statement.evaluatedOn) })}</p>
      <p lang={german} safe>
        {statement.method}
      </p>
      <h2 id="rueckmeldung" safe>
        {t('feedback.title')}
      </h2>
      <p safe>{t('feedback.intro', { unit: statement.unit })}</p>
      <Form action={`${PATH}/rueckmeldung`} csrf={ctx.csrfToken()}>
        <TextField name="page" label={t('feedback.page')} value={values.page} />
        <TextArea name="description" label={t('feedback.description')} value={values.description} error={errors.description} rows={4} />
        <TextField name="email" type="email" label={t('feedback.email')} value={values.email} error={errors.email} autocomplete="email" />
        <Button label={t('feedback.submit')} />
      </Form>
      <h2 safe>{t('enforcement.title')}</h2>
      <div lang={german}>
        <Paragraphs text={statement.enforcement} />
      </div>
    </Page>
  );
}

function EditPage({ ctx, values, errors = {} }: { ctx: RequestContext; values: Record<string, string>; errors?: Record<string, string> }) {
  const t = accessibilityText(ctx.lang);
  return (
    <Page ctx={ctx} title={t('edit.title')} crumbs={[{ label: ctx.t('site.backoffice'), href: '/bo' }, { label: t('edit.title') }]}>
      <h1 safe>{t('edit.title')}</h1>
      <ErrorSummary errors={errors} t={ctx.t} />
      <Form action={EDIT_PATH} csrf={ctx.csrfToken()}>
        <RadioGroup
          name="status"
          legend={t('edit.status')}
          value={values.status}
          options={(['full', 'partial', 'none'] as const).map((status) => ({ value: status, label: t(`status.${status}`) }))}
        />
        <TextArea name="gaps" label={t('edit.gaps')} value={values.gaps} error={errors.gaps} rows={6} />
        <TextField name="evaluatedOn" label={t('edit.evaluatedOn')} value={values.evaluatedOn} error={errors.evaluatedOn} />
        <TextArea name="method" label={t('edit.method')} value={values.method} error={errors.method} rows={3} />
        <TextField name="unit" label={t('edit.unit')} value={values.unit} error={errors.unit} />
        <TextArea name="enforcement" label={t('edit.enforcement')} value={values.enforcement} error={errors.enforcement} rows={4} />
        <Button label={t('edit.save')} />
      </Form>
    </Page>
  );
}

const asFormValues = (statement: AccessibilityStatement) => ({
  status: statement.status,
  gaps: gapsAsText(statement.gaps),
  evaluatedOn: formatDay('de', statement.evaluatedOn),
  method: statement.method,
  unit: statement.unit,
  enforcement: statement.enforcement,
});

export function registerAccessibilityPages(app: FastifyInstance, deps: Deps) {
  const { db } = deps;
  const route = routes(app, db);

  route.get(PATH, { access: accessibilityPolicy.read }, async ({ request, reply }) =>
    sendHtml(
      reply,
      sharedPage(request.ctx, 'accessibility', request.url, 60, (ctx) => <StatementPage ctx={ctx} />),
    ),
  );

  route.post(
    `${PATH}/rueckmeldung`,
    { access: accessibilityPolicy.giveFeedback, body: feedbackBody, config: feedbackLimit },
    async ({ request, reply, body: input }) => {
      const { ctx } = request;
      const t = accessibilityText(ctx.lang);
      const problems = checkFeedback(input);
      if (Object.keys(problems).length > 0) {
        const errors = Object.fromEntries(Object.entries(problems).map(([field, code]) => [field, t(`feedback.${code}`)]));
        return sendHtml(reply, <StatementPage ctx={ctx} values={input} errors={errors} />, 400);
      }
      const number = await receiveFeedback(
        db,
        ctx.tenant.id,
        statementOf(ctx).unit,
        input,
        accessibilityText('de')('case.title'),
        ctx.requestId,
      );
      setFlash(reply, t('feedback.sent', { number }));
      return reply.redirect(PATH, 303);
    },
  );

  route.get(EDIT_PATH, { access: accessibilityPolicy.editStatement }, async ({ request, reply }) =>
    sendHtml(reply, <EditPage ctx={request.ctx} values={asFormValues(statementOf(request.ctx))} />),
  );

  route.post(EDIT_PATH, { access: accessibilityPolicy.editStatement, body: textForm }, async ({ request, reply, body: values }) => {
    const { ctx } = request;
    const t = accessibilityText(ctx.lang);
    const errors: Record<string, string> = {};
    const status = (['full', 'partial', 'none'] as const).find((candidate) => candidate === values.status) ?? 'partial';
    const { gaps, bad } = parseGaps((values.gaps ?? '').replace(/\r\n/g, '\n'));
    if (bad.length > 0) errors.gaps = t('edit.badGap', { line: bad[0]! });
    const day = parseBerlinDay(values.evaluatedOn ?? '');
    if (!day) errors.evaluatedOn = t('edit.badDate');
    for (const name of ['method', 'enforcement'] as const) if (!values[name]?.trim()) errors[name] = t('edit.required');
    const units = await listUnits(db, ctx.tenant.id);
    if (!units.some((unit) => unit.short_name === values.unit?.trim())) errors.unit = t('edit.badUnit');
    if (Object.keys(errors).length > 0) return sendHtml(reply, <EditPage ctx={ctx} values={values} errors={errors} />, 400);
    const statement: AccessibilityStatement = {
      status,
      gaps,
      evaluatedOn: new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Berlin' }).format(day!),
      method: values.method!.trim().slice(0, 1000),
      unit: values.unit!.trim(),
      enforcement: values.enforcement!.trim().slice(0, 3000),
    };
    await db.transaction().execute(async (trx) => {
      await updateTenantSettings(trx, ctx.tenant.id, { accessibilityStatement: statement });
      await audit(trx, ctx, 'accessibility.statement_saved', { type: 'tenant', id: ctx.tenant.id, summary: { status, gaps: gaps.length } });
    });
    deps.tenants.forget();
    sharedPagesChanged(ctx.tenant.id, 'accessibility');
    setFlash(reply, t('edit.saved'));
    return reply.redirect(PATH, 303);
  });
}
