// Ferienbetreuung: parents register children (6 to 12 years) for the town's summer holiday programme, week by
// week; 40 € per child and week, at most three weeks per child (more than 200 applications in 2023).
import type { ServiceDefinitionInput } from '../modules/forms/definition.js';

const definition: ServiceDefinitionInput = {
  id: 'ferienbetreuung',
  catalog: 'ferienspiele',
  version: 1,
  title: { de: 'Ferienbetreuung anmelden', en: 'Register for holiday childcare' },
  trustLevel: 'basic',
  applicants: 'person',
  fee: { sumOver: 'children', of: { times: [{ field: 'weeks' }, 40] } },
  targetUnit: 'FD 4.1',
  retentionDays: 730,
  steps: [
    {
      id: 'parent',
      title: { de: 'Erziehungsberechtigte', en: 'Parent or guardian' },
      fields: [
        { type: 'text', name: 'parentName', label: { de: 'Name', en: 'Name' }, prefill: 'name', maxLength: 120 },
        { type: 'address', name: 'address', label: { de: 'Anschrift', en: 'Address' }, prefill: 'street_address' },
        { type: 'phone', name: 'phone', label: { de: 'Telefon für Notfälle', en: 'Emergency phone' } },
        { type: 'email', name: 'email', label: { de: 'E-Mail-Adresse', en: 'E-mail address' }, prefill: 'email' },
      ],
    },
    {
      id: 'children',
      title: { de: 'Kinder und Wochen', en: 'Children and weeks' },
      fields: [
        {
          type: 'group',
          name: 'children',
          label: { de: 'Kinder', en: 'Children' },
          itemLabel: { de: 'Kind', en: 'Child' },
          min: 1,
          max: 4,
          fields: [
            { type: 'text', name: 'childName', label: { de: 'Vor- und Familienname', en: 'Full name' }, maxLength: 120 },
            {
              type: 'date',
              name: 'childBirthDate',
              label: { de: 'Geburtsdatum (6 bis 12 Jahre)', en: 'Date of birth (6 to 12 years)' },
              min: { days: -4748 },
              max: { days: -2191 },
            },
            {
              type: 'choice',
              name: 'block',
              label: { de: 'Zeitraum', en: 'Period' },
              options: [
                { value: 'first', label: { de: '1.–3. Ferienwoche', en: 'Holiday weeks 1–3' } },
                { value: 'second', label: { de: '4.–6. Ferienwoche', en: 'Holiday weeks 4–6' } },
              ],
            },
            { type: 'number', name: 'weeks', label: { de: 'Anzahl Wochen (1 bis 3)', en: 'Number of weeks (1 to 3)' }, min: 1, max: 3 },
            { type: 'yesno', name: 'lunch', label: { de: 'Mittagessen gewünscht?', en: 'Lunch wanted?' } },
            {
              type: 'textarea',
              name: 'health',
              label: { de: 'Allergien, Medikamente oder Hinweise (freiwillig)', en: 'Allergies, medication or notes (optional)' },
              required: false,
              maxLength: 1000,
            },
          ],
        },
        {
          type: 'computed',
          name: 'fee',
          label: { de: 'Teilnahmebeitrag', en: 'Fee' },
          format: 'money',
          expression: { sumOver: 'children', of: { times: [{ field: 'weeks' }, 40] } },
        },
        {
          type: 'info',
          name: 'reduction',
          text: {
            de: 'Mit dem Hennef-Pass oder Leistungen nach dem Bildungs- und Teilhabepaket entfällt der Beitrag; legen Sie den Nachweis bitte bei.',
            en: 'With the Hennef pass or education-and-participation benefits there is no fee; please attach proof.',
          },
        },
        {
          type: 'file',
          name: 'proof',
          label: { de: 'Nachweis für Beitragsbefreiung (freiwillig)', en: 'Proof for fee exemption (optional)' },
          required: false,
          maxFiles: 2,
        },
      ],
    },
  ],
  declarations: [
    { de: 'Ich bin für die angemeldeten Kinder sorgeberechtigt.', en: 'I have parental responsibility for the children registered.' },
    { de: 'Ich habe die Teilnahmebedingungen gelesen.', en: 'I have read the terms of participation.' },
  ],
};

export default definition;
