// Einfache Meldebescheinigung: confirms name, birth date and current address (§ 18 BMG). Fee 10 €.
import type { ServiceDefinitionInput } from '../modules/forms/definition.js';
import { birthDateField, nameFields } from '../modules/forms/person-fields.js';

const definition: ServiceDefinitionInput = {
  id: 'meldebescheinigung-einfach',
  catalog: 'meldebescheinigung-einfach',
  version: 1,
  title: { de: 'Einfache Meldebescheinigung beantragen', en: 'Apply for a simple certificate of registration' },
  trustLevel: 'none',
  applicants: 'person',
  fee: 10,
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
            de: 'Die Meldebescheinigung bekommen Sie für sich selbst. Wir prüfen Ihre Angaben gegen das Melderegister.',
            en: 'You receive the certificate for yourself. We check your details against the population register.',
          },
        },
        ...nameFields,
        birthDateField(),
        {
          type: 'text',
          name: 'street',
          label: { de: 'Straße und Hausnummer in Hennef', en: 'Street and number in Hennef' },
          prefill: 'street_address',
        },
      ],
    },
    {
      id: 'delivery',
      title: { de: 'Zustellung', en: 'Delivery' },
      fields: [
        {
          type: 'choice',
          name: 'delivery',
          label: { de: 'Wie möchten Sie die Bescheinigung erhalten?', en: 'How would you like to receive it?' },
          options: [
            { value: 'post', label: { de: 'Per Post an meine Anschrift', en: 'By post to my address' } },
            { value: 'email', label: { de: 'Als PDF per E-Mail', en: 'As a PDF by e-mail' } },
          ],
        },
        {
          type: 'email',
          name: 'email',
          label: { de: 'E-Mail-Adresse', en: 'E-mail address' },
          prefill: 'email',
          visibleIf: { field: 'delivery', equals: 'email' },
        },
        {
          type: 'text',
          name: 'purpose',
          label: { de: 'Wofür brauchen Sie die Bescheinigung? (freiwillig)', en: 'What do you need it for? (optional)' },
          required: false,
          maxLength: 200,
        },
      ],
    },
  ],
  declarations: [{ de: 'Ich versichere, dass meine Angaben richtig sind.', en: 'I confirm that my details are correct.' }],
};

export default definition;
