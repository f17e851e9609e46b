// Erweiterte Melderegisterauskunft (§ 45 BMG): more data about a person, only with a legitimate interest that
// the requester makes credible, usually with evidence (a title, a court order, a contract).
import type { ServiceDefinitionInput } from '../modules/forms/definition.js';

const definition: ServiceDefinitionInput = {
  id: 'melderegisterauskunft-erweitert',
  catalog: 'melderegisterauskunft-erweitert',
  version: 1,
  title: { de: 'Erweiterte Melderegisterauskunft beantragen (§ 45 BMG)', en: 'Request extended register information' },
  trustLevel: 'basic',
  applicants: 'both',
  fee: 15,
  targetUnit: 'FD 2.1',
  retentionDays: 365,
  steps: [
    {
      id: 'sought',
      title: { de: 'Gesuchte Person', en: 'Person sought' },
      fields: [
        { type: 'text', name: 'soughtFamilyName', label: { de: 'Familienname', en: 'Surname' }, maxLength: 80 },
        { type: 'text', name: 'soughtGivenName', label: { de: 'Vorname', en: 'First name' }, maxLength: 80 },
        { type: 'date', name: 'soughtBirthDate', label: { de: 'Geburtsdatum', en: 'Date of birth' }, max: { days: 0 } },
        {
          type: 'choice',
          name: 'data',
          label: { de: 'Welche Daten benötigen Sie?', en: 'Which data do you need?' },
          style: 'checkboxes',
          options: [
            { value: 'previous', label: { de: 'Frühere Anschriften', en: 'Previous addresses' } },
            { value: 'birth', label: { de: 'Geburtsdatum und Geburtsort', en: 'Date and place of birth' } },
            { value: 'marital', label: { de: 'Familienstand', en: 'Marital status' } },
            { value: 'nationality', label: { de: 'Staatsangehörigkeiten', en: 'Nationalities' } },
            { value: 'death', label: { de: 'Sterbedatum und Sterbeort', en: 'Date and place of death' } },
          ],
        },
      ],
    },
    {
      id: 'interest',
      title: { de: 'Berechtigtes Interesse', en: 'Legitimate interest' },
      fields: [
        {
          type: 'textarea',
          name: 'interest',
          label: { de: 'Warum benötigen Sie die Auskunft?', en: 'Why do you need the information?' },
          hint: {
            de: 'Zum Beispiel: Vollstreckung aus einem Titel, Erbenermittlung, Zustellung einer Klage.',
            en: 'For example enforcement of a title, tracing heirs, serving a claim.',
          },
          maxLength: 2000,
        },
        {
          type: 'file',
          name: 'evidence',
          label: { de: 'Nachweis des berechtigten Interesses', en: 'Evidence of the legitimate interest' },
          maxFiles: 3,
        },
        { type: 'text', name: 'requesterName', label: { de: 'Name oder Firma', en: 'Name or company' }, prefill: 'name', maxLength: 120 },
        { type: 'address', name: 'requesterAddress', label: { de: 'Ihre Anschrift', en: 'Your address' }, prefill: 'street_address' },
      ],
    },
  ],
  declarations: [
    {
      de: 'Ich versichere, dass mein Interesse an der Auskunft besteht und ich die Daten nur für diesen Zweck verwende.',
      en: 'I confirm my interest and that I will use the data only for this purpose.',
    },
  ],
};

export default definition;
