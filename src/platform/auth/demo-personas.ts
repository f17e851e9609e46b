// Demo people and companies of the embedded identity provider, living in Hennef (Sieg).
export type DemoPersona = {
  id: string;
  kind: 'person' | 'business';
  label: string;
  claims: Record<string, unknown>;
};

const hennef = (street: string, postal = '53773', locality = 'Hennef (Sieg)') => ({
  street_address: street,
  postal_code: postal,
  locality,
  country: 'DE',
});

export const demoPersonas: DemoPersona[] = [
  {
    id: 'erika-mustermann',
    kind: 'person',
    label: 'Erika Mustermann, Frankfurter Straße 97',
    claims: {
      given_name: 'Erika',
      family_name: 'Mustermann',
      name: 'Erika Mustermann',
      birthdate: '1964-08-12',
      email: 'erika.mustermann@example.org',
      address: hennef('Frankfurter Straße 97'),
    },
  },
  {
    id: 'jonas-becker',
    kind: 'person',
    label: 'Jonas Becker, Uckerath',
    claims: {
      given_name: 'Jonas',
      family_name: 'Becker',
      name: 'Jonas Becker',
      birthdate: '1991-03-02',
      email: 'jonas.becker@example.org',
      address: hennef('Westerwaldstraße 12', '53773', 'Hennef-Uckerath'),
    },
  },
  {
    id: 'siegtal-baeckerei',
    kind: 'business',
    label: 'Siegtal Bäckerei GmbH (Unternehmen)',
    claims: {
      name: 'Siegtal Bäckerei GmbH',
      organization: 'Siegtal Bäckerei GmbH',
      email: 'info@siegtal-baeckerei.example',
      address: hennef('Bahnhofstraße 5'),
    },
  },
];

export const trustLevels = ['basic', 'substantial', 'high'] as const;
export type TrustLevel = (typeof trustLevels)[number];

export function findPersona(id: string): DemoPersona | undefined {
  return demoPersonas.find((persona) => persona.id === id);
}
