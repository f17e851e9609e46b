// Untersuchungsberechtigungsschein (Jugendarbeitsschutz): for young people under 18 before their first job.
import type { ServiceDefinitionInput } from '../modules/forms/definition.js';

const definition: ServiceDefinitionInput = {
  id: 'untersuchungsberechtigungsschein',
  catalog: 'untersuchungsberechtigungsschein',
  version: 1,
  title: { de: 'Untersuchungsberechtigungsschein beantragen', en: 'Apply for a youth health check voucher' },
  trustLevel: 'none',
  applicants: 'person',
  targetUnit: 'FD 2.1',
  retentionDays: 365,
  steps: [
    {
      id: 'youth',
      title: { de: 'Angaben zur jugendlichen Person', en: 'About the young person' },
      fields: [
        { type: 'text', name: 'name', label: { de: 'Vor- und Familienname', en: 'Full name' } },
        {
          type: 'date',
          name: 'birthDate',
          label: { de: 'Geburtsdatum', en: 'Date of birth' },
          min: { days: -6570 },
          max: { days: -4380 },
          hint: { de: 'Der Schein ist für Jugendliche von 12 bis unter 18 Jahren.', en: 'For young people aged 12 to under 18.' },
        },
        { type: 'text', name: 'street', label: { de: 'Anschrift in Hennef', en: 'Address in Hennef' } },
        {
          type: 'choice',
          name: 'kind',
          label: { de: 'Welche Untersuchung?', en: 'Which check?' },
          options: [
            { value: 'first', label: { de: 'Erstuntersuchung (vor Beginn der Beschäftigung)', en: 'First check (before starting work)' } },
            { value: 'follow-up', label: { de: 'Nachuntersuchung (nach einem Jahr)', en: 'Follow-up check (after one year)' } },
          ],
        },
        { type: 'email', name: 'email', label: { de: 'E-Mail für den Versand des Scheins', en: 'E-mail to send the voucher to' } },
      ],
    },
  ],
};

export default definition;
