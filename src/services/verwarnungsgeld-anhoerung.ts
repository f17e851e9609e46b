// Anhörung zu einem Verwarnungsgeld ("Knöllchen online"): pay, name the driver, or state your view.
import type { ServiceDefinitionInput } from '../modules/forms/definition.js';

const definition: ServiceDefinitionInput = {
  id: 'verwarnungsgeld-anhoerung',
  catalog: 'verwarnungsgeld',
  version: 1,
  title: { de: 'Anhörung zum Verwarnungsgeld beantworten', en: 'Respond to a parking or traffic fine' },
  trustLevel: 'none',
  applicants: 'both',
  targetUnit: 'FD 3.1',
  retentionDays: 1095,
  steps: [
    {
      id: 'case',
      title: { de: 'Ihr Verfahren', en: 'Your case' },
      fields: [
        {
          type: 'text',
          name: 'reference',
          label: { de: 'Aktenzeichen (steht oben rechts im Anhörungsbogen)', en: 'Reference number (top right of the letter)' },
          hint: { de: 'Zum Beispiel 3.1-2026-012345', en: 'For example 3.1-2026-012345' },
          pattern: '3\\.1-\\d{4}-\\d{6}',
          maxLength: 20,
        },
        {
          type: 'text',
          name: 'plate',
          label: { de: 'Kfz-Kennzeichen', en: 'Number plate' },
          hint: { de: 'Zum Beispiel SU-AB 123', en: 'For example SU-AB 123' },
          pattern: '[A-ZÄÖÜa-zäöü]{1,3}[- ]?[A-Za-z]{1,2} ?\\d{1,4}[EHeh]?',
          maxLength: 12,
        },
        {
          type: 'choice',
          name: 'response',
          label: { de: 'Wie möchten Sie antworten?', en: 'How do you want to respond?' },
          options: [
            { value: 'accept', label: { de: 'Ich war es und zahle das Verwarnungsgeld', en: 'It was me and I will pay' } },
            {
              value: 'driver',
              label: { de: 'Ich bin nicht gefahren und benenne die Fahrerin oder den Fahrer', en: 'I was not driving and name the driver' },
            },
            { value: 'statement', label: { de: 'Ich möchte mich zur Sache äußern', en: 'I want to comment on the matter' } },
          ],
        },
      ],
    },
    {
      id: 'details',
      title: { de: 'Angaben', en: 'Details' },
      visibleIf: { field: 'response', in: ['driver', 'statement'] },
      fields: [
        {
          type: 'text',
          name: 'driverName',
          label: { de: 'Name der Fahrerin oder des Fahrers', en: 'Driver’s name' },
          visibleIf: { field: 'response', equals: 'driver' },
          maxLength: 120,
        },
        {
          type: 'address',
          name: 'driverAddress',
          label: { de: 'Anschrift der Fahrerin oder des Fahrers', en: 'Driver’s address' },
          visibleIf: { field: 'response', equals: 'driver' },
        },
        {
          type: 'textarea',
          name: 'statement',
          label: { de: 'Ihre Stellungnahme', en: 'Your statement' },
          visibleIf: { field: 'response', equals: 'statement' },
          maxLength: 4000,
        },
        {
          type: 'file',
          name: 'photos',
          label: { de: 'Fotos oder Belege (freiwillig)', en: 'Photos or documents (optional)' },
          required: false,
          maxFiles: 3,
          visibleIf: { field: 'response', equals: 'statement' },
        },
      ],
    },
    {
      id: 'contact',
      title: { de: 'Kontakt', en: 'Contact' },
      fields: [
        { type: 'text', name: 'name', label: { de: 'Ihr Name', en: 'Your name' }, prefill: 'name', maxLength: 120 },
        { type: 'email', name: 'email', label: { de: 'E-Mail-Adresse', en: 'E-mail address' }, prefill: 'email' },
        {
          type: 'info',
          name: 'payInfo',
          visibleIf: { field: 'response', equals: 'accept' },
          text: {
            de: 'Bitte überweisen Sie den Betrag mit dem Aktenzeichen als Verwendungszweck an die im Schreiben genannte Bankverbindung. Nach Zahlung ist das Verfahren abgeschlossen.',
            en: 'Please transfer the amount with the reference number to the bank account in the letter. The case is closed once paid.',
          },
        },
      ],
    },
  ],
  declarations: [
    {
      de: 'Ich versichere, dass meine Angaben richtig sind. Falsche Angaben zur Fahrerin oder zum Fahrer können strafbar sein (§ 164 StGB).',
      en: 'I confirm that my details are correct. False accusations can be a criminal offence.',
    },
  ],
};

export default definition;
