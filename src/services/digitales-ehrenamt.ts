// Projektförderung Digitales Ehrenamt: the town supports non-commercial projects that promote digitalisation in
// Hennef with 5,000 € a year in total; the administration pre-checks, the committee decides.
import type { ServiceDefinitionInput } from '../modules/forms/definition.js';

const definition: ServiceDefinitionInput = {
  id: 'digitales-ehrenamt',
  catalog: 'digitales-ehrenamt',
  version: 1,
  title: { de: 'Projektförderung Digitales Ehrenamt beantragen', en: 'Apply for the Digital Volunteering project grant' },
  trustLevel: 'basic',
  applicants: 'both',
  targetUnit: 'FD 1.3',
  retentionDays: 3650,
  steps: [
    {
      id: 'applicant',
      title: { de: 'Antragsteller', en: 'Applicant' },
      fields: [
        {
          type: 'info',
          name: 'intro',
          text: {
            de: 'Gefördert werden nichtgewerbliche Projekte, die die Digitalisierung im Stadtgebiet voranbringen. Insgesamt stehen jährlich 5.000 € zur Verfügung; über die Anträge entscheidet der Ausschuss für Digitalisierung, Wirtschaft und Tourismus.',
            en: 'Non-commercial projects that advance digitalisation in Hennef are supported with 5,000 € a year in total; the committee decides.',
          },
        },
        {
          type: 'text',
          name: 'organisation',
          label: { de: 'Verein, Initiative oder Gruppe', en: 'Club, initiative or group' },
          prefill: 'organization',
          maxLength: 120,
        },
        { type: 'text', name: 'contactName', label: { de: 'Ansprechperson', en: 'Contact person' }, prefill: 'name', maxLength: 120 },
        { type: 'address', name: 'address', label: { de: 'Anschrift', en: 'Address' }, prefill: 'street_address' },
        { type: 'email', name: 'email', label: { de: 'E-Mail-Adresse', en: 'E-mail address' }, prefill: 'email' },
      ],
    },
    {
      id: 'project',
      title: { de: 'Projekt', en: 'Project' },
      fields: [
        { type: 'text', name: 'projectTitle', label: { de: 'Titel des Projekts', en: 'Project title' }, maxLength: 120 },
        {
          type: 'textarea',
          name: 'description',
          label: { de: 'Was wollen Sie tun, und wem in Hennef nützt es?', en: 'What will you do, and who in Hennef benefits?' },
          maxLength: 4000,
        },
        { type: 'date', name: 'start', label: { de: 'Beginn', en: 'Start' }, min: { days: 0 }, max: { days: 730 } },
        { type: 'date', name: 'end', label: { de: 'Ende', en: 'End' }, min: { days: 0 }, max: { days: 1095 } },
      ],
    },
    {
      id: 'costs',
      title: { de: 'Kosten und Förderung', en: 'Costs and grant' },
      fields: [
        {
          type: 'group',
          name: 'costs',
          label: { de: 'Kostenplan', en: 'Cost plan' },
          itemLabel: { de: 'Kostenposition', en: 'Cost item' },
          min: 1,
          max: 10,
          fields: [
            { type: 'text', name: 'item', label: { de: 'Wofür', en: 'What for' }, maxLength: 120 },
            { type: 'money', name: 'amount', label: { de: 'Betrag in Euro', en: 'Amount in euros' }, min: 0, max: 100000 },
          ],
        },
        {
          type: 'computed',
          name: 'totalCosts',
          label: { de: 'Gesamtkosten', en: 'Total costs' },
          format: 'money',
          expression: { sumOver: 'costs', of: { field: 'amount' } },
        },
        {
          type: 'money',
          name: 'requested',
          label: { de: 'Beantragte Förderung in Euro', en: 'Grant requested in euros' },
          min: 1,
          max: 5000,
        },
        {
          type: 'file',
          name: 'quotes',
          label: { de: 'Angebote oder Kostenschätzungen (freiwillig)', en: 'Quotes or estimates (optional)' },
          required: false,
          maxFiles: 5,
        },
      ],
    },
  ],
  rules: [
    {
      when: { field: 'end', before: 'start' },
      field: 'end',
      message: {
        de: 'Das Ende liegt vor dem Beginn. Bitte prüfen Sie die Daten.',
        en: 'The end is before the start. Please check the dates.',
      },
    },
    {
      when: { more: [{ field: 'requested' }, { sumOver: 'costs', of: { field: 'amount' } }] },
      field: 'requested',
      message: {
        de: 'Die beantragte Förderung ist höher als die Gesamtkosten.',
        en: 'The grant requested is higher than the total costs.',
      },
    },
  ],
  declarations: [
    { de: 'Das Projekt verfolgt keine gewerblichen Zwecke.', en: 'The project has no commercial purpose.' },
    {
      de: 'Ich weise die Verwendung der Mittel nach Abschluss des Projekts nach (Verwendungsnachweis).',
      en: 'I will account for the use of the grant after the project.',
    },
  ],
};

export default definition;
