// The "who and where" blocks shared by service and office pages: an office with its open state, contact persons.
import type { Lang } from '../../../platform/i18n/index.js';
import type { OpenState } from '../opening-hours.js';
import type { ContactContent, OfficeContent } from '../schema.js';
import { localizeContact } from '../present.js';
import type { CatalogTranslate } from '../texts.js';

export function OpenBadge({ state, lang, t }: { state: OpenState; lang: Lang; t: CatalogTranslate }) {
  if (state.open)
    return (
      <p class="open-state open-state--open" safe>
        {t('office.openNow', { time: state.closes })}
      </p>
    );
  if (!state.next)
    return (
      <p class="open-state" safe>
        {t('office.closedLong')}
      </p>
    );
  const date = new Intl.DateTimeFormat(lang === 'de' ? 'de-DE' : 'en-GB', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    timeZone: 'UTC',
  }).format(new Date(`${state.next.date}T12:00:00Z`));
  return (
    <p class="open-state" safe>
      {state.next.today ? t('office.opensToday', { time: state.next.opens }) : t('office.opensOn', { date, time: state.next.opens })}
    </p>
  );
}

/** The role in the reader's language; one the town has not translated is marked lang="de". */
export function ContactCard({
  contact,
  t,
  scope,
  lang = 'de',
}: {
  contact: ContactContent;
  t: CatalogTranslate;
  scope?: string;
  lang?: Lang;
}) {
  const local = localizeContact(contact, lang);
  return (
    <li class="contact">
      <p>
        <strong safe>{contact.name}</strong>,{' '}
        <span lang={local.german ? 'de' : undefined} safe>
          {local.role}
        </span>
      </p>
      {scope && <p safe>{scope}</p>}
      <p>
        {contact.phone && (
          <a href={`tel:${contact.phone.replace(/[^\d+]/g, '')}`} safe>
            {contact.phone}
          </a>
        )}
        {contact.email && (
          <>
            {' '}
            ·{' '}
            <a href={`mailto:${contact.email}`} safe>
              {contact.email}
            </a>
          </>
        )}
        {contact.room && <span safe>{` · ${t('office.room', { room: contact.room })}`}</span>}
      </p>
    </li>
  );
}

export function OfficeSummary({
  slug,
  office,
  state,
  lang,
  t,
}: {
  slug: string;
  office: OfficeContent;
  state: OpenState;
  lang: Lang;
  t: CatalogTranslate;
}) {
  const name = lang === 'en' ? office.translations.en?.name : office.name;
  return (
    <div class="office-summary">
      <h3>
        <a href={`/behoerden/${slug}`} lang={name ? undefined : 'de'} safe>
          {name ?? office.name}
        </a>
      </h3>
      <p safe>{`${office.street}, ${office.postalCode} ${office.city}`}</p>
      <OpenBadge state={state} lang={lang} t={t} />
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
      </p>
    </div>
  );
}
