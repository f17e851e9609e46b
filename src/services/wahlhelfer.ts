// Wahlhelfer-Meldung: volunteer for an election board. No account needed.
import type { ServiceDefinitionInput } from '../modules/forms/definition.js';

const definition: ServiceDefinitionInput = {
  id: 'wahlhelfer',
  catalog: 'wahlhelfer',
  version: 1,
  title: { de: 'Als Wahlhelferin oder Wahlhelfer melden', en: 'Volunteer as a poll worker' },
  trustLevel: 'none',
  applicants: 'person',
  targetUnit: 'FD 2.1',
  retentionDays: 730,
  steps: [
    {
      id: 'person',
      title: { de: 'Ihre Kontaktdaten', en: 'Your contact details' },
      fields: [
        { type: 'text', name: 'name', label: { de: 'Vor- und Familienname', en: 'Full name' }, prefill: 'name' },
        {
          type: 'date',
          name: 'birthDate',
          label: { de: 'Geburtsdatum', en: 'Date of birth' },
          max: { days: -6570 },
          hint: { de: 'Wahlhelfende müssen volljährig sein.', en: 'Poll workers must be 18 or older.' },
        },
        { type: 'email', name: 'email', label: { de: 'E-Mail-Adresse', en: 'E-mail address' }, prefill: 'email' },
        { type: 'phone', name: 'phone', label: { de: 'Telefon (freiwillig)', en: 'Phone (optional)' }, required: false },
      ],
    },
    {
      id: 'wishes',
      title: { de: 'Ihre Wünsche', en: 'Your preferences' },
      fields: [
        {
          type: 'choice',
          name: 'role',
          label: { de: 'Welche Aufgabe übernehmen Sie gern?', en: 'Which role would you like?' },
          options: [
            { value: 'member', label: { de: 'Beisitz', en: 'Member' } },
            { value: 'chair', label: { de: 'Wahlvorstand', en: 'Chair' } },
            { value: 'any', label: { de: 'Egal', en: 'Any' } },
          ],
        },
        {
          type: 'yesno',
          name: 'experience',
          label: { de: 'Haben Sie schon einmal bei einer Wahl geholfen?', en: 'Have you helped at an election before?' },
        },
        {
          type: 'textarea',
          name: 'notes',
          label: { de: 'Hinweise (freiwillig)', en: 'Notes (optional)' },
          required: false,
          maxLength: 1000,
        },
      ],
    },
  ],
  declarations: [
    {
      de: 'Ich bin damit einverstanden, dass meine Angaben für die Wahlorganisation gespeichert werden.',
      en: 'I agree that my details are stored for organising the election.',
    },
  ],
};

export default definition;
