// Views of the citizen account: login with the citizen account, the data received, deletion.
import type { RequestContext } from '../http/context.js';
import { Alert, Button, Checkbox, ErrorSummary, Form } from '../ui/components.js';
import { Page } from '../ui/layout.js';

export function CitizenLoginView(props: { ctx: RequestContext; next: string; failed?: boolean }) {
  const { ctx } = props;
  const t = ctx.t;
  return (
    <Page ctx={ctx} title={t('account.loginTitle')} crumbs={[{ label: t('site.account') }]}>
      <h1 safe>{t('account.loginTitle')}</h1>
      {ctx.sessionExpired && <Alert kind="warning" text={t('login.expired')} />}
      {props.failed && <Alert kind="error" text={t('account.loginFailed')} />}
      <p safe>{t('account.loginText')}</p>
      <Form action="/konto/anmelden" method="get" csrf="">
        <input type="hidden" name="next" value={props.next} />
        <Button label={t('account.loginSubmit')} />
      </Form>
      <p>
        <a href="/bo/anmelden" safe>
          {t('site.staffLogin')}
        </a>
      </p>
    </Page>
  );
}

type Address = { street_address?: string; postal_code?: string; locality?: string };

export function AccountView(props: {
  ctx: RequestContext;
  claims: Record<string, unknown>;
  trustLevel: string | null;
  issuer: string;
  error?: string;
  sections?: string[];
}) {
  const { ctx, claims } = props;
  const t = ctx.t;
  const address = claims.address as Address | undefined;
  const level = props.trustLevel ? t(`level.${props.trustLevel}` as 'level.basic') : '–';
  const rows: [string, string | undefined][] = [
    [t('account.company'), claims.organization as string | undefined],
    [t('account.name'), claims.name as string | undefined],
    [
      t('account.birthdate'),
      claims.birthdate ? new Date(`${claims.birthdate}T12:00:00Z`).toLocaleDateString(ctx.lang === 'de' ? 'de-DE' : 'en-GB') : undefined,
    ],
    [t('account.address'), address ? `${address.street_address ?? ''}, ${address.postal_code ?? ''} ${address.locality ?? ''}` : undefined],
    [t('account.email'), claims.email as string | undefined],
    [t('account.level'), level],
  ];
  return (
    <Page ctx={ctx} title={t('account.title')} crumbs={[{ label: t('account.title') }]}>
      <h1 safe>{t('account.title')}</h1>
      <h2 safe>{t('account.received')}</h2>
      <p class="hint" safe>
        {t('account.source', { issuer: props.issuer, level })}
      </p>
      <dl class="facts">
        {rows
          .filter(([, value]) => value)
          .map(([label, value]) => (
            <>
              <dt safe>{label}</dt>
              <dd safe>{value}</dd>
            </>
          ))}
      </dl>
      {props.sections ?? []}
      <Form action="/abmelden/ueberall" csrf={ctx.csrfToken()}>
        <Button label={t('account.logoutEverywhere')} kind="secondary" />
      </Form>
      <h2 safe>{t('account.deleteTitle')}</h2>
      <p safe>{t('account.deleteText')}</p>
      <ErrorSummary errors={props.error ? { confirm: props.error } : undefined} t={t} />
      <Form action="/konto/loeschen" csrf={ctx.csrfToken()}>
        <Checkbox name="confirm" label={t('account.deleteConfirm')} error={props.error} />
        <Button label={t('account.deleteSubmit')} kind="danger" />
      </Form>
    </Page>
  );
}
