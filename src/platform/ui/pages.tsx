// Pages every tenant has: imprint, privacy, accessibility statement, contact, the style guide, the tenant's colours.
import { routes } from '../http/route.js';
import type { Db } from '../db/database.js';
import type { FastifyInstance } from 'fastify';
import type { RequestContext } from '../http/context.js';
import { sharedPage } from '../http/shared-page.js';
import type { MessageKey } from '../i18n/index.js';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  DataTable,
  ErrorSummary,
  Form,
  Pagination,
  RadioGroup,
  SelectField,
  TextField,
  Paragraphs,
} from './components.js';
import { Page } from './layout.js';
import { sendHtml } from './render.js';

/** A text the town writes: in English where it gave one, else in German (marked as such, and said once). */
type TownText = { text: string; lang?: 'de' };
type LegalPage = { path: string; title: MessageKey; text: (ctx: RequestContext) => TownText };

const inLanguage = (ctx: RequestContext, german: string | undefined, english: string | undefined): TownText =>
  ctx.lang === 'en' && english ? { text: english } : { text: german ?? ctx.tenant.name, lang: ctx.lang === 'en' ? 'de' : undefined };

const legalPages: LegalPage[] = [
  {
    path: '/impressum',
    title: 'legal.imprint',
    text: (ctx) => inLanguage(ctx, ctx.tenant.settings.imprint, ctx.tenant.settings.translations?.en?.imprint),
  },
  {
    path: '/datenschutz',
    title: 'legal.privacy',
    text: (ctx) => inLanguage(ctx, ctx.tenant.settings.privacy, ctx.tenant.settings.translations?.en?.privacy),
  },
];

function LegalText({ ctx, page }: { ctx: RequestContext; page: LegalPage }) {
  const title = ctx.t(page.title);
  const text = page.text(ctx);
  return (
    <Page ctx={ctx} title={title} crumbs={[{ label: title }]}>
      <h1 safe>{title}</h1>
      {text.lang && (
        <p class="hint" safe>
          {ctx.t('legal.germanOnly')}
        </p>
      )}
      <div lang={text.lang}>
        <Paragraphs text={text.text} />
      </div>
    </Page>
  );
}

function ContactPage({ ctx }: { ctx: RequestContext }) {
  const contact = ctx.tenant.settings.contact;
  return (
    <Page ctx={ctx} title={ctx.t('legal.contact')} crumbs={[{ label: ctx.t('legal.contact') }]}>
      <h1 safe>{ctx.t('legal.contact')}</h1>
      {contact && (
        <dl class="facts">
          <dt safe>{ctx.t('account.address')}</dt>
          <dd safe>{contact.address}</dd>
          <dt safe>{ctx.t('contact.phone')}</dt>
          <dd>
            <a href={`tel:${contact.phone.replace(/[^+\d]/g, '')}`} safe>
              {contact.phone}
            </a>
          </dd>
          <dt safe>{ctx.t('account.email')}</dt>
          <dd>
            <a href={`mailto:${contact.email}`} safe>
              {contact.email}
            </a>
          </dd>
          {contact.hours && (
            <>
              <dt safe>{ctx.t('contact.hours')}</dt>
              <dd lang={ctx.lang === 'en' ? 'de' : undefined} safe>
                {contact.hours}
              </dd>
            </>
          )}
        </dl>
      )}
    </Page>
  );
}

function Styleguide({ ctx }: { ctx: RequestContext }) {
  const t = ctx.t;
  const errors = { name: t('error.required') };
  return (
    <Page ctx={ctx} title={t('styleguide.title')} crumbs={[{ label: t('styleguide.title') }]}>
      <h1 safe>{t('styleguide.title')}</h1>
      <h2>Buttons</h2>
      <p>
        <Button label="Primär / primary" /> <Button label="Sekundär / secondary" kind="secondary" />{' '}
        <Button label="Löschen / delete" kind="danger" />
      </p>
      <h2>Alerts</h2>
      <Alert kind="info" text="Information" />
      <Alert kind="success" text="Gespeichert / saved" />
      <Alert kind="warning" text="Warnung / warning" />
      <h2>Formular / form</h2>
      <ErrorSummary errors={errors} t={t} />
      <Form action="/styleguide" method="get" csrf="">
        <TextField
          name="name"
          label={t('admin.name')}
          hint={ctx.lang === 'de' ? 'Vor- und Nachname' : 'First and last name'}
          error={errors.name}
        />
        <TextField name="email" type="email" label={t('admin.email')} autocomplete="email" />
        <SelectField
          name="role"
          label={t('admin.role')}
          options={[
            { value: 'clerk', label: t('role.clerk') },
            { value: 'editor', label: t('role.editor') },
          ]}
        />
        <RadioGroup
          name="level"
          legend={t('idp.level')}
          options={[
            { value: 'basic', label: t('level.basic') },
            { value: 'high', label: t('level.high') },
          ]}
          value="basic"
        />
        <Checkbox name="consent" label={t('account.deleteConfirm')} />
        <Button label={t('admin.save')} />
      </Form>
      <h2>Karten / cards</h2>
      <ul class="cards">
        <Card title={t('site.home')} href="/" description={t('home.lead', { town: ctx.tenant.name })} />
      </ul>
      <h2>Tabelle / table</h2>
      <DataTable
        caption={t('admin.audit')}
        head={[t('admin.when'), t('admin.action')]}
        rows={[['01.01.2026 10:00', 'staff.login']]}
        empty={t('admin.empty')}
      />
      <Pagination page={2} hasNext={true} href={(p) => `/styleguide?seite=${p}`} t={t} />
    </Page>
  );
}

export function registerCommonPages(app: FastifyInstance, db: Db) {
  const route = routes(app, db);
  for (const page of legalPages) {
    // The town's texts change rarely (and the tenant itself is cached for 30 seconds): shared for as long.
    route.get(page.path, { access: 'public' }, async ({ request, reply }) =>
      sendHtml(
        reply,
        sharedPage(request.ctx, 'town', request.url, 30, (ctx) => <LegalText ctx={ctx} page={page} />),
      ),
    );
  }
  route.get('/kontakt', { access: 'public' }, async ({ request, reply }) =>
    sendHtml(
      reply,
      sharedPage(request.ctx, 'town', request.url, 30, (ctx) => <ContactPage ctx={ctx} />),
    ),
  );
  route.get('/styleguide', { access: 'public' }, async ({ request, reply }) => sendHtml(reply, <Styleguide ctx={request.ctx} />));
  route.get('/tenant.css', { access: 'public' }, async ({ request, reply }) => {
    const colours = request.ctx.tenant.settings.colours;
    const safe = (value: string | undefined) => (value && /^#[0-9a-f]{3,8}$/i.test(value) ? value : undefined);
    const primary = safe(colours?.primary);
    const text = safe(colours?.primaryText);
    return reply
      .type('text/css')
      .header('cache-control', 'public, max-age=300')
      .send(primary ? `:root{--primary:${primary};${text ? `--primary-text:${text};` : ''}}` : '');
  });
}
