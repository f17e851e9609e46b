// schema.org JSON-LD for search engines and assistants: a service (GovernmentService with its channels: online,
// by phone, in person), an office (GovernmentOffice with address, position, opening hours and their exceptions,
// contact points); the town itself is in platform/ui/structured-data.ts. Typed with schema-dts, so a property
// schema.org does not know, or a value of the wrong type, fails the type check.
import type {
  ContactPoint,
  DayOfWeek,
  GovernmentOffice,
  GovernmentService,
  OpeningHoursSpecification,
  ServiceChannel,
  WithContext,
} from 'schema-dts';
import type { OfficeContent, ServiceContent } from './schema.js';
export { jsonLdText } from '../../platform/ui/structured-data.js';

const DAYS: DayOfWeek[] = [
  'https://schema.org/Monday',
  'https://schema.org/Tuesday',
  'https://schema.org/Wednesday',
  'https://schema.org/Thursday',
  'https://schema.org/Friday',
  'https://schema.org/Saturday',
  'https://schema.org/Sunday',
];

function openingHours(office: OfficeContent): OpeningHoursSpecification[] {
  return office.hours.map((slot) => ({
    '@type': 'OpeningHoursSpecification',
    dayOfWeek: DAYS[slot.day - 1]!,
    opens: slot.opens,
    closes: slot.closes,
  }));
}

/** Days that differ from the week: closed (opens = closes = 00:00, as schema.org says) or other hours. */
function exceptions(office: OfficeContent): OpeningHoursSpecification[] {
  return office.exceptions.map((day) => ({
    '@type': 'OpeningHoursSpecification',
    validFrom: day.date,
    validThrough: day.date,
    opens: day.closed ? '00:00' : (day.opens ?? '00:00'),
    closes: day.closed ? '00:00' : (day.closes ?? '00:00'),
    ...(day.note ? { description: day.note } : {}),
  }));
}

function contactPoints(office: OfficeContent): ContactPoint[] {
  if (!office.phone && !office.email) return [];
  return [
    {
      '@type': 'ContactPoint',
      contactType: 'customer service',
      ...(office.phone ? { telephone: office.phone } : {}),
      ...(office.email ? { email: office.email } : {}),
      availableLanguage: ['de', 'en'],
    },
  ];
}

function officeData(office: OfficeContent, url: string): Exclude<GovernmentOffice, string> {
  return {
    '@type': 'GovernmentOffice',
    name: office.name,
    url,
    ...(office.description ? { description: office.description } : {}),
    address: {
      '@type': 'PostalAddress',
      streetAddress: office.street,
      postalCode: office.postalCode,
      addressLocality: office.city,
      addressCountry: 'DE',
    },
    ...(office.latitude !== undefined && office.longitude !== undefined
      ? { geo: { '@type': 'GeoCoordinates', latitude: office.latitude, longitude: office.longitude } }
      : {}),
    ...(office.phone ? { telephone: office.phone } : {}),
    ...(office.email ? { email: office.email } : {}),
    openingHoursSpecification: openingHours(office),
    ...(office.exceptions.length > 0 ? { specialOpeningHoursSpecification: exceptions(office) } : {}),
    ...(contactPoints(office).length > 0 ? { contactPoint: contactPoints(office) } : {}),
    isAccessibleForFree: true,
  };
}

export function governmentOfficeJsonLd(office: OfficeContent, url: string): WithContext<GovernmentOffice> {
  return { '@context': 'https://schema.org', ...officeData(office, url) };
}

/** The ways to use a service: online (its form), by phone and in person at the responsible offices. */
function channels(service: ServiceContent, offices: { content: OfficeContent; url: string }[]): ServiceChannel[] {
  const online: ServiceChannel[] = service.onlineService ? [{ '@type': 'ServiceChannel', serviceUrl: service.onlineService.url }] : [];
  const inPerson: ServiceChannel[] = offices.map(({ content, url }) => ({
    '@type': 'ServiceChannel',
    serviceLocation: officeData(content, url),
    ...(content.phone ? { servicePhone: { '@type': 'ContactPoint', telephone: content.phone } } : {}),
  }));
  return [...online, ...inPerson];
}

export function governmentServiceJsonLd(
  service: ServiceContent,
  url: string,
  town: string,
  offices: { content: OfficeContent; url: string }[] = [],
): WithContext<GovernmentService> {
  const available = channels(service, offices);
  return {
    '@context': 'https://schema.org',
    '@type': 'GovernmentService',
    name: service.name,
    description: service.summary,
    url,
    serviceType: service.name,
    provider: { '@type': 'GovernmentOrganization', name: service.elsewhere?.name ?? town },
    areaServed: { '@type': 'City', name: town },
    ...(available.length > 0 ? { availableChannel: available } : {}),
    ...(service.costs.kind === 'fixed' ? { offers: { '@type': 'Offer', price: service.costs.amount, priceCurrency: 'EUR' } } : {}),
    ...(service.leikaKey ? { identifier: service.leikaKey } : {}),
  };
}
