// Erweiterte Meldebescheinigung: additionally shows earlier addresses, marital status and nationalities (§ 18 BMG).
// It reveals more than the simple one, so the account must be verified at level "substantial".
import type { ServiceDefinitionInput } from '../modules/forms/definition.js';
import { birthDateField, birthPlaceField, nameFields } from '../modules/forms/person-fields.js';

const definition: ServiceDefinitionInput = {
  id: 'meldebescheinigung-erweitert',
  catalog: 'meldebescheinigung-erweitert',
  version: 1,
  title: { de: 'Erweiterte Meldebescheinigung beantragen', en: 'Apply for an extended certificate of registration' },
  trustLevel: 'substantial',
  applicants: 'person',
  fee: 10,
  targetUnit: 'FD 2.1',
  retentionDays: 180,
  steps: [
    {
      id: 'person',
      title: { de: 'Angaben zur Person', en: 'About you' },
      fields: [
        ...nameFields,
        birthDateField(),
        birthPlaceField,
        {
          type: 'address',
          name: 'address',
          label: { de: 'Ihre Anschrift in Hennef', en: 'Your address in Hennef' },
          local: true,
          prefill: 'street_address',
        },
      ],
    },
    {
      id: 'content',
      title: { de: 'Inhalt der Bescheinigung', en: 'Content' },
      fields: [
        {
          type: 'choice',
          name: 'include',
          label: { de: 'Was soll die Bescheinigung zusätzlich enthalten?', en: 'What should the certificate also show?' },
          style: 'checkboxes',
          options: [
            { value: 'previous', label: { de: 'Frühere Anschriften', en: 'Previous addresses' } },
            { value: 'marital', label: { de: 'Familienstand', en: 'Marital status' } },
            { value: 'nationality', label: { de: 'Staatsangehörigkeiten', en: 'Nationalities' } },
            { value: 'religion', label: { de: 'Religionszugehörigkeit', en: 'Religious affiliation' } },
          ],
        },
        {
          type: 'text',
          name: 'purpose',
          label: { de: 'Wofür brauchen Sie die Bescheinigung?', en: 'What do you need it for?' },
          hint: {
            de: 'Zum Beispiel Rentenversicherung, Nachlassgericht, Behörde im Ausland.',
            en: 'For example pension insurance, probate court, a foreign authority.',
          },
          maxLength: 200,
        },
        {
          type: 'choice',
          name: 'delivery',
          label: { de: 'Wie möchten Sie die Bescheinigung erhalten?', en: 'How would you like to receive it?' },
          options: [
            { value: 'post', label: { de: 'Per Post an meine Anschrift', en: 'By post to my address' } },
            { value: 'postfach', label: { de: 'Als PDF in mein Postfach', en: 'As a PDF in my mailbox' } },
          ],
        },
      ],
    },
  ],
  declarations: [{ de: 'Ich versichere, dass meine Angaben richtig sind.', en: 'I confirm that my details are correct.' }],
};

export default definition;
