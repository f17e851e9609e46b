// Hausnummernvergabe: the owner of a new building asks the town to allot a house number.
import type { ServiceDefinitionInput } from '../modules/forms/definition.js';

const definition: ServiceDefinitionInput = {
  id: 'hausnummer',
  catalog: 'hausnummer',
  version: 1,
  title: { de: 'Hausnummer beantragen', en: 'Apply for a house number' },
  trustLevel: 'basic',
  applicants: 'both',
  fee: 40,
  targetUnit: 'FD 5.1',
  retentionDays: 3650,
  steps: [
    {
      id: 'property',
      title: { de: 'Grundstück', en: 'Property' },
      fields: [
        {
          type: 'location',
          name: 'site',
          label: { de: 'Lage des Grundstücks', en: 'Location of the property' },
          hint: {
            de: 'Straße, an der der Zugang liegt, z. B. „Wippenhohner Straße, neben Nr. 12“.',
            en: 'Street the entrance faces, e.g. “Wippenhohner Straße, next to no. 12”.',
          },
        },
        { type: 'text', name: 'gemarkung', label: { de: 'Gemarkung', en: 'Cadastral district' }, maxLength: 60 },
        { type: 'text', name: 'flur', label: { de: 'Flur', en: 'Flur' }, pattern: '\\d{1,3}', maxLength: 3 },
        { type: 'text', name: 'flurstueck', label: { de: 'Flurstück', en: 'Parcel' }, pattern: '\\d{1,5}(/\\d{1,4})?', maxLength: 10 },
        {
          type: 'choice',
          name: 'building',
          label: { de: 'Art des Gebäudes', en: 'Type of building' },
          style: 'select',
          options: [
            { value: 'house', label: { de: 'Einfamilienhaus', en: 'Detached house' } },
            { value: 'semi', label: { de: 'Doppel- oder Reihenhaus', en: 'Semi-detached or terraced house' } },
            { value: 'flats', label: { de: 'Mehrfamilienhaus', en: 'Block of flats' } },
            { value: 'commercial', label: { de: 'Gewerbe', en: 'Commercial' } },
          ],
        },
        { type: 'number', name: 'entrances', label: { de: 'Anzahl der Hauseingänge', en: 'Number of entrances' }, min: 1, max: 20 },
        {
          type: 'date',
          name: 'ready',
          label: { de: 'Voraussichtliche Fertigstellung', en: 'Expected completion' },
          min: { days: 0 },
          max: { days: 1460 },
        },
      ],
    },
    {
      id: 'owner',
      title: { de: 'Eigentümerin oder Eigentümer', en: 'Owner' },
      fields: [
        { type: 'text', name: 'ownerName', label: { de: 'Name oder Firma', en: 'Name or company' }, prefill: 'name', maxLength: 120 },
        { type: 'address', name: 'ownerAddress', label: { de: 'Anschrift', en: 'Address' }, prefill: 'street_address' },
        { type: 'email', name: 'email', label: { de: 'E-Mail-Adresse', en: 'E-mail address' }, prefill: 'email' },
        {
          type: 'file',
          name: 'sitePlan',
          label: { de: 'Lageplan mit Lage der Hauseingänge', en: 'Site plan showing the entrances' },
          maxFiles: 2,
        },
      ],
    },
  ],
  declarations: [
    {
      de: 'Ich bin Eigentümerin oder Eigentümer des Grundstücks oder handle in deren Auftrag.',
      en: 'I own the property or act on the owner’s behalf.',
    },
  ],
};

export default definition;
