// Hundeanmeldung (dog tax): one entry per dog; the yearly tax is computed from the number and kind of dogs at the
// rates of the town's dog-tax statute (Hundesteuersatzung), which each town sets in its service settings.
import type { ServiceDefinitionInput } from '../modules/forms/definition.js';

const definition: ServiceDefinitionInput = {
  id: 'hundeanmeldung',
  catalog: 'hundeanmeldung',
  version: 3,
  title: { de: 'Hund anmelden (Hundesteuer)', en: 'Register a dog (dog tax)' },
  trustLevel: 'basic',
  applicants: 'person',
  targetUnit: 'FD 6.2',
  retentionDays: 3650,
  rates: {
    firstDog: { label: { de: 'Steuersatz für den ersten Hund (Euro pro Jahr)', en: 'Rate for the first dog (euros a year)' }, amount: 96 },
    furtherDog: {
      label: { de: 'Steuersatz für jeden weiteren Hund (Euro pro Jahr)', en: 'Rate for each further dog (euros a year)' },
      amount: 120,
    },
    dangerousDog: {
      label: { de: 'Steuersatz für einen gefährlichen Hund (Euro pro Jahr)', en: 'Rate for a dangerous dog (euros a year)' },
      amount: 600,
    },
  },
  steps: [
    {
      id: 'holder',
      title: { de: 'Halterin oder Halter', en: 'Dog owner' },
      fields: [
        { type: 'text', name: 'name', label: { de: 'Name', en: 'Name' }, prefill: 'name' },
        { type: 'text', name: 'street', label: { de: 'Straße und Hausnummer', en: 'Street and number' }, prefill: 'street_address' },
        { type: 'text', name: 'postalCode', label: { de: 'Postleitzahl', en: 'Postcode' }, prefill: 'postal_code', pattern: '\\d{5}' },
        { type: 'text', name: 'city', label: { de: 'Ort', en: 'Town' }, prefill: 'locality' },
        {
          type: 'phone',
          name: 'phone',
          label: { de: 'Telefon für Rückfragen (freiwillig)', en: 'Phone for questions (optional)' },
          required: false,
        },
      ],
    },
    {
      id: 'dogs',
      title: { de: 'Ihre Hunde', en: 'Your dogs' },
      fields: [
        {
          type: 'group',
          name: 'dogs',
          label: { de: 'Hunde', en: 'Dogs' },
          itemLabel: { de: 'Hund', en: 'Dog' },
          min: 1,
          max: 5,
          fields: [
            { type: 'text', name: 'dogName', label: { de: 'Name des Hundes', en: 'Dog’s name' }, maxLength: 60 },
            { type: 'text', name: 'breed', label: { de: 'Rasse', en: 'Breed' }, maxLength: 80 },
            { type: 'date', name: 'since', label: { de: 'Gehalten seit', en: 'Kept since' }, max: { days: 0 } },
            {
              type: 'text',
              name: 'chip',
              label: { de: 'Chipnummer (15 Ziffern)', en: 'Microchip number (15 digits)' },
              pattern: '\\d{15}',
            },
            {
              type: 'yesno',
              name: 'dangerous',
              label: { de: 'Gilt der Hund als gefährlich (Landeshundegesetz)?', en: 'Is the dog classed as dangerous?' },
            },
          ],
        },
        {
          type: 'file',
          name: 'evidence',
          label: {
            de: 'Nachweise, z. B. Chip-Bescheinigung des Tierarztes (freiwillig)',
            en: 'Evidence, e.g. the vet’s microchip certificate (optional)',
          },
          required: false,
          maxFiles: 3,
        },
        {
          type: 'computed',
          name: 'yearlyTax',
          label: { de: 'Voraussichtliche Hundesteuer pro Jahr', en: 'Expected dog tax per year' },
          format: 'money',
          expression: {
            sumOver: 'dogs',
            of: {
              if: { field: 'dangerous', equals: 'yes' },
              then: { rate: 'dangerousDog' },
              else: { if: { field: 'position', equals: '1' }, then: { rate: 'firstDog' }, else: { rate: 'furtherDog' } },
            },
          },
        },
      ],
    },
    {
      id: 'payment',
      title: { de: 'Zahlung', en: 'Payment' },
      fields: [
        {
          type: 'yesno',
          name: 'directDebit',
          label: { de: 'Soll die Hundesteuer abgebucht werden?', en: 'Pay the dog tax by direct debit?' },
        },
        { type: 'iban', name: 'iban', label: { de: 'IBAN', en: 'IBAN' }, visibleIf: { field: 'directDebit', equals: 'yes' } },
        {
          type: 'text',
          name: 'accountHolder',
          label: { de: 'Kontoinhaberin oder Kontoinhaber', en: 'Account holder' },
          visibleIf: { field: 'directDebit', equals: 'yes' },
        },
      ],
    },
  ],
  // The tax notice (Hundesteuerbescheid): the yearly tax, the tag, when and how to pay.
  notice: {
    body: `{{anrede}}

für Ihre Anmeldung vom {{antragsdatum}} (Eingangsnummer {{eingangsnummer}}) setzen wir die Hundesteuer nach der Hundesteuersatzung der {{stadt}} wie folgt fest:

1. Die Hundesteuer beträgt {{angabe.yearlyTax}} im Jahr. Sie gilt ab dem Beginn des Monats, in dem Sie den Hund aufgenommen haben, und bis Sie ihn abmelden.
2. Sie erhalten die Hundesteuermarke Nr. {{laufnummer}}. Der Hund muss sie außerhalb Ihrer Wohnung sichtbar tragen.
3. Die Steuer ist zu je einem Viertel am 15. Februar, 15. Mai, 15. August und 15. November fällig. Der erste Betrag für das laufende Jahr ist bis zum {{zahlungsfrist}} zu zahlen.

Zahlung:
{{zahlungsweise}}

Begründung:
Sie halten im Stadtgebiet einen Hund und sind daher steuerpflichtig. Ihre Angaben wurden geprüft.`,
  },
  declarations: [
    { de: 'Ich versichere, dass meine Angaben richtig und vollständig sind.', en: 'I confirm that my details are correct and complete.' },
    {
      de: 'Mir ist bekannt, dass jede Änderung (Abgabe, Tod, Umzug) innerhalb von zwei Wochen zu melden ist.',
      en: 'I know that any change (giving away, death, moving) must be reported within two weeks.',
    },
  ],
};

export default definition;
