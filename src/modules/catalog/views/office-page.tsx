// The office page: address, open now, weekly hours and exceptions, accessibility, map, people and services.
import type { RequestContext } from '../../../platform/http/context.js';
import type { TownGeo } from '../../../platform/db/tables.js';
import { Card } from '../../../platform/ui/components.js';
import { PlaceMap } from '../../../platform/geo/map.js';
import { Page } from '../../../platform/ui/layout.js';
import { weeklyTable, type OpenState } from '../opening-hours.js';
import { localizeOffice } from '../present.js';
import type { ContactContent, OfficeContent } from '../schema.js';
import type { CatalogTranslate, CatalogTextKey } from '../texts.js';
import { ContactCard, OpenBadge } from './responsible.js';
import type { ServiceLink } from './public.js';

type Props = {
  ctx: RequestContext;
  t: CatalogTranslate;
  office: OfficeContent;
  state: OpenState;
  contacts: ContactContent[];
  services: ServiceLink[];
  geo: TownGeo | undefined;
  tileUrl: string | undefined;
  /** schema.org GovernmentOffice (structured-data.ts). */
  jsonLd: string;
};

function Hours({ t, office }: Pick<Props, 't' | 'office'>) {
  return (
    <section aria-labelledby="hours">
      <h2 id="hours" safe>
        {t('office.hours')}
      </h2>
      <table class="hours">
        <caption class="visually-hidden" safe>
          {t('office.hours')}
        </caption>
        <tbody>
          {weeklyTable(office).map((row) => (
            <tr>
              <th scope="row" safe>
                {t(`weekday.${row.day}` as CatalogTextKey)}
              </th>
              <td safe>{row.slots.length ? row.slots.join(', ') : t('office.closed')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {office.closedOnHolidays && <p safe>{t('office.holidays')}</p>}
      {office.exceptions.length > 0 && (
        <>
          <h3 safe>{t('office.exceptions')}</h3>
          <ul>
            {office.exceptions.map((day) => (
              <li
                safe
              >{`${day.date.split('-').reverse().join('.')}: ${day.closed ? t('office.closed') : `${day.opens}–${day.closes}`}${day.note ? ` (${day.note})` : ''}`}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

export function OfficePageView(props: Props) {
  const { ctx, t } = props;
  const office = localizeOffice(props.office, ctx.lang);
  /** What the town has not translated is marked lang="de" on the English page. */
  const german = (english: string | undefined) => (ctx.lang === 'en' && !english ? 'de' : undefined);
  const en = props.office.translations.en;
  return (
    <Page ctx={ctx} title={office.name} crumbs={[{ label: t('offices.title'), href: '/behoerden' }, { label: office.name }]}>
      <script type="application/ld+json">{props.jsonLd}</script>
      <h1 lang={german(en?.name)} safe>
        {office.name}
      </h1>
      {office.german && (
        <p class="hint" safe>
          {t('office.germanOnly')}
        </p>
      )}
      {office.description && (
        <p class="lead" lang={german(en?.description)} safe>
          {office.description}
        </p>
      )}
      <OpenBadge state={props.state} lang={ctx.lang} t={t} />
      <div class="two-columns">
        <section aria-labelledby="address">
          <h2 id="address" safe>
            {t('office.address')}
          </h2>
          <p safe>{`${office.street}, ${office.postalCode} ${office.city}`}</p>
          <h2 safe>{t('office.contact')}</h2>
          <p>
            {office.phone && (
              <a href={`tel:${office.phone.replace(/[^\d+]/g, '')}`} safe>
                {office.phone}
              </a>
            )}
            {office.email && (
              <>
                {' '}
                ·{' '}
                <a href={`mailto:${office.email}`} safe>
                  {office.email}
                </a>
              </>
            )}
            {office.contactFormUrl && (
              <>
                {' '}
                ·{' '}
                <a href={office.contactFormUrl} safe>
                  {t('office.contactForm')}
                </a>
              </>
            )}
          </p>
          <h2 safe>{t('office.accessibility')}</h2>
          <ul>
            <li safe>{office.stepFree ? t('office.stepFree') : t('office.notStepFree')}</li>
            {office.parking && <li safe>{t('office.parking')}</li>}
            {office.accessibilityNote && (
              <li lang={german(en?.accessibilityNote)} safe>
                {office.accessibilityNote}
              </li>
            )}
          </ul>
        </section>
        <Hours t={t} office={office} />
      </div>
      {office.latitude !== undefined && office.longitude !== undefined && (
        <section aria-labelledby="map">
          <h2 id="map" safe>
            {t('office.map')}
          </h2>
          <PlaceMap
            geo={props.geo}
            focus={{ lat: office.latitude, lng: office.longitude }}
            label={`${office.name}: ${t('office.mapLink')}`}
            tileUrl={props.tileUrl}
            attribution="© OpenStreetMap"
          />
        </section>
      )}
      {props.contacts.length > 0 && (
        <section>
          <h2 safe>{t('office.people')}</h2>
          <ul class="contacts">
            {props.contacts.map((contact) => (
              <ContactCard contact={contact} t={t} lang={ctx.lang} />
            ))}
          </ul>
        </section>
      )}
      <section>
        <h2 safe>{t('office.services')}</h2>
        {props.services.length === 0 ? (
          <p safe>{t('list.none')}</p>
        ) : (
          <ul class="cards">
            {props.services.map((service) => (
              <Card
                title={service.name}
                href={`/leistungen/${service.slug}`}
                description={service.summary}
                lang={service.german ? 'de' : undefined}
              />
            ))}
          </ul>
        )}
      </section>
    </Page>
  );
}
