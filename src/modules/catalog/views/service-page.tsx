// The service page: everything a citizen needs at a glance, then the details; print view and JSON-LD included.
import type { RequestContext } from '../../../platform/http/context.js';
import { Alert } from '../../../platform/ui/components.js';
import { Page } from '../../../platform/ui/layout.js';
import { formatDate } from '../../../platform/i18n/index.js';
import type { OpenState } from '../opening-hours.js';
import { costsText, type GermanField, type LocalizedService } from '../present.js';
import type { ContactContent, OfficeContent } from '../schema.js';
import type { CatalogTranslate } from '../texts.js';
import { ContactCard, OfficeSummary } from './responsible.js';

export type ResolvedResponsibility = {
  office?: { slug: string; content: OfficeContent; state: OpenState };
  contacts: { content: ContactContent; scope?: string }[];
};

type Props = {
  ctx: RequestContext;
  t: CatalogTranslate;
  slug: string;
  service: LocalizedService;
  responsible: ResolvedResponsibility[];
  jsonLd: string;
  lastReviewed: Date | null;
  appointments: boolean;
};

/** lang="de" for a part shown in German on an English page, so that screen readers read it as German. */
type InGerman = { lang?: 'de' };

function Section({ title, items, lang }: { title: string; items: string[] } & InGerman) {
  if (items.length === 0) return '';
  return (
    <section>
      <h2 safe>{title}</h2>
      <ul lang={lang}>
        {items.map((item) => (
          <li safe>{item}</li>
        ))}
      </ul>
    </section>
  );
}

function Text({ title, text, lang }: { title: string; text?: string } & InGerman) {
  if (!text) return '';
  return (
    <section>
      <h2 safe>{title}</h2>
      {text.split(/\n{2,}/).map((paragraph) => (
        <p lang={lang} safe>
          {paragraph}
        </p>
      ))}
    </section>
  );
}

function Glance({ ctx, t, service }: { ctx: RequestContext; t: CatalogTranslate; service: LocalizedService }) {
  return (
    <section class="at-a-glance" aria-labelledby="glance">
      <h2 id="glance" safe>
        {t('service.atAGlance')}
      </h2>
      <dl>
        <dt safe>{t('service.costs')}</dt>
        <dd lang={german(service, 'costsText')} safe>
          {service.elsewhere && service.costs.kind === 'free' && !service.costs.text
            ? t('costs.elsewhere')
            : costsText(service.costs, ctx.lang, t)}
        </dd>
        {service.processingTime && (
          <>
            <dt safe>{t('service.processingTime')}</dt>
            <dd lang={german(service, 'processingTime')} safe>
              {service.processingTime}
            </dd>
          </>
        )}
        {service.deadlines && (
          <>
            <dt safe>{t('service.deadlines')}</dt>
            <dd lang={german(service, 'deadlines')} safe>
              {service.deadlines}
            </dd>
          </>
        )}
        <dt safe>{t('service.onlineAvailable')}</dt>
        <dd safe>{service.onlineService ? t('service.yes') : t('service.no')}</dd>
      </dl>
    </section>
  );
}

function Responsible({ ctx, t, service, responsible }: Pick<Props, 'ctx' | 't' | 'service' | 'responsible'>) {
  return (
    <section aria-labelledby="responsible">
      <h2 id="responsible" safe>
        {t('service.responsible')}
      </h2>
      {service.elsewhere && (
        <Alert kind="info">
          <p safe>{t('service.elsewhere', { name: service.elsewhere.name })}</p>
          {service.elsewhere.note && (
            <p lang={german(service, 'elsewhereNote')} safe>
              {service.elsewhere.note}
            </p>
          )}
          {service.elsewhere.url && (
            <p>
              <a href={service.elsewhere.url} rel="noopener" safe>
                {t('service.elsewhereLink')}
              </a>
            </p>
          )}
        </Alert>
      )}
      {responsible.map((entry) => (
        <>
          {entry.office && (
            <OfficeSummary slug={entry.office.slug} office={entry.office.content} state={entry.office.state} lang={ctx.lang} t={t} />
          )}
          {entry.contacts.length > 0 && (
            <ul class="contacts">
              {entry.contacts.map((contact) => (
                <ContactCard contact={contact.content} scope={contact.scope} t={t} lang={ctx.lang} />
              ))}
            </ul>
          )}
        </>
      ))}
    </section>
  );
}

/** The print view: the article alone, without navigation, for paper or PDF. */
function PrintShell({ ctx, t, title, children }: { ctx: RequestContext; t: CatalogTranslate; title: string; children: JSX.Element }) {
  return (
    <>
      {'<!doctype html>'}
      <html lang={ctx.lang}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title safe>{`${title} – ${ctx.tenant.name}`}</title>
          <link rel="stylesheet" href="/static/app.css" />
        </head>
        <body class="print-view">
          <main id="main" class="container">
            <p class="no-print">
              <a href={ctx.path} safe>
                {t('service.back')}
              </a>
            </p>
            <p safe>{ctx.tenant.name}</p>
            {children}
          </main>
        </body>
      </html>
    </>
  );
}

export function ServicePageView(props: Props & { print: boolean }) {
  const { ctx, t, service } = props;
  if (props.print)
    return (
      <PrintShell ctx={ctx} t={t} title={service.name}>
        {<Article {...props} />}
      </PrintShell>
    );
  return (
    <Page ctx={ctx} title={service.name} crumbs={[{ label: t('home.title'), href: '/leistungen' }, { label: service.name }]}>
      <script type="application/ld+json">{props.jsonLd}</script>
      <Article {...props} />
    </Page>
  );
}

const german = (service: LocalizedService, field: GermanField) => (service.german.has(field) ? 'de' : undefined);

function Article(props: Props) {
  const { ctx, t, service, slug } = props;
  /** Law and form titles are German names: marked so on an English page, not translated. */
  const names = ctx.lang === 'en' ? 'de' : undefined;
  return (
    <article class="service">
      <h1 lang={german(service, 'name')} safe>
        {service.name}
      </h1>
      {!service.translated && <p safe>{t('service.germanOnly')}</p>}
      <p class="lead" lang={german(service, 'summary')} safe>
        {service.summary}
      </p>
      <p class="actions">
        {service.onlineService && (
          <a class="button button--primary" href={service.onlineService.url} safe>
            {service.onlineService.label ?? t('service.online')}
          </a>
        )}
        {service.bookable && props.appointments && (
          <a class="button button--secondary" href={`/termine?leistung=${slug}`} safe>
            {t('service.appointment')}
          </a>
        )}
        <a class="button button--secondary no-print" href={`/leistungen/${slug}?ansicht=druck`} safe>
          {t('service.print')}
        </a>
      </p>
      <Glance ctx={ctx} t={t} service={service} />
      <Text title={t('service.description')} text={service.description} lang={german(service, 'description')} />
      <Text title={t('service.plainLanguage')} text={service.plainLanguage} lang={german(service, 'plainLanguage')} />
      <Section title={t('service.prerequisites')} items={service.prerequisites} lang={german(service, 'prerequisites')} />
      <Section title={t('service.documents')} items={service.documents} lang={german(service, 'documents')} />
      <Section title={t('service.steps')} items={service.steps} lang={german(service, 'steps')} />
      <Responsible ctx={ctx} t={t} service={service} responsible={props.responsible} />
      {service.legalBases.length > 0 && (
        <section>
          <h2 safe>{t('service.legalBases')}</h2>
          <ul lang={names}>
            {service.legalBases.map((basis) => (
              <li>
                {basis.url ? (
                  <a href={basis.url} rel="noopener" safe>
                    {basis.title}
                  </a>
                ) : (
                  <span safe>{basis.title}</span>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
      {service.forms.length > 0 && (
        <section>
          <h2 safe>{t('service.forms')}</h2>
          <ul lang={names}>
            {service.forms.map((form) => (
              <li>
                {form.url ? (
                  <a href={form.url} safe>
                    {form.title}
                  </a>
                ) : (
                  <span safe>{form.title}</span>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
      <Text title={t('service.notes')} text={service.notes} lang={german(service, 'notes')} />
      <Text title={t('service.legalRemedy')} text={service.legalRemedy} lang={german(service, 'legalRemedy')} />
      <p class="meta">
        {service.leikaKey && <span safe>{`${t('service.leika')}: ${service.leikaKey} · `}</span>}
        {props.lastReviewed && <span safe>{t('service.lastReviewed', { date: formatDate(ctx.lang, props.lastReviewed) })}</span>}
      </p>
    </article>
  );
}
