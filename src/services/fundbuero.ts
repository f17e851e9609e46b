// Fundsache melden oder suchen: report a found item or search for a lost one.
import type { ServiceDefinitionInput } from '../modules/forms/definition.js';

const definition: ServiceDefinitionInput = {
  id: 'fundsache',
  catalog: 'fundbuero',
  version: 1,
  title: { de: 'Fundsache melden oder Verlust anzeigen', en: 'Report a found or lost item' },
  trustLevel: 'none',
  applicants: 'both',
  targetUnit: 'FD 2.1',
  retentionDays: 365,
  steps: [
    {
      id: 'item',
      title: { de: 'Gegenstand', en: 'Item' },
      fields: [
        {
          type: 'choice',
          name: 'direction',
          label: { de: 'Was möchten Sie tun?', en: 'What would you like to do?' },
          options: [
            { value: 'found', label: { de: 'Ich habe etwas gefunden', en: 'I found something' } },
            { value: 'lost', label: { de: 'Ich habe etwas verloren', en: 'I lost something' } },
          ],
        },
        {
          type: 'choice',
          name: 'category',
          style: 'select',
          label: { de: 'Art des Gegenstands', en: 'Kind of item' },
          options: [
            { value: 'keys', label: { de: 'Schlüssel', en: 'Keys' } },
            { value: 'wallet', label: { de: 'Geldbörse oder Ausweis', en: 'Wallet or ID' } },
            { value: 'phone', label: { de: 'Handy oder Elektronik', en: 'Phone or electronics' } },
            { value: 'bike', label: { de: 'Fahrrad', en: 'Bicycle' } },
            { value: 'other', label: { de: 'Anderes', en: 'Other' } },
          ],
        },
        {
          type: 'textarea',
          name: 'description',
          label: { de: 'Beschreibung (Farbe, Marke, Besonderheiten)', en: 'Description (colour, brand, features)' },
          maxLength: 1000,
        },
        { type: 'date', name: 'when', label: { de: 'Wann?', en: 'When?' }, max: { days: 0 }, min: { days: -365 } },
        { type: 'text', name: 'where', label: { de: 'Wo? (Straße, Ort, Haltestelle)', en: 'Where? (street, place, bus stop)' } },
      ],
    },
    {
      id: 'contact',
      title: { de: 'Kontakt', en: 'Contact' },
      fields: [
        { type: 'text', name: 'name', label: { de: 'Name', en: 'Name' }, prefill: 'name' },
        { type: 'email', name: 'email', label: { de: 'E-Mail', en: 'E-mail' }, prefill: 'email' },
        {
          type: 'yesno',
          name: 'finderReward',
          label: {
            de: 'Möchten Sie als Finderin oder Finder Ihre Rechte (Finderlohn, Eigentum nach 6 Monaten) behalten?',
            en: 'As the finder, do you want to keep your rights (reward, ownership after 6 months)?',
          },
          visibleIf: { field: 'direction', equals: 'found' },
        },
      ],
    },
  ],
};

export default definition;
