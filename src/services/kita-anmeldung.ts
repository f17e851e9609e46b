// Kita-Anmeldung: register a child for day care, with up to three preferred facilities.
import type { ServiceDefinitionInput } from '../modules/forms/definition.js';

const definition: ServiceDefinitionInput = {
  id: 'kita-anmeldung',
  catalog: 'kita-anmeldung',
  version: 1,
  title: { de: 'Kita-Platz anmelden', en: 'Register for a daycare place' },
  trustLevel: 'basic',
  applicants: 'person',
  targetUnit: 'FD 4.1',
  retentionDays: 1095,
  steps: [
    {
      id: 'child',
      title: { de: 'Ihr Kind', en: 'Your child' },
      fields: [
        { type: 'text', name: 'childName', label: { de: 'Vor- und Familienname des Kindes', en: 'Child’s full name' } },
        {
          type: 'date',
          name: 'childBirth',
          label: { de: 'Geburtsdatum (oder errechneter Termin)', en: 'Date of birth (or due date)' },
          min: { days: -2400 },
          max: { days: 280 },
        },
        { type: 'date', name: 'start', label: { de: 'Gewünschter Beginn', en: 'Desired start' }, min: { days: 0 }, max: { days: 730 } },
        {
          type: 'choice',
          name: 'hours',
          label: { de: 'Betreuungsumfang pro Woche', en: 'Hours per week' },
          options: [
            { value: '25', label: { de: '25 Stunden', en: '25 hours' } },
            { value: '35', label: { de: '35 Stunden', en: '35 hours' } },
            { value: '45', label: { de: '45 Stunden', en: '45 hours' } },
          ],
        },
      ],
    },
    {
      id: 'wishes',
      title: { de: 'Wunsch-Kitas', en: 'Preferred daycare centres' },
      fields: [
        { type: 'text', name: 'first', label: { de: 'Erster Wunsch', en: 'First choice' }, maxLength: 120 },
        {
          type: 'text',
          name: 'second',
          label: { de: 'Zweiter Wunsch (freiwillig)', en: 'Second choice (optional)' },
          required: false,
          maxLength: 120,
        },
        {
          type: 'text',
          name: 'third',
          label: { de: 'Dritter Wunsch (freiwillig)', en: 'Third choice (optional)' },
          required: false,
          maxLength: 120,
        },
        {
          type: 'yesno',
          name: 'siblings',
          label: { de: 'Besucht ein Geschwisterkind schon eine dieser Kitas?', en: 'Does a sibling already attend one of these?' },
        },
      ],
    },
    {
      id: 'parents',
      title: { de: 'Erziehungsberechtigte', en: 'Parents' },
      fields: [
        { type: 'text', name: 'parentName', label: { de: 'Ihr Name', en: 'Your name' }, prefill: 'name' },
        { type: 'email', name: 'email', label: { de: 'E-Mail', en: 'E-mail' }, prefill: 'email' },
        { type: 'phone', name: 'phone', label: { de: 'Telefon', en: 'Phone' } },
      ],
    },
  ],
  declarations: [
    {
      de: 'Ich bin damit einverstanden, dass die gewählten Kitas meine Anmeldung sehen.',
      en: 'I agree that the chosen daycare centres see my registration.',
    },
  ],
};

export default definition;
