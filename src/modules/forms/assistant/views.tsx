// The assistant's pages: start, one page per step with progress, the summary with change links, the receipt.
import type { RequestContext } from '../../../platform/http/context.js';
import { formatDateTime, formatMoney, type Lang } from '../../../platform/i18n/index.js';
import { Alert, Button, Checkbox, ErrorSummary, Form, RadioGroup, TextField } from '../../../platform/ui/components.js';
import { Page } from '../../../platform/ui/layout.js';
import type { ServiceDefinition, Step } from '../definition.js';
import { ratesOf, type Answers } from '../expressions.js';
import { shownOnPage } from '../validate.js';
import { answerRows } from '../present.js';
import { paidText, type Paid } from '../paid.js';
import { formsText, type FormsTranslate } from '../texts.js';
import type { StepErrors } from '../validate.js';
import { errorText, FieldView, type Values } from '../views/fields.js';

const crumbs = (ctx: RequestContext, definition: ServiceDefinition, last?: string) => [
  { label: formsText(ctx.lang)('crumb.service'), href: `/leistungen/${definition.catalog}` },
  { label: definition.title[ctx.lang], ...(last ? { href: `/online/${definition.id}` } : {}) },
  ...(last ? [{ label: last }] : []),
];

function Progress({ t, lang, steps, current }: { t: FormsTranslate; lang: Lang; steps: Step[]; current: string }) {
  const index = steps.findIndex((step) => step.id === current);
  return (
    <nav aria-label={t('progress')} class="progress">
      <p safe>{index >= 0 ? t('progress.step', { current: index + 1, total: steps.length + 1 }) : t('progress.summary')}</p>
      <ol>
        {steps.map((step, position) => (
          <li aria-current={step.id === current ? 'step' : undefined} class={position < index || index < 0 ? 'done' : undefined} safe>
            {step.title[lang]}
          </li>
        ))}
        <li aria-current={current === 'summary' ? 'step' : undefined} safe>
          {t('progress.summary')}
        </li>
      </ol>
    </nav>
  );
}

export function StartView(props: {
  ctx: RequestContext;
  t: FormsTranslate;
  definition: ServiceDefinition;
  fee?: { cents: number; depends: boolean };
  blocker?: JSX.Element;
}) {
  const { ctx, t, definition } = props;
  return (
    <Page ctx={ctx} title={definition.title[ctx.lang]} crumbs={crumbs(ctx, definition)}>
      <h1 safe>{definition.title[ctx.lang]}</h1>
      <p class="lead" safe>
        {t('start.lead')}
      </p>
      {props.fee !== undefined && (
        <p safe>{t(props.fee.depends ? 'start.feeFrom' : 'start.fee', { amount: formatMoney(ctx.lang, props.fee.cents / 100) })}</p>
      )}
      {props.fee !== undefined && props.fee.cents > 0 && definition.payment === 'online' && <p safe>{t('start.feeOnline')}</p>}
      <h2 safe>{t('start.steps')}</h2>
      <ol>
        {definition.steps.map((step) => (
          <li safe>{step.title[ctx.lang]}</li>
        ))}
      </ol>
      {props.blocker ?? (
        <Form action={`/online/${definition.id}`} csrf={ctx.csrfToken()}>
          <p class="hint" safe>
            {t('start.draftNote', { days: 30 })}
          </p>
          <Button label={t('start.begin')} />
        </Form>
      )}
    </Page>
  );
}

type StepProps = {
  ctx: RequestContext;
  t: FormsTranslate;
  definition: ServiceDefinition;
  draftId: string;
  steps: Step[];
  step: Step;
  values: Values;
  answers: Answers;
  errors: StepErrors;
  prefilled: Set<string>;
  migrated?: boolean;
  resume?: { email: string; error: string };
};

export function StepView(props: StepProps) {
  const { ctx, t, definition, step } = props;
  const messages = Object.fromEntries(Object.entries(props.errors).map(([name, error]) => [name, errorText(error, t, ctx.lang) ?? '']));
  const first = props.steps[0]?.id === step.id;
  const hasFiles = step.fields.some((field) => field.type === 'file');
  return (
    <Page
      ctx={ctx}
      title={`${step.title[ctx.lang]} – ${definition.title[ctx.lang]}`}
      crumbs={crumbs(ctx, definition, step.title[ctx.lang])}
    >
      <Progress t={t} lang={ctx.lang} steps={props.steps} current={step.id} />
      <ErrorSummary errors={Object.keys(messages).length ? messages : undefined} t={ctx.t} />
      {props.migrated && <Alert kind="info" text={t('draft.migrated')} />}
      <h1 safe>{step.title[ctx.lang]}</h1>
      <Form
        action={`/online/${definition.id}/${props.draftId}/${step.id}`}
        csrf={ctx.csrfToken()}
        multipart={hasFiles}
        check={`/online/${definition.id}/${props.draftId}/${step.id}/pruefen`}
      >
        {shownOnPage(step, props.answers).map((field) => (
          <FieldView
            field={field}
            context={{
              lang: ctx.lang,
              t,
              values: props.values,
              errors: props.errors,
              answers: props.answers,
              prefilled: props.prefilled,
              rates: ratesOf(props.definition),
              geo: ctx.tenant.settings.geo,
            }}
          />
        ))}
        <div class="actions">
          {!first && <Button label={t('button.back')} kind="secondary" name="action" value="back" />}
          <Button label={t('button.next')} name="action" value="next" />
        </div>
      </Form>
      {ctx.actor.kind === 'anonymous' && (
        <details class="resume" open={props.resume !== undefined}>
          <summary safe>{t('resume.title')}</summary>
          <p safe>{t('resume.hint')}</p>
          <Form action={`/online/${definition.id}/${props.draftId}/merken`} csrf={ctx.csrfToken()}>
            <input type="hidden" name="step" value={step.id} />
            <TextField
              name="resumeEmail"
              label={t('resume.email')}
              type="email"
              autocomplete="email"
              value={props.resume?.email}
              error={props.resume?.error}
            />
            <Button label={t('resume.send')} kind="secondary" />
          </Form>
        </details>
      )}
    </Page>
  );
}

export function AnswerList({
  ctx,
  t,
  steps,
  answers,
  changeBase,
}: {
  ctx: RequestContext;
  t: FormsTranslate;
  steps: Step[];
  answers: Answers;
  changeBase?: string;
}) {
  return (
    <>
      {answerRows(steps, answers, ctx.lang, t).map((section) => (
        <section>
          <h2 safe>{section.title}</h2>
          <dl class="summary-list">
            {section.rows.map((row) => (
              <div class="summary-row">
                <dt safe>{row.label}</dt>
                <dd safe>{row.text}</dd>
                {changeBase && (
                  <dd>
                    <a
                      href={`${changeBase}/${section.stepId}#f-${row.name}`}
                      aria-label={t('summary.changeLabel', { field: row.label })}
                      safe
                    >
                      {t('summary.change')}
                    </a>
                  </dd>
                )}
              </div>
            ))}
          </dl>
        </section>
      ))}
    </>
  );
}

export function SummaryView(props: {
  ctx: RequestContext;
  t: FormsTranslate;
  definition: ServiceDefinition;
  draftId: string;
  steps: Step[];
  answers: Answers;
  fee?: number;
  errors?: Record<string, string>;
}) {
  const { ctx, t, definition } = props;
  const base = `/online/${definition.id}/${props.draftId}`;
  const paysOnline = definition.payment === 'online' && (props.fee ?? 0) > 0;
  return (
    <Page ctx={ctx} title={`${t('summary.title')} – ${definition.title[ctx.lang]}`} crumbs={crumbs(ctx, definition, t('progress.summary'))}>
      <Progress t={t} lang={ctx.lang} steps={props.steps} current="summary" />
      <ErrorSummary errors={props.errors} t={ctx.t} />
      <h1 safe>{t('summary.title')}</h1>
      <AnswerList ctx={ctx} t={t} steps={props.steps} answers={props.answers} changeBase={base} />
      {props.fee !== undefined && (
        <p>
          <strong safe>{`${t('summary.fee')}: `}</strong>
          <span safe>{formatMoney(ctx.lang, props.fee / 100)}</span>
        </p>
      )}
      {paysOnline && <Alert kind="info" text={t('summary.payNext', { amount: formatMoney(ctx.lang, props.fee! / 100) })} />}
      <Form action={`${base}/absenden`} csrf={ctx.csrfToken()}>
        {definition.declarations.length > 0 && (
          <fieldset class="field">
            <legend safe>{t('summary.declarations')}</legend>
            {definition.declarations.map((declaration, index) => (
              <Checkbox name={`declaration${index}`} label={declaration[ctx.lang]} error={props.errors?.[`declaration${index}`]} />
            ))}
          </fieldset>
        )}
        <Button label={t(paysOnline ? 'button.submitAndPay' : 'button.submit')} />
      </Form>
    </Page>
  );
}

export function ReceiptView(props: {
  ctx: RequestContext;
  t: FormsTranslate;
  definition: ServiceDefinition;
  number: string;
  submittedAt: Date;
  steps: Step[];
  answers: Answers;
  paid?: Paid;
  timeline?: { at: Date; label: string }[];
}) {
  const { ctx, t, definition } = props;
  return (
    <Page ctx={ctx} title={t('receipt.title')} crumbs={crumbs(ctx, definition, t('receipt.title'))}>
      <Alert kind="success">
        <h1 safe>{t('receipt.title')}</h1>
        <p>
          <span safe>{`${t('receipt.number')}: `}</span>
          <strong safe>{props.number}</strong>
        </p>
      </Alert>
      <dl class="facts">
        <dt safe>{t('receipt.service')}</dt>
        <dd safe>{definition.title[ctx.lang]}</dd>
        <dt safe>{t('receipt.date')}</dt>
        <dd safe>{formatDateTime(ctx.lang, props.submittedAt)}</dd>
        {props.paid && (
          <>
            <dt safe>{t('receipt.paid')}</dt>
            <dd safe>{paidText(ctx.lang, props.paid)}</dd>
          </>
        )}
      </dl>
      <p safe>{t('receipt.next')}</p>
      <p>
        <a href={`${ctx.path}/bestaetigung.pdf`} download="" safe>
          {t('receipt.pdf')}
        </a>
      </p>
      {props.timeline && props.timeline.length > 0 && (
        <section aria-labelledby="timeline">
          <h2 id="timeline" safe>
            {t('receipt.timeline')}
          </h2>
          <ol class="timeline">
            {props.timeline.map((entry) => (
              <li>
                <span safe>{`${formatDateTime(ctx.lang, entry.at)}: `}</span>
                <strong safe>{entry.label}</strong>
              </li>
            ))}
          </ol>
        </section>
      )}
      <h2 safe>{t('receipt.answers')}</h2>
      <AnswerList ctx={ctx} t={t} steps={props.steps} answers={props.answers} />
    </Page>
  );
}

export type PaymentState = 'failed' | 'cancelled' | 'error' | 'open' | 'unavailable' | undefined;

/** Before a fee paid online: the application is stored, and counts as received once paid. */
export function PayView(props: {
  ctx: RequestContext;
  t: FormsTranslate;
  definition: ServiceDefinition;
  number: string;
  feeCents: number;
  methods: { value: string; label: string }[];
  state: PaymentState;
}) {
  const { ctx, t, definition } = props;
  return (
    <Page ctx={ctx} title={t('pay.title')} crumbs={crumbs(ctx, definition, t('pay.title'))}>
      {props.state && props.state !== 'open' && <Alert kind="error" text={t(`pay.${props.state}`)} />}
      {props.state === 'open' && <Alert kind="info" text={t('pay.open')} />}
      <h1 safe>{t('pay.title')}</h1>
      <p safe>{t('pay.intro', { number: props.number, service: definition.title[ctx.lang] })}</p>
      <p>
        <strong safe>{t('pay.amount', { amount: formatMoney(ctx.lang, props.feeCents / 100) })}</strong>
      </p>
      <Form action={`${ctx.path}/bezahlen`} csrf={ctx.csrfToken()}>
        <RadioGroup name="method" legend={t('pay.method')} value={props.methods[0]?.value} options={props.methods} />
        <Button label={t('pay.submit')} />
      </Form>
    </Page>
  );
}

export function ResumeFailedView({ ctx, t }: { ctx: RequestContext; t: FormsTranslate }) {
  return (
    <Page ctx={ctx} title={t('resume.title')}>
      <h1 safe>{t('resume.title')}</h1>
      <Alert kind="warning" text={t('resume.invalid')} />
      <p>
        <a href="/online" safe>
          {t('overview.title')}
        </a>
      </p>
    </Page>
  );
}
