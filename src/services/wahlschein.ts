// Wahlscheinantrag (postal vote): by Friday 15:00 before the election; documents by post or for collection.
import type { ServiceDefinitionInput } from '../modules/forms/definition.js';
import { birthDateField, nameFields } from '../modules/forms/person-fields.js';

const definition: ServiceDefinitionInput = {
  id: 'wahlschein',
  catalog: 'wahlschein',
  version: 1,
  title: { de: 'Wahlschein und Briefwahl beantragen', en: 'Apply for a postal vote' },
  trustLevel: 'none',
  applicants: 'person',
  targetUnit: 'FD 2.1',
  retentionDays: 180,
  steps: [
    {
      id: 'voter',
      title: { de: 'Angaben aus der Wahlbenachrichtigung', en: 'Details from your polling card' },
      fields: [
        ...nameFields,
        birthDateField(-5840),
        { type: 'text', name: 'street', label: { de: 'Anschrift in Hennef', en: 'Address in Hennef' }, prefill: 'street_address' },
        {
          type: 'text',
          name: 'register',
          label: { de: 'Nummer im Wählerverzeichnis (freiwillig)', en: 'Number in the electoral roll (optional)' },
          required: false,
          pattern: '\\d{1,6}',
          hint: { de: 'Steht auf Ihrer Wahlbenachrichtigung.', en: 'Printed on your polling card.' },
        },
      ],
    },
    {
      id: 'delivery',
      title: { de: 'Versand', en: 'Delivery' },
      fields: [
        {
          type: 'choice',
          name: 'delivery',
          label: { de: 'Wohin sollen die Unterlagen gehen?', en: 'Where should the documents go?' },
          options: [
            { value: 'home', label: { de: 'An meine Wohnanschrift', en: 'To my home address' } },
            { value: 'other', label: { de: 'An eine andere Anschrift', en: 'To another address' } },
            { value: 'collect', label: { de: 'Ich hole sie im Bürgeramt ab', en: 'I collect them at the citizens’ office' } },
          ],
        },
        {
          type: 'textarea',
          name: 'otherAddress',
          label: { de: 'Andere Anschrift', en: 'Other address' },
          visibleIf: { field: 'delivery', equals: 'other' },
          maxLength: 300,
        },
      ],
    },
  ],
  declarations: [
    {
      de: 'Ich versichere, dass ich den Wahlschein für mich selbst beantrage.',
      en: 'I confirm that I apply for the polling card for myself.',
    },
  ],
};

export default definition;
