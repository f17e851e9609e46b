// Sperrmüll-Termin: free bulky-waste collection twice a year, up to 5 m³.
// Version 2: the pick-up address is checked against Hennef's street directory.
import type { ServiceDefinitionInput } from '../modules/forms/definition.js';

const definition: ServiceDefinitionInput = {
  id: 'sperrmuell',
  catalog: 'sperrmuell',
  version: 2,
  title: { de: 'Sperrmüll-Abholung anmelden', en: 'Book a bulky-waste collection' },
  trustLevel: 'none',
  applicants: 'both',
  targetUnit: 'SBH',
  retentionDays: 365,
  steps: [
    {
      id: 'items',
      title: { de: 'Was wird abgeholt?', en: 'What is collected?' },
      fields: [
        {
          type: 'choice',
          name: 'kinds',
          style: 'checkboxes',
          label: { de: 'Art des Sperrmülls', en: 'Kind of bulky waste' },
          options: [
            { value: 'furniture', label: { de: 'Möbel', en: 'Furniture' } },
            { value: 'mattresses', label: { de: 'Matratzen und Teppiche', en: 'Mattresses and carpets' } },
            {
              value: 'electrical',
              label: { de: 'Elektrogroßgeräte (Kühlschrank, Waschmaschine)', en: 'Large appliances (fridge, washing machine)' },
            },
            { value: 'wood', label: { de: 'Holz und Metall', en: 'Wood and metal' } },
          ],
        },
        {
          type: 'number',
          name: 'volume',
          label: { de: 'Ungefähre Menge in Kubikmetern', en: 'Approximate volume in cubic metres' },
          min: 0.5,
          max: 5,
          hint: { de: 'Höchstens 5 m³ je Abholung.', en: 'At most 5 m³ per collection.' },
        },
        {
          type: 'textarea',
          name: 'description',
          label: { de: 'Was genau? (freiwillig)', en: 'What exactly? (optional)' },
          required: false,
          maxLength: 500,
        },
      ],
    },
    {
      id: 'place',
      title: { de: 'Abholort und Kontakt', en: 'Pick-up and contact' },
      fields: [
        {
          type: 'address',
          name: 'pickup',
          label: { de: 'Abholadresse in Hennef', en: 'Pick-up address in Hennef' },
          local: true,
          prefill: 'street_address',
        },
        { type: 'text', name: 'name', label: { de: 'Name', en: 'Name' }, prefill: 'name' },
        {
          type: 'email',
          name: 'email',
          label: { de: 'E-Mail für die Terminbestätigung', en: 'E-mail for the confirmation' },
          prefill: 'email',
        },
        {
          type: 'date',
          name: 'earliest',
          label: { de: 'Frühester Abholtermin', en: 'Earliest pick-up date' },
          min: { days: 7 },
          max: { days: 120 },
        },
      ],
    },
  ],
  declarations: [
    {
      de: 'Der Sperrmüll steht am Abholtag ab 6 Uhr gut erreichbar am Straßenrand.',
      en: 'The bulky waste will be at the kerb from 6 am on the collection day.',
    },
  ],
};

export default definition;
