// Citizen pages to find a service: overview with search and situations, search results, lists, offices.
import type { RequestContext } from '../../../platform/http/context.js';
import { Alert, Card } from '../../../platform/ui/components.js';
import { Page } from '../../../platform/ui/layout.js';
import { BUSINESS_SITUATIONS, LIFE_SITUATIONS, type Situation } from '../constants.js';
import { localizeOffice } from '../present.js';
import type { OfficeContent } from '../schema.js';
import type { SearchResult } from '../search.js';
import type { CatalogTranslate } from '../texts.js';
import { SearchForm } from './search-form.js';

/** `german`: no English text yet, so the name and summary are shown in German (and marked so). */
export type ServiceLink = { slug: string; name: string; summary: string; german?: boolean };

function ServiceList({ services, t }: { services: ServiceLink[]; t: CatalogTranslate }) {
  if (services.length === 0) return <p safe>{t('list.none')}</p>;
  return (
    <>
      {services.some((service) => service.german) && (
        <p class="hint" safe>
          {t('list.germanOnly')}
        </p>
      )}
      <ul class="cards">
        {services.map((service) => (
          <Card
            title={service.name}
            href={`/leistungen/${service.slug}`}
            description={service.summary}
            level={2}
            lang={service.german ? 'de' : undefined}
          />
        ))}
      </ul>
    </>
  );
}

function SituationLinks({ situations, base, ctx }: { situations: Situation[]; base: string; ctx: RequestContext }) {
  return (
    <ul class="link-list">
      {situations.map((situation) => (
        <li>
          <a href={`${base}/${situation.slug}`} safe>
            {situation[ctx.lang]}
          </a>
        </li>
      ))}
    </ul>
  );
}

export function CatalogHomeView({ ctx, t }: { ctx: RequestContext; t: CatalogTranslate }) {
  return (
    <Page ctx={ctx} title={t('home.title')} crumbs={[{ label: t('home.title') }]}>
      <h1 safe>{t('home.title')}</h1>
      <p class="lead" safe>
        {t('home.lead')}
      </p>
      <SearchForm t={t} />
      <p>
        <a href="/leistungen/a-z" safe>
          {t('az.title')}
        </a>{' '}
        ·{' '}
        <a href="/behoerden" safe>
          {t('offices.link')}
        </a>
      </p>
      <h2 safe>{t('situations.life')}</h2>
      <SituationLinks situations={LIFE_SITUATIONS} base="/leistungen/lebenslagen" ctx={ctx} />
      <h2 safe>{t('situations.business')}</h2>
      <SituationLinks situations={BUSINESS_SITUATIONS} base="/leistungen/unternehmen" ctx={ctx} />
    </Page>
  );
}

export function ServiceListView({
  ctx,
  t,
  title,
  services,
  children,
}: {
  ctx: RequestContext;
  t: CatalogTranslate;
  title: string;
  services: ServiceLink[];
  children?: JSX.Element;
}) {
  return (
    <Page ctx={ctx} title={title} crumbs={[{ label: t('home.title'), href: '/leistungen' }, { label: title }]}>
      <h1 safe>{title}</h1>
      {children}
      <ServiceList services={services} t={t} />
    </Page>
  );
}

export function LetterNav({ letters, current, t }: { letters: string[]; current: string; t: CatalogTranslate }) {
  return (
    <nav aria-label={t('az.letters')}>
      <ul class="letter-nav">
        {letters.map((letter) => (
          <li>
            {letter === current ? (
              <span aria-current="page" safe>
                {letter}
              </span>
            ) : (
              <a href={`/leistungen/a-z?buchstabe=${letter}`} safe>
                {letter}
              </a>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}

function EmptySearch({ ctx, t, result }: { ctx: RequestContext; t: CatalogTranslate; result: SearchResult }) {
  const contact = ctx.tenant.settings.contact;
  return (
    <>
      <Alert kind="info" text={result.meaningless ? t('search.meaningless') : t('search.empty', { query: result.query })} />
      <h2 safe>{t('search.tips')}</h2>
      <ul>
        <li safe>{t('search.tipWords')}</li>
        <li>
          <span safe>{t('search.tipBrowse')}</span>{' '}
          <a href="/leistungen" safe>
            {t('situations.life')}
          </a>{' '}
          ·{' '}
          <a href="/leistungen/a-z" safe>
            {t('az.title')}
          </a>
        </li>
        {contact && <li safe>{t('search.tipContact', { phone: contact.phone, email: contact.email })}</li>}
      </ul>
    </>
  );
}

export function SearchView({ ctx, t, result }: { ctx: RequestContext; t: CatalogTranslate; result: SearchResult }) {
  return (
    <Page
      ctx={ctx}
      title={result.query ? `${t('search.title')}: ${result.query}` : t('search.title')}
      crumbs={[{ label: t('home.title'), href: '/leistungen' }, { label: t('search.title') }]}
    >
      <h1 safe>{t('search.title')}</h1>
      <SearchForm t={t} query={result.query} />
      {result.hits.length === 0 ? (
        <EmptySearch ctx={ctx} t={t} result={result} />
      ) : (
        <>
          <p role="status" safe>
            {t('search.resultsFor', { count: result.hits.length, query: result.query })}
          </p>
          {ctx.lang === 'en' && result.hits.some((hit) => !hit.name_en) && (
            <p class="hint" safe>
              {t('list.germanOnly')}
            </p>
          )}
          {result.correctedQuery && <p safe>{t('search.didYouMean', { corrected: result.correctedQuery, query: result.query })}</p>}
          <ol class="search-results">
            {result.hits.map((hit) => (
              <li lang={ctx.lang === 'en' && !hit.name_en ? 'de' : undefined}>
                <h2>
                  <a href={`/leistungen/${hit.slug}`} safe>
                    {hit.name}
                  </a>
                </h2>
                <p safe>{hit.summary}</p>
              </li>
            ))}
          </ol>
        </>
      )}
    </Page>
  );
}

export function OfficesView({
  ctx,
  t,
  offices,
}: {
  ctx: RequestContext;
  t: CatalogTranslate;
  offices: { slug: string; content: OfficeContent }[];
}) {
  const local = offices.map((office) => ({ slug: office.slug, ...localizeOffice(office.content, ctx.lang) }));
  return (
    <Page ctx={ctx} title={t('offices.title')} crumbs={[{ label: t('offices.title') }]}>
      <h1 safe>{t('offices.title')}</h1>
      {local.some((office) => office.german) && (
        <p class="hint" safe>
          {t('office.germanOnly')}
        </p>
      )}
      <ul class="cards">
        {local.map((office) => (
          <Card
            title={office.name}
            href={`/behoerden/${office.slug}`}
            description={office.description}
            level={2}
            lang={office.german ? 'de' : undefined}
          />
        ))}
      </ul>
    </Page>
  );
}
