// Views of the staff login: password, second factor, enrolment, password reset.
import type { RequestContext } from '../http/context.js';
import type { FieldErrors } from '../http/errors.js';
import { Alert, Button, ErrorSummary, Form, TextField } from '../ui/components.js';
import { Page } from '../ui/layout.js';

export function LoginView(props: { ctx: RequestContext; email?: string; next: string; errors?: FieldErrors; notice?: string }) {
  const { ctx } = props;
  const t = ctx.t;
  return (
    <Page ctx={ctx} title={t('login.title')} crumbs={[{ label: t('login.title') }]}>
      <h1 safe>{t('login.title')}</h1>
      {props.notice && <Alert kind="warning" text={props.notice} />}
      <ErrorSummary errors={props.errors} t={t} />
      <Form action="/bo/anmelden" csrf={ctx.csrfToken()}>
        <input type="hidden" name="next" value={props.next} />
        <TextField
          name="email"
          type="email"
          label={t('login.email')}
          value={props.email}
          autocomplete="email"
          error={props.errors?.email}
          required
        />
        <TextField
          name="password"
          type="password"
          label={t('login.password')}
          autocomplete="current-password"
          error={props.errors?.password}
          required
        />
        <Button label={t('login.submit')} />
      </Form>
      <p>
        <a href="/bo/passwort-vergessen" safe>
          {t('login.forgot')}
        </a>
      </p>
      <p>
        <a href="/konto" safe>
          {t('login.citizen')}
        </a>
      </p>
    </Page>
  );
}

export function TotpView(props: { ctx: RequestContext; error?: string }) {
  const { ctx } = props;
  const t = ctx.t;
  const errors = props.error ? { code: props.error } : undefined;
  return (
    <Page ctx={ctx} title={t('totp.title')} crumbs={[{ label: t('login.title'), href: '/bo/anmelden' }, { label: t('totp.title') }]}>
      <h1 safe>{t('totp.title')}</h1>
      <ErrorSummary errors={errors} t={t} />
      <Form action="/bo/anmelden/code" csrf={ctx.csrfToken()}>
        <TextField
          name="code"
          label={t('totp.code')}
          hint={t('totp.hint')}
          inputmode="numeric"
          autocomplete="one-time-code"
          width="short"
          error={props.error}
          required
        />
        <Button label={t('totp.submit')} />
      </Form>
    </Page>
  );
}

export function EnrolView(props: { ctx: RequestContext; secret: string; uri: string; error?: string }) {
  const { ctx } = props;
  const t = ctx.t;
  const errors = props.error ? { code: props.error } : undefined;
  return (
    <Page ctx={ctx} title={t('totp.setupTitle')}>
      <h1 safe>{t('totp.setupTitle')}</h1>
      <ErrorSummary errors={errors} t={t} />
      <p safe>{t('totp.setupText')}</p>
      <dl class="facts">
        <dt safe>{t('totp.secret')}</dt>
        <dd>
          <code safe>{props.secret}</code>
        </dd>
        <dt>URI</dt>
        <dd>
          <code safe>{props.uri}</code>
        </dd>
      </dl>
      <Form action="/bo/anmelden/einrichten" csrf={ctx.csrfToken()}>
        <TextField
          name="code"
          label={t('totp.code')}
          inputmode="numeric"
          autocomplete="one-time-code"
          width="short"
          error={props.error}
          required
        />
        <Button label={t('totp.submit')} />
      </Form>
    </Page>
  );
}

export function ForgotView(props: { ctx: RequestContext; email?: string; errors?: FieldErrors; sent?: boolean }) {
  const { ctx } = props;
  const t = ctx.t;
  return (
    <Page ctx={ctx} title={t('reset.title')} crumbs={[{ label: t('login.title'), href: '/bo/anmelden' }, { label: t('reset.title') }]}>
      <h1 safe>{t('reset.title')}</h1>
      {props.sent ? <Alert kind="success" text={t('reset.sent')} /> : <p safe>{t('reset.text')}</p>}
      <ErrorSummary errors={props.errors} t={t} />
      <Form action="/bo/passwort-vergessen" csrf={ctx.csrfToken()}>
        <TextField
          name="email"
          type="email"
          label={t('login.email')}
          value={props.email}
          autocomplete="email"
          error={props.errors?.email}
          required
        />
        <Button label={t('reset.submit')} />
      </Form>
    </Page>
  );
}

export function NewPasswordView(props: { ctx: RequestContext; token: string; valid: boolean; errors?: FieldErrors }) {
  const { ctx } = props;
  const t = ctx.t;
  return (
    <Page ctx={ctx} title={t('reset.title')}>
      <h1 safe>{t('reset.title')}</h1>
      {!props.valid ? (
        <>
          <Alert kind="error" text={t('reset.invalid')} />
          <p>
            <a href="/bo/passwort-vergessen" safe>
              {t('reset.submit')}
            </a>
          </p>
        </>
      ) : (
        <>
          <ErrorSummary errors={props.errors} t={t} />
          <Form action={`/bo/passwort-neu/${encodeURIComponent(props.token)}`} csrf={ctx.csrfToken()}>
            <TextField
              name="password"
              type="password"
              label={t('reset.newPassword')}
              hint={t('reset.newPasswordHint')}
              autocomplete="new-password"
              error={props.errors?.password}
              required
            />
            <Button label={t('reset.save')} />
          </Form>
        </>
      )}
    </Page>
  );
}
