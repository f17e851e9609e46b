// The page shell: skip link, header with the tenant's coat of arms, main navigation, language switch,
// breadcrumb, main content and the footer with imprint, privacy, accessibility statement and contact.
import type { PropsWithChildren } from '@kitajs/html';
import { isBackOfficeArea, mayUse, type RequestContext } from '../http/context.js';
import { Alert } from './components.js';

export type Crumb = { label: string; href?: string };

type PageProps = PropsWithChildren<{ ctx: RequestContext; title: string; crumbs?: Crumb[] }>;

export function Page({ ctx, title, crumbs, children }: PageProps) {
  const { t, tenant, lang } = ctx;
  const other = lang === 'de' ? 'en' : 'de';
  const colours = tenant.settings.colours;
  return (
    <>
      {'<!doctype html>'}
      <html lang={lang}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title safe>{`${title} – ${tenant.name}`}</title>
          <link rel="stylesheet" href="/static/app.css" />
          {colours && <link rel="stylesheet" href="/tenant.css" />}
          <link rel="alternate" hreflang={other} href={`${ctx.path}?lang=${other}`} />
          <link rel="icon" href="/static/wappen.svg" type="image/svg+xml" />
          <script src="/static/app.js" defer></script>
        </head>
        <body>
          <a class="skip-link" href="#main" safe>
            {t('site.skip')}
          </a>
          <header class="site-header">
            <div class="container header-row">
              <a class="brand" href="/">
                <img src={tenant.settings.logo ?? '/static/wappen.svg'} alt="" width="40" height="48" />
                <span safe>{tenant.name}</span>
              </a>
              <a class="lang-switch" href={`${ctx.path}?lang=${other}`} hreflang={other} lang={other} safe>
                {t('site.switchTo')}
              </a>
            </div>
            <MainNav ctx={ctx} />
          </header>
          {crumbs && crumbs.length > 0 && <Breadcrumb ctx={ctx} crumbs={crumbs} />}
          <main id="main" class="container" tabindex="-1">
            {ctx.flash && <Alert kind={ctx.flash.kind} text={ctx.flash.text} />}
            {children}
          </main>
          <Footer ctx={ctx} />
        </body>
      </html>
    </>
  );
}

function MainNav({ ctx }: { ctx: RequestContext }) {
  const { t, actor, lang } = ctx;
  const visible = ctx.nav.filter((item) => mayUse(item, actor) && !isBackOfficeArea(item));
  return (
    <nav class="main-nav" aria-label={t('site.nav')}>
      <ul class="container">
        <li>
          <a href="/" aria-current={ctx.path === '/' ? 'page' : undefined} safe>
            {t('site.home')}
          </a>
        </li>
        {visible.map((item) => (
          <li>
            <a href={item.href} aria-current={ctx.path.startsWith(item.href) ? 'page' : undefined} safe>
              {item.label[lang]}
            </a>
          </li>
        ))}
        {actor.kind === 'staff' && (
          <li>
            <a href="/bo" safe>
              {t('site.backoffice')}
            </a>
          </li>
        )}
        {actor.kind === 'anonymous' ? (
          <li>
            <a href="/konto" safe>
              {t('site.login')}
            </a>
          </li>
        ) : (
          <li>
            <a href={actor.kind === 'staff' ? '/bo/profil' : '/konto'}>
              <span class="visually-hidden" safe>{`${t('site.account')}: `}</span>
              <span safe>{actor.name}</span>
            </a>
          </li>
        )}
        {actor.kind !== 'anonymous' && (
          <li>
            <form method="post" action="/abmelden" class="inline-form">
              <input type="hidden" name="_csrf" value={ctx.csrfToken()} />
              <button type="submit" class="link-button" safe>
                {t('site.logout')}
              </button>
            </form>
          </li>
        )}
      </ul>
    </nav>
  );
}

function Breadcrumb({ ctx, crumbs }: { ctx: RequestContext; crumbs: Crumb[] }) {
  return (
    <nav class="breadcrumb container" aria-label={ctx.t('site.breadcrumb')}>
      <ol>
        <li>
          <a href="/" safe>
            {ctx.t('site.home')}
          </a>
        </li>
        {crumbs.map((crumb, index) =>
          crumb.href && index < crumbs.length - 1 ? (
            <li>
              <a href={crumb.href} safe>
                {crumb.label}
              </a>
            </li>
          ) : (
            <li aria-current="page" safe>
              {crumb.label}
            </li>
          ),
        )}
      </ol>
    </nav>
  );
}

function Footer({ ctx }: { ctx: RequestContext }) {
  const { t, tenant } = ctx;
  const contact = tenant.settings.contact;
  return (
    <footer class="site-footer">
      <div class="container footer-row">
        {contact && (
          <address>
            <strong safe>{tenant.name}</strong>
            <br />
            <span safe>{contact.address}</span>
            <br />
            <a href={`tel:${contact.phone.replace(/[^+\d]/g, '')}`} safe>
              {contact.phone}
            </a>
            <br />
            <a href={`mailto:${contact.email}`} safe>
              {contact.email}
            </a>
          </address>
        )}
        <nav aria-label={t('site.footerNav')}>
          <ul>
            <li>
              <a href="/impressum" safe>
                {t('site.imprint')}
              </a>
            </li>
            <li>
              <a href="/datenschutz" safe>
                {t('site.privacy')}
              </a>
            </li>
            <li>
              <a href="/barrierefreiheit" safe>
                {t('site.accessibility')}
              </a>
            </li>
            <li>
              <a href="/kontakt" safe>
                {t('site.contact')}
              </a>
            </li>
            <li>
              <a href="/bo/anmelden" safe>
                {t('site.staffLogin')}
              </a>
            </li>
          </ul>
        </nav>
      </div>
    </footer>
  );
}
