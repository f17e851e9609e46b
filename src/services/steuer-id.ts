// Steuer-ID anfordern: the citizens' office helps to ask the Federal Central Tax Office to send it again.
import type { ServiceDefinitionInput } from '../modules/forms/definition.js';
import { birthDateField, nameFields } from '../modules/forms/person-fields.js';

const definition: ServiceDefinitionInput = {
  id: 'steuer-id',
  catalog: 'steuer-id',
  version: 1,
  title: { de: 'Steuer-Identifikationsnummer erneut anfordern', en: 'Request your tax ID again' },
  trustLevel: 'basic',
  applicants: 'person',
  targetUnit: 'FD 2.1',
  retentionDays: 180,
  steps: [
    {
      id: 'person',
      title: { de: 'Angaben zur Person', en: 'About you' },
      fields: [
        {
          type: 'info',
          name: 'intro',
          text: {
            de: 'Die Steuer-ID wird aus Datenschutzgründen nur per Post an Ihre Meldeanschrift geschickt.',
            en: 'For data protection, the tax ID is only sent by post to your registered address.',
          },
        },
        ...nameFields,
        birthDateField(),
        { type: 'text', name: 'birthPlace', label: { de: 'Geburtsort', en: 'Place of birth' }, maxLength: 100 },
        {
          type: 'text',
          name: 'street',
          label: { de: 'Meldeanschrift in Hennef', en: 'Registered address in Hennef' },
          prefill: 'street_address',
        },
      ],
    },
  ],
};

export default definition;
