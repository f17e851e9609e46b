// schema.org JSON-LD of the platform: the town's administration (GovernmentOrganization serving the City), on
// the home page. Typed with schema-dts.
import type { City, GovernmentOrganization, WithContext } from 'schema-dts';

/** JSON for a `<script type="application/ld+json">`: `<` escaped so the text cannot end the script. */
export const jsonLdText = (data: object): string => JSON.stringify(data).replace(/</g, '\\u003c');

/** The town itself: its administration as a GovernmentOrganization serving the city. */
export function townJsonLd(
  town: { name: string; contact?: { address: string; phone: string; email: string } },
  baseUrl: string,
): WithContext<GovernmentOrganization> {
  // "Stadt Hennef (Sieg)" is the administration's name; the city is "Hennef (Sieg)".
  const city: City = { '@type': 'City', name: town.name.replace(/^(Stadt|Gemeinde)\s+/, '') };
  return {
    '@context': 'https://schema.org',
    '@type': 'GovernmentOrganization',
    name: town.name,
    url: `${baseUrl}/`,
    areaServed: city,
    ...(town.contact
      ? {
          address: town.contact.address,
          telephone: town.contact.phone,
          email: town.contact.email,
        }
      : {}),
  };
}
