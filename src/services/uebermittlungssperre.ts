// Übermittlungssperren (§ 50 BMG, § 42 Abs. 3 BMG, § 36 Abs. 2 BMG): objections to data transfers, free of charge.
import type { ServiceDefinitionInput } from '../modules/forms/definition.js';

const definition: ServiceDefinitionInput = {
  id: 'uebermittlungssperre',
  catalog: 'uebermittlungssperre',
  version: 1,
  title: { de: 'Übermittlungssperre beantragen', en: 'Object to data transfers from the register' },
  trustLevel: 'basic',
  applicants: 'person',
  targetUnit: 'FD 2.1',
  retentionDays: 3650,
  steps: [
    {
      id: 'objections',
      title: { de: 'Widersprüche', en: 'Objections' },
      fields: [
        {
          type: 'info',
          name: 'intro',
          text: {
            de: 'Sie können jeder dieser Weitergaben Ihrer Meldedaten widersprechen. Der Widerspruch gilt, bis Sie ihn zurücknehmen.',
            en: 'You can object to each of these transfers of your registration data. The objection applies until you withdraw it.',
          },
        },
        {
          type: 'choice',
          name: 'objections',
          style: 'checkboxes',
          label: { de: 'Ich widerspreche der Weitergabe an', en: 'I object to transfers to' },
          options: [
            {
              value: 'parties',
              label: { de: 'Parteien und Wählergruppen vor Wahlen (§ 50 Abs. 1 BMG)', en: 'Parties before elections (§ 50 (1) BMG)' },
            },
            {
              value: 'jubilees',
              label: {
                de: 'Mandatsträger, Presse und Rundfunk bei Alters- und Ehejubiläen (§ 50 Abs. 2 BMG)',
                en: 'Office holders and press for birthdays and anniversaries (§ 50 (2) BMG)',
              },
            },
            { value: 'addressbooks', label: { de: 'Adressbuchverlage (§ 50 Abs. 3 BMG)', en: 'Address book publishers (§ 50 (3) BMG)' } },
            {
              value: 'bundeswehr',
              label: {
                de: 'Bundesamt für das Personalmanagement der Bundeswehr (§ 36 Abs. 2 BMG)',
                en: 'Federal armed forces personnel office (§ 36 (2) BMG)',
              },
            },
            {
              value: 'religion',
              label: {
                de: 'Religionsgemeinschaften für Familienangehörige (§ 42 Abs. 3 BMG)',
                en: 'Religious communities about family members (§ 42 (3) BMG)',
              },
            },
          ],
        },
      ],
    },
    {
      id: 'person',
      title: { de: 'Ihre Angaben', en: 'Your details' },
      fields: [
        { type: 'text', name: 'name', label: { de: 'Name', en: 'Name' }, prefill: 'name' },
        { type: 'date', name: 'birthDate', label: { de: 'Geburtsdatum', en: 'Date of birth' }, max: { days: 0 }, prefill: 'birthdate' },
        { type: 'text', name: 'street', label: { de: 'Anschrift in Hennef', en: 'Address in Hennef' }, prefill: 'street_address' },
      ],
    },
  ],
  declarations: [{ de: 'Ich versichere, dass meine Angaben richtig sind.', en: 'I confirm that my details are correct.' }],
};

export default definition;
