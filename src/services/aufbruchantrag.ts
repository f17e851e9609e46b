// Aufbruchgenehmigung for utility companies: digging up a town street for cables and pipes (business account).
// Version 2: its own workflow. The traffic authority and the Stadtbetriebe are consulted, the clerk sets the
// conditions, the unit lead approves (four eyes), the approval issues the notice, and the site is accepted
// once the surface is restored.
import type { ServiceDefinitionInput } from '../modules/forms/definition.js';

const definition: ServiceDefinitionInput = {
  id: 'aufbruchantrag',
  catalog: 'aufbruchantrag',
  version: 2,
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
        {
          type: 'location',
          name: 'site',
          label: { de: 'Lage der Aufbruchstelle', en: 'Location of the opening' },
          hint: {
            de: 'Straße, Hausnummer oder Abschnitt, z. B. „Frankfurter Straße 97, Gehweg Nordseite“.',
            en: 'Street, number or section.',
          },
        },
        {
          type: 'choice',
          name: 'surface',
          label: { de: 'Betroffene Fläche', en: 'Surface concerned' },
          style: 'checkboxes',
          options: [
            { value: 'road', label: { de: 'Fahrbahn', en: 'Carriageway' } },
            { value: 'pavement', label: { de: 'Gehweg', en: 'Pavement' } },
            { value: 'green', label: { de: 'Grünfläche', en: 'Green area' } },
          ],
        },
        { type: 'number', name: 'length', label: { de: 'Länge des Aufbruchs in Metern', en: 'Length in metres' }, min: 0.5, max: 2000 },
        { type: 'date', name: 'from', label: { de: 'Beginn der Arbeiten', en: 'Start of works' }, min: { days: 0 }, max: { days: 365 } },
        { type: 'date', name: 'until', label: { de: 'Ende der Arbeiten', en: 'End of works' }, min: { days: 0 }, max: { days: 730 } },
      ],
    },
    {
      id: 'works',
      title: { de: 'Arbeiten und Unterlagen', en: 'Works and documents' },
      fields: [
        {
          type: 'choice',
          name: 'purpose',
          label: { de: 'Zweck', en: 'Purpose' },
          style: 'select',
          options: [
            { value: 'fibre', label: { de: 'Glasfaser/Telekommunikation', en: 'Fibre / telecoms' } },
            { value: 'power', label: { de: 'Strom', en: 'Power' } },
            { value: 'gas', label: { de: 'Gas', en: 'Gas' } },
            { value: 'water', label: { de: 'Wasser/Abwasser', en: 'Water / sewage' } },
            { value: 'district-heating', label: { de: 'Fernwärme', en: 'District heating' } },
          ],
        },
        {
          type: 'yesno',
          name: 'emergency',
          label: { de: 'Handelt es sich um eine Störungsbeseitigung (Notfall)?', en: 'Is this emergency repair work?' },
        },
        {
          type: 'file',
          name: 'plan',
          label: { de: 'Lageplan', en: 'Site plan' },
          accept: ['application/pdf', 'image/png', 'image/jpeg'],
          maxFiles: 2,
        },
        { type: 'text', name: 'contractor', label: { de: 'Ausführende Firma', en: 'Contractor' }, maxLength: 120 },
        { type: 'phone', name: 'sitePhone', label: { de: 'Telefon der Bauleitung', en: 'Site manager’s phone' } },
      ],
    },
  ],
  declarations: [
    {
      de: 'Wir stellen die Oberfläche nach den Zusätzlichen Technischen Vertragsbedingungen (ZTV A-StB) wieder her.',
      en: 'We restore the surface according to ZTV A-StB.',
    },
  ],
  processingDays: 10,
  workflow: {
    states: [
      { id: 'received', phase: 'received', label: { de: 'Eingegangen', en: 'Received' }, public: { de: 'Eingegangen', en: 'Received' } },
      {
        id: 'review',
        phase: 'open',
        label: { de: 'In Prüfung', en: 'Under review' },
        public: { de: 'In Bearbeitung', en: 'Being processed' },
      },
      {
        id: 'consultation',
        phase: 'open',
        label: { de: 'Beteiligung Verkehrsbehörde und Stadtbetriebe', en: 'Traffic authority and Stadtbetriebe consulted' },
        public: { de: 'In Abstimmung mit beteiligten Stellen', en: 'Being coordinated with other offices' },
      },
      {
        id: 'waiting',
        phase: 'waiting',
        label: { de: 'Wartet auf Rückmeldung', en: 'Waiting for reply' },
        public: { de: 'Wir warten auf Ihre Rückmeldung', en: 'We are waiting for your reply' },
      },
      { id: 'approval', phase: 'open', label: { de: 'Zur Freigabe bei der Leitung', en: 'Awaiting the lead’s approval' }, public: null },
      {
        id: 'approved',
        phase: 'decided',
        label: { de: 'Genehmigt', en: 'Approved' },
        public: { de: 'Genehmigt – der Bescheid liegt in Ihrem Postfach', en: 'Approved – the notice is in your mailbox' },
        onEnter: ['notice'],
      },
      {
        id: 'accepted',
        phase: 'closed',
        label: { de: 'Wiederherstellung abgenommen', en: 'Restoration accepted' },
        public: { de: 'Abgeschlossen', en: 'Closed' },
      },
      {
        id: 'rejected',
        phase: 'closed',
        label: { de: 'Abgelehnt', en: 'Rejected' },
        public: { de: 'Abgelehnt', en: 'Rejected' },
        onEnter: ['informCitizen'],
      },
      {
        id: 'withdrawn',
        phase: 'closed',
        label: { de: 'Zurückgezogen', en: 'Withdrawn' },
        public: { de: 'Zurückgezogen', en: 'Withdrawn' },
      },
    ],
    transitions: [
      { from: ['received', 'waiting'], to: 'review', label: { de: 'Prüfung beginnen', en: 'Start review' } },
      { from: ['review'], to: 'consultation', label: { de: 'Stellen beteiligen', en: 'Consult offices' } },
      { from: ['consultation'], to: 'review', label: { de: 'Stellungnahmen liegen vor', en: 'Statements received' } },
      { from: ['review'], to: 'waiting', label: { de: 'Auf Rückmeldung warten', en: 'Wait for reply' } },
      {
        from: ['review'],
        to: 'approval',
        label: { de: 'Zur Freigabe vorlegen', en: 'Submit for approval' },
        requires: [
          {
            name: 'conditions',
            label: { de: 'Auflagen (Verkehrssicherung, Wiederherstellung)', en: 'Conditions (traffic safety, restoration)' },
          },
        ],
      },
      { from: ['approval'], to: 'approved', label: { de: 'Genehmigen', en: 'Approve' }, roles: ['unit_lead'] },
      {
        from: ['approval'],
        to: 'review',
        label: { de: 'Zurück an die Sachbearbeitung', en: 'Return to the case worker' },
        roles: ['unit_lead'],
        requires: [{ name: 'reason', label: { de: 'Begründung', en: 'Reason' } }],
      },
      { from: ['approved'], to: 'accepted', label: { de: 'Wiederherstellung abnehmen', en: 'Accept restoration' } },
      {
        from: ['received', 'review', 'consultation', 'waiting', 'approval'],
        to: 'rejected',
        label: { de: 'Ablehnen', en: 'Reject' },
        roles: ['unit_lead'],
        requires: [{ name: 'reason', label: { de: 'Begründung', en: 'Reason' } }],
      },
      {
        from: ['received', 'review', 'consultation', 'waiting'],
        to: 'withdrawn',
        label: { de: 'Als zurückgezogen markieren', en: 'Mark as withdrawn' },
        requires: [{ name: 'reason', label: { de: 'Begründung', en: 'Reason' } }],
      },
    ],
    automatic: { request: ['review', 'waiting'], reply: ['review'] },
  },
};

export default definition;
