// The English version of the demo services' details (names and summaries stand beside the German text in
// services-*.ts). Written for this project; what a service does not say in German it does not say here either.
import type { ServiceTranslation } from '../../src/modules/catalog/index.js';

type Details = Omit<ServiceTranslation, 'name' | 'summary'>;

const ID = ['ID card or passport'];

export const englishDetails: Record<string, Details> = {
  'wohnsitz-anmelden': {
    documents: [...ID, 'Landlord’s confirmation of moving in (Wohnungsgeberbestätigung)'],
    steps: [
      'Book an appointment or come during opening hours',
      'Present your documents',
      'Take your confirmation of registration with you',
    ],
    processingTime: 'At once when you visit',
    deadlines: 'Within two weeks of moving in.',
  },
  'wohnsitz-ummelden': {
    documents: [...ID, 'Landlord’s confirmation of moving in'],
    processingTime: 'At once when you visit',
    deadlines: 'Within two weeks of moving.',
  },
  'wohnsitz-abmelden': { documents: ID, processingTime: 'At once', deadlines: 'Within two weeks of moving out.' },
  'meldebescheinigung-einfach': {
    documents: ['Online: log in with your citizen account', 'In person: ID card or passport'],
    processingTime: 'Online at once as a PDF, in person at once',
  },
  'meldebescheinigung-erweitert': { documents: ID, processingTime: 'At once' },
  'melderegisterauskunft-einfach': {
    documents: ['Name and at least one further detail of the person you are looking for (e.g. date of birth, previous address)'],
    processingTime: 'Usually 1–3 working days',
  },
  'melderegisterauskunft-erweitert': { documents: ['Proof of your legitimate interest'], processingTime: 'Usually 1 week' },
  uebermittlungssperre: { processingTime: 'Effective as soon as it is received' },
  'personalausweis-beantragen': {
    documents: ['Your previous ID card or passport', 'A biometric passport photo', 'For minors: consent of everyone with parental custody'],
    processingTime: 'About 3–4 weeks',
  },
  'personalausweis-verlust': {
    steps: [
      'Block the online ID function through the blocking hotline 116 116',
      'Report the loss at the citizens’ office',
      'Apply for a new ID card; a provisional one if you wish',
    ],
    notes: 'If your ID card was stolen, please also report it to the police.',
  },
  'vorlaeufiger-personalausweis': {
    documents: ['A biometric passport photo', 'Your previous ID card, if you have it'],
    processingTime: 'At once',
  },
  'reisepass-beantragen': {
    documents: ['ID card or previous passport', 'A biometric passport photo'],
    processingTime: 'About 4–6 weeks; express within 3 working days for a surcharge',
  },
  kinderreisepass: {
    documents: ['Birth certificate', 'A biometric passport photo of the child', 'Consent of everyone with parental custody'],
  },
  fuehrungszeugnis: {
    processingTime: 'About 2 weeks',
    elsewhereNote: 'Apply online with the online ID function directly at the Federal Office of Justice.',
  },
  'steuer-id': { processingTime: 'Sent by post in about 4 weeks' },
  untersuchungsberechtigungsschein: { documents: ['ID card'], processingTime: 'At once' },
  lastschriftmandat: { processingTime: 'From the next due date' },
  hundeanmeldung: {
    documents: [
      'Details of the dog (breed, date of birth, microchip number)',
      'For dogs on the breed list: permit under the state dog act (Landeshundegesetz)',
    ],
    steps: [
      'Fill in the online form or register at the tax office',
      'You receive the tax notice online in the Postfach of your citizen account (by post if you register at the tax office); the dog tag comes by post',
      'Pay the dog tax or grant a direct debit mandate',
    ],
    processingTime: 'Tax notice and dog tag in about 1 week',
    deadlines: 'Within two weeks of taking in the dog.',
    costsText: 'Annual tax: €96 for the first dog, €120 for each further dog, €600 for dangerous dogs. Registering is free of charge.',
  },
  hundeabmeldung: { documents: ['Dog tag', 'Proof (e.g. a vet’s certificate or the contract of transfer)'] },
  'hundesteuer-ermaessigung': { documents: ['Proof of the reason for the exemption'] },
  'gefaehrlicher-hund': {
    documents: ['Certificate of competence', 'Certificate of good conduct', 'Liability insurance', 'Proof of the microchip'],
  },
  'geburt-anzeigen': {
    documents: ['ID cards of the parents', 'Marriage certificate or birth certificates of the parents'],
    deadlines: 'Within one week of the birth.',
    costsText: 'Three birth certificates for maternity, parental and child benefit are free of charge; each further one costs €12.',
  },
  personenstandsurkunde: {
    documents: ['Online: citizen account with the online ID function', 'Details of the registered event'],
    processingTime: 'Sent within 3–5 working days',
  },
  eheschliessung: {
    documents: ['ID cards', 'Certified copies from the birth register', 'After an earlier marriage: proof that it has ended'],
    deadlines: 'At the earliest six months before the wedding date.',
    costsText: 'Depending on the examination needed and the place of the ceremony.',
  },
  sterbefall: {
    documents: ['Death certificate issued by the doctor', 'ID card of the deceased', 'Birth or marriage certificate'],
    deadlines: 'By the third working day after the death at the latest.',
  },
  vaterschaftsanerkennung: { documents: ['ID cards of both parents', 'Birth certificates'] },
  'kita-anmeldung': {
    documents: ['Date of birth of the child', 'Desired start and hours of care'],
    steps: [
      'Register online and choose up to three preferred day-care centres',
      'Receive an offer or a refusal in March',
      'Sign the care contract with the day-care centre',
    ],
    processingTime: 'Offers from March',
    deadlines: 'For the nursery year from August: by 31 January.',
  },
  'elternbeitrag-kita': {
    documents: ['Proof of income for the previous year'],
    costsText: 'According to the contribution table of the parental contribution by-law, graded by income and hours of care.',
  },
  'ogs-anmeldung': { deadlines: 'By 31 March for the following school year.' },
  wahlschein: { processingTime: 'Sent within 2–3 days', deadlines: 'By 3 pm on the Friday before the election.' },
  fundbuero: { notes: 'Found items are kept for six months.' },
  lebensbescheinigung: { documents: ID, processingTime: 'At once' },
  beglaubigung: { documents: ['Original and copy', 'ID card'], costsText: 'Per page or signature.' },
  gewerbeanmeldung: {
    documents: ['ID card', 'For trades that need a licence: the licence'],
    processingTime: 'Trade registration certificate usually within 3 working days',
  },
  veranstaltungserlaubnis: {
    processingTime: '2–6 weeks',
    deadlines: 'At least eight weeks before the event, three months for large events.',
    costsText: 'Depending on size and effort.',
  },
  sondernutzung: {
    processingTime: 'About 1–2 weeks',
    deadlines: 'At least two weeks in advance.',
    costsText: 'According to the special-use by-law, e.g. €2 per m² and week for scaffolding, at least €25.',
  },
  'halteverbot-umzug': { deadlines: 'At least two weeks before the move.' },
  aufbruchantrag: { documents: ['Site plan', 'Traffic order, if needed'], processingTime: 'Usually within hours' },
  handyparken: { costsText: 'Parking fee of the parking zone, plus the app provider’s service fee.' },
  verwarnungsgeld: { deadlines: 'Within one week of receipt.' },
  bewohnerparkausweis: { documents: ['Vehicle registration certificate', 'Registered address in the zone'] },
  schwerbehindertenparkausweis: { documents: ['Severely disabled person’s pass with the relevant marks', 'Passport photo'] },
  'kfz-zulassung': { elsewhereNote: 'Road traffic office of the Rhein-Sieg district, registration office in Siegburg.' },
  fuehrerschein: { elsewhereNote: 'Driving licence office of the Rhein-Sieg district in Siegburg.' },
  bauantrag: {
    documents: [
      'Building documents under the building inspection regulation',
      'Site plan',
      'Building drawings',
      'Building description',
      'Proof of structural stability',
    ],
    processingTime: 'Usually 3 months once complete',
    costsText: 'According to the general administrative fee schedule of NRW, depending on the building costs (shell value).',
  },
  bauvoranfrage: { costsText: 'According to the administrative fee schedule, depending on the questions.' },
  baumfaellung: { deadlines: 'Trees may only be felled from 1 October to 28 February.' },
  sperrmuell: { processingTime: 'Collection date in about 2–3 weeks', notes: 'Large electrical appliances are collected separately.' },
  grabstaette: { costsText: 'According to the cemetery fee by-law, depending on the type of grave and period of use.' },
  wohngeld: {
    documents: ['Tenancy agreement and rent certificate', 'Proof of income of everyone in the household', 'Bank statements'],
    processingTime: 'About 4–8 weeks',
  },
  wohnberechtigungsschein: { documents: ['Proof of income', 'ID card'] },
  'digitales-ehrenamt': { deadlines: 'Applications by 31 March of the funding year.' },
  fischereischein: { documents: ['Certificate of the fishing examination', 'Passport photo', 'ID card'] },
};

export const englishLegalRemedy =
  'You can bring an action against a notice at the Administrative Court of Cologne, Appellhofplatz, 50667 Köln, within one month of its notification.';
