// SEPA-Lastschriftmandat for the town's taxes and charges (Hundesteuer, Grundbesitzabgaben).
import type { ServiceDefinitionInput } from '../modules/forms/definition.js';

const definition: ServiceDefinitionInput = {
  id: 'lastschriftmandat',
  catalog: 'lastschriftmandat',
  version: 1,
  title: { de: 'SEPA-Lastschriftmandat erteilen', en: 'Grant a SEPA direct debit mandate' },
  trustLevel: 'basic',
  applicants: 'both',
  targetUnit: 'FD 6.2',
  retentionDays: 3650,
  steps: [
    {
      id: 'mandate',
      title: { de: 'Mandat', en: 'Mandate' },
      fields: [
        {
          type: 'choice',
          name: 'charges',
          style: 'checkboxes',
          label: { de: 'Für welche Abgaben?', en: 'For which charges?' },
          options: [
            { value: 'dog', label: { de: 'Hundesteuer', en: 'Dog tax' } },
            { value: 'property', label: { de: 'Grundbesitzabgaben', en: 'Property charges' } },
            { value: 'trade', label: { de: 'Gewerbesteuer', en: 'Trade tax' } },
          ],
        },
        {
          type: 'text',
          name: 'reference',
          label: { de: 'Kassenzeichen (steht auf Ihrem Bescheid)', en: 'Payment reference (on your notice)' },
          pattern: '[0-9./ -]{4,30}',
        },
        { type: 'text', name: 'accountHolder', label: { de: 'Kontoinhaberin oder Kontoinhaber', en: 'Account holder' }, prefill: 'name' },
        { type: 'iban', name: 'iban', label: { de: 'IBAN', en: 'IBAN' } },
      ],
    },
  ],
  declarations: [
    {
      de: 'Ich ermächtige die Stadt Hennef, Zahlungen von meinem Konto mittels Lastschrift einzuziehen. Zugleich weise ich mein Kreditinstitut an, die Lastschriften einzulösen.',
      en: 'I authorise the town of Hennef to collect payments from my account by direct debit and instruct my bank to honour them.',
    },
    {
      de: 'Ich kann innerhalb von acht Wochen ab Belastung die Erstattung verlangen.',
      en: 'I can demand a refund within eight weeks of the debit.',
    },
  ],
};

export default definition;
