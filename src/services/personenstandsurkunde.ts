// Personenstandsurkunden (birth, marriage, death certificates): only with the eID (trust level high), 12 € each.
// Version 2: the fee is paid online before the order counts as received.
import type { ServiceDefinitionInput } from '../modules/forms/definition.js';

const definition: ServiceDefinitionInput = {
  id: 'personenstandsurkunde',
  catalog: 'personenstandsurkunde',
  version: 2,
  title: { de: 'Personenstandsurkunde anfordern', en: 'Order a civil status certificate' },
  trustLevel: 'high',
  applicants: 'person',
  fee: { times: [{ field: 'copies' }, 12] },
  payment: 'online',
  targetUnit: 'FD 2.2',
  retentionDays: 365,
  steps: [
    {
      id: 'certificate',
      title: { de: 'Urkunde', en: 'Certificate' },
      fields: [
        {
          type: 'choice',
          name: 'kind',
          label: { de: 'Welche Urkunde brauchen Sie?', en: 'Which certificate do you need?' },
          options: [
            { value: 'birth', label: { de: 'Geburtsurkunde', en: 'Birth certificate' } },
            { value: 'marriage', label: { de: 'Eheurkunde', en: 'Marriage certificate' } },
            { value: 'death', label: { de: 'Sterbeurkunde', en: 'Death certificate' } },
          ],
        },
        { type: 'text', name: 'personName', label: { de: 'Name der Person, um die es geht', en: 'Name of the person concerned' } },
        {
          type: 'date',
          name: 'eventDate',
          label: { de: 'Datum der Geburt, Eheschließung oder des Todes', en: 'Date of birth, marriage or death' },
          max: { days: 0 },
        },
        {
          type: 'choice',
          name: 'relation',
          label: { de: 'Ihr Verhältnis zu dieser Person', en: 'Your relation to this person' },
          style: 'select',
          options: [
            { value: 'self', label: { de: 'Ich selbst', en: 'Myself' } },
            { value: 'spouse', label: { de: 'Ehegatte', en: 'Spouse' } },
            { value: 'relative', label: { de: 'Verwandt in gerader Linie', en: 'Direct relative' } },
            { value: 'other', label: { de: 'Anderes berechtigtes Interesse', en: 'Other legitimate interest' } },
          ],
        },
        {
          type: 'textarea',
          name: 'interest',
          label: { de: 'Begründen Sie Ihr rechtliches Interesse', en: 'Explain your legal interest' },
          visibleIf: { field: 'relation', equals: 'other' },
          maxLength: 1000,
        },
        { type: 'number', name: 'copies', label: { de: 'Anzahl der Urkunden', en: 'Number of certificates' }, min: 1, max: 10 },
      ],
    },
    {
      id: 'applicant',
      title: { de: 'Ihre Angaben', en: 'Your details' },
      fields: [
        { type: 'text', name: 'name', label: { de: 'Ihr Name', en: 'Your name' }, prefill: 'name' },
        { type: 'text', name: 'street', label: { de: 'Anschrift für den Versand', en: 'Postal address' }, prefill: 'street_address' },
      ],
    },
  ],
  declarations: [
    {
      de: 'Ich versichere, dass ich zum Bezug der Urkunde berechtigt bin (§ 62 PStG).',
      en: 'I confirm that I am entitled to receive the certificate (§ 62 PStG).',
    },
  ],
};

export default definition;
