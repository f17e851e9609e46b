// Aufbruchgenehmigung for utility companies: digging up a town street for cables and pipes (business account).
import type { ServiceDefinitionInput } from '../modules/forms/definition.js';

const definition: ServiceDefinitionInput = {
  id: 'aufbruchantrag',
  catalog: 'aufbruchantrag',
  version: 1,
  title: { de: 'Aufbruchgenehmigung beantragen (Versorgungsträger)', en: 'Apply for a street-opening permit (utilities)' },
  trustLevel: 'substantial',
  applicants: 'business',
  fee: 50,
  targetUnit: 'FD 3.1',
  retentionDays: 3650,
  steps: [
    {
      id: 'site',
      title: { de: 'Baustelle', en: 'Site' },
      fields: [
        { type: 'location', name: 'site', label: { de: 'Lage der Aufbruchstelle', en: 'Location of the opening' }, hint: { de: 'Straße, Hausnummer oder Abschnitt, z. B. „Frankfurter Straße 97, Gehweg Nordseite“.', en: 'Street, number or section.' } },
        { type: 'choice', name: 'surface', label: { de: 'Betroffene Fläche', en: 'Surface concerned' }, style: 'checkboxes', options: [
          { value: 'road', label: { de: 'Fahrbahn', en: 'Carriageway' } },
          { value: 'pavement', label: { de: 'Gehweg', en: 'Pavement' } },
          { value: 'green', label: { de: 'Grünfläche', en: 'Green area' } },
        ] },
        { type: 'number', name: 'length', label: { de: 'Länge des Aufbruchs in Metern', en: 'Length in metres' }, min: 0.5, max: 2000 },
        { type: 'date', name: 'from', label: { de: 'Beginn der Arbeiten', en: 'Start of works' }, min: { days: 0 }, max: { days: 365 } },
        { type: 'date', name: 'until', label: { de: 'Ende der Arbeiten', en: 'End of works' }, min: { days: 0 }, max: { days: 730 } },
      ],
    },
    {
      id: 'works',
      title: { de: 'Arbeiten und Unterlagen', en: 'Works and documents' },
      fields: [
        { type: 'choice', name: 'purpose', label: { de: 'Zweck', en: 'Purpose' }, style: 'select', options: [
          { value: 'fibre', label: { de: 'Glasfaser/Telekommunikation', en: 'Fibre / telecoms' } },
          { value: 'power', label: { de: 'Strom', en: 'Power' } },
          { value: 'gas', label: { de: 'Gas', en: 'Gas' } },
          { value: 'water', label: { de: 'Wasser/Abwasser', en: 'Water / sewage' } },
          { value: 'district-heating', label: { de: 'Fernwärme', en: 'District heating' } },
        ] },
        { type: 'yesno', name: 'emergency', label: { de: 'Handelt es sich um eine Störungsbeseitigung (Notfall)?', en: 'Is this emergency repair work?' } },
        { type: 'file', name: 'plan', label: { de: 'Lageplan', en: 'Site plan' }, accept: ['application/pdf', 'image/png', 'image/jpeg'], maxFiles: 2 },
        { type: 'text', name: 'contractor', label: { de: 'Ausführende Firma', en: 'Contractor' }, maxLength: 120 },
        { type: 'phone', name: 'sitePhone', label: { de: 'Telefon der Bauleitung', en: 'Site manager’s phone' } },
      ],
    },
  ],
  declarations: [{ de: 'Wir stellen die Oberfläche nach den Zusätzlichen Technischen Vertragsbedingungen (ZTV A-StB) wieder her.', en: 'We restore the surface according to ZTV A-StB.' }],
};

export default definition;
