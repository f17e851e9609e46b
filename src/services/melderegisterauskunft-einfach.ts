// Einfache Melderegisterauskunft (§ 44 BMG): name, doctoral degree and current address of a person the requester
// identifies clearly. A request with exact data can be answered automatically over the internet (§ 49 BMG).
import type { ServiceDefinitionInput } from '../modules/forms/definition.js';

const definition: ServiceDefinitionInput = {
  id: 'melderegisterauskunft-einfach',
  catalog: 'melderegisterauskunft-einfach',
  version: 1,
  title: { de: 'Einfache Melderegisterauskunft beantragen (§ 44, § 49 BMG)', en: 'Request simple register information' },
  trustLevel: 'none',
  applicants: 'both',
  fee: 10,
  targetUnit: 'FD 2.1',
  retentionDays: 365,
  steps: [
    {
      id: 'sought',
      title: { de: 'Gesuchte Person', en: 'Person sought' },
      fields: [
        {
          type: 'info',
          name: 'intro',
          text: {
            de: 'Sie erhalten Vor- und Familiennamen, Doktorgrad und die derzeitige Anschrift, wenn die Person eindeutig gefunden wird. Stimmen Ihre Angaben genau mit dem Melderegister überein, wird die Auskunft automatisiert erteilt (§ 49 BMG).',
            en: 'You receive names, doctoral degree and current address if the person is found unambiguously. If your details match the register exactly, the answer is given automatically (§ 49 BMG).',
          },
        },
        { type: 'text', name: 'soughtFamilyName', label: { de: 'Familienname', en: 'Surname' }, maxLength: 80 },
        { type: 'text', name: 'soughtGivenName', label: { de: 'Vorname', en: 'First name' }, maxLength: 80 },
        {
          type: 'date',
          name: 'soughtBirthDate',
          label: { de: 'Geburtsdatum (falls bekannt)', en: 'Date of birth (if known)' },
          max: { days: 0 },
          required: false,
        },
        {
          type: 'text',
          name: 'soughtFormerAddress',
          label: { de: 'Letzte bekannte Anschrift (falls bekannt)', en: 'Last known address (if known)' },
          maxLength: 200,
          required: false,
        },
      ],
    },
    {
      id: 'requester',
      title: { de: 'Ihre Angaben', en: 'About you' },
      fields: [
        { type: 'text', name: 'requesterName', label: { de: 'Name oder Firma', en: 'Name or company' }, prefill: 'name', maxLength: 120 },
        { type: 'address', name: 'requesterAddress', label: { de: 'Ihre Anschrift', en: 'Your address' }, prefill: 'street_address' },
        {
          type: 'email',
          name: 'email',
          label: { de: 'E-Mail-Adresse für die Antwort', en: 'E-mail address for the answer' },
          prefill: 'email',
        },
        {
          type: 'yesno',
          name: 'commercial',
          label: { de: 'Verwenden Sie die Auskunft für gewerbliche Zwecke?', en: 'Will you use the information commercially?' },
        },
        {
          type: 'text',
          name: 'commercialPurpose',
          label: { de: 'Gewerblicher Zweck', en: 'Commercial purpose' },
          visibleIf: { field: 'commercial', equals: 'yes' },
          maxLength: 200,
        },
      ],
    },
  ],
  rules: [
    {
      when: {
        all: [
          { field: 'soughtBirthDate', filled: false },
          { field: 'soughtFormerAddress', filled: false },
        ],
      },
      field: 'soughtFormerAddress',
      message: {
        de: 'Geben Sie neben dem Namen mindestens das Geburtsdatum oder eine frühere Anschrift an, damit die Person eindeutig gefunden werden kann.',
        en: 'Besides the name, give at least the date of birth or a former address so that the person can be identified.',
      },
    },
  ],
  declarations: [
    {
      de: 'Ich verwende die Daten nicht für Werbung oder Adresshandel (§ 44 Abs. 1 Satz 2 BMG), sofern die Person nicht eingewilligt hat.',
      en: 'I will not use the data for advertising or address trading unless the person has consented.',
    },
  ],
};

export default definition;
