// Hundeabmeldung: the dog died, was given away or the owner moves away; the tax tag is returned.
import type { ServiceDefinitionInput } from '../modules/forms/definition.js';

const definition: ServiceDefinitionInput = {
  id: 'hundeabmeldung',
  catalog: 'hundeabmeldung',
  version: 1,
  title: { de: 'Hund abmelden', en: 'Deregister a dog' },
  trustLevel: 'basic',
  applicants: 'person',
  targetUnit: 'FD 6.2',
  retentionDays: 3650,
  steps: [
    {
      id: 'dog',
      title: { de: 'Hund und Grund', en: 'Dog and reason' },
      fields: [
        { type: 'text', name: 'dogName', label: { de: 'Name des Hundes', en: 'Dog’s name' }, maxLength: 60 },
        { type: 'text', name: 'tag', label: { de: 'Nummer der Hundemarke', en: 'Tax tag number' }, pattern: '\\d{1,6}' },
        {
          type: 'choice',
          name: 'reason',
          label: { de: 'Grund der Abmeldung', en: 'Reason' },
          options: [
            { value: 'died', label: { de: 'Der Hund ist verstorben', en: 'The dog died' } },
            { value: 'given', label: { de: 'Der Hund wurde abgegeben', en: 'The dog was given away' } },
            { value: 'moved', label: { de: 'Ich ziehe aus Hennef weg', en: 'I am moving away from Hennef' } },
          ],
        },
        { type: 'date', name: 'since', label: { de: 'Seit wann?', en: 'Since when?' }, max: { days: 0 }, min: { days: -365 } },
        {
          type: 'text',
          name: 'newOwner',
          label: { de: 'Name und Anschrift der neuen Halterin oder des neuen Halters', en: 'Name and address of the new owner' },
          visibleIf: { field: 'reason', equals: 'given' },
          maxLength: 200,
        },
        {
          type: 'file',
          name: 'proof',
          label: {
            de: 'Nachweis (z. B. Bescheinigung des Tierarztes, Abgabevertrag)',
            en: 'Proof (e.g. vet’s certificate, transfer contract)',
          },
          required: false,
          maxFiles: 2,
        },
      ],
    },
    {
      id: 'holder',
      title: { de: 'Halterin oder Halter', en: 'Owner' },
      fields: [
        { type: 'text', name: 'name', label: { de: 'Name', en: 'Name' }, prefill: 'name' },
        { type: 'text', name: 'street', label: { de: 'Anschrift', en: 'Address' }, prefill: 'street_address' },
      ],
    },
  ],
  declarations: [{ de: 'Ich gebe die Hundemarke zurück oder habe sie verloren.', en: 'I return the tax tag or have lost it.' }],
};

export default definition;
