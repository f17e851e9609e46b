// The demo town's history. A year of the Mängelmelder: reports made through the app's own submit function, moved
// through their cases as the Stadtbetriebe would (new, in progress, fixed, closed, not responsible, duplicate)
// and dated back over the last ten months, so the first `npm start` shows a living map, inbox and statistics.
// Only the demo gets this history; tests start from the empty town.
import { sql } from 'kysely';
import type { Db } from '../src/platform/db/database.js';
import type { BlobStore } from '../src/platform/storage/storage.js';
import { findTenantBySlug } from '../src/platform/tenancy/tenants.js';
import { changeStatus, findCaseOfSource, moveOnEvent } from '../src/modules/cases/index.js';
import { submitReport } from '../src/modules/reports/index.js';
import { draftOf, saveStep, startDraft, submit, type Owner } from '../src/modules/forms/service.js';
import { findSubmission } from '../src/modules/forms/repo.js';
import { loadDefinitions } from '../src/modules/forms/library/registry.js';
import { issueSubmissionNotice } from '../src/modules/forms/back-office/notice.js';
import { upsertCitizen } from '../src/platform/auth/citizen-account.js';
import { findPersona } from '../src/platform/auth/demo-personas.js';
import { mapClaims } from '../src/platform/auth/oidc-client.js';
import { findStaffByEmail } from '../src/platform/auth/users-repo.js';

type Story = {
  category: string;
  street: number;
  text: string;
  status: 'new' | 'in_progress' | 'fixed' | 'closed' | 'not_responsible' | 'duplicate';
  answer?: string;
  answers?: Record<string, string>;
  daysAgo: number;
};

const FIXED = 'Danke für Ihre Meldung. Der Schaden ist behoben.';
const stories: Story[] = [
  {
    category: 'schlagloch',
    street: 0,
    text: 'Tiefes Schlagloch auf der rechten Fahrspur, Radfahrer müssen ausweichen.',
    status: 'fixed',
    answer: 'Das Schlagloch wurde mit Kaltasphalt verfüllt; die Deckensanierung ist für das Frühjahr geplant.',
    answers: { groesse: 'mittel' },
    daysAgo: 290,
  },
  {
    category: 'laterne-defekt',
    street: 1,
    text: 'Die Straßenlaterne vor der Bushaltestelle flackert seit Tagen und geht abends ganz aus.',
    status: 'fixed',
    answer: FIXED,
    daysAgo: 270,
  },
  {
    category: 'wilde-muellkippe',
    street: 2,
    text: 'Am Waldweg liegen Bauschutt und alte Reifen.',
    status: 'fixed',
    answer: 'Der Unrat wurde abgeholt. Wir haben Anzeige gegen Unbekannt erstattet.',
    answers: { gefahrstoffe: 'nein' },
    daysAgo: 250,
  },
  {
    category: 'papierkorb-voll',
    street: 3,
    text: 'Papierkorb am Spielplatz quillt über, Müll weht auf die Wiese.',
    status: 'fixed',
    answer: FIXED,
    daysAgo: 240,
  },
  {
    category: 'baum-ast',
    street: 4,
    text: 'Ein dicker Ast hängt nach dem Sturm lose über dem Gehweg.',
    status: 'fixed',
    answer: 'Der Ast wurde noch am selben Tag entfernt.',
    daysAgo: 220,
  },
  {
    category: 'schild-beschaedigt',
    street: 5,
    text: 'Das Vorfahrtsschild ist umgefahren worden und liegt im Graben.',
    status: 'fixed',
    answer: 'Das Schild ist wieder aufgestellt.',
    daysAgo: 210,
  },
  {
    category: 'spielgeraet-defekt',
    street: 6,
    text: 'An der Schaukel ist eine Kette gerissen.',
    status: 'fixed',
    answer: 'Die Schaukel wurde repariert und vom Sachverständigen abgenommen.',
    daysAgo: 200,
  },
  {
    category: 'gehweg-schaden',
    street: 7,
    text: 'Gehwegplatten haben sich angehoben, Stolpergefahr vor dem Kindergarten.',
    status: 'fixed',
    answer: FIXED,
    daysAgo: 180,
  },
  {
    category: 'nicht-geraeumt',
    street: 8,
    text: 'Die Steigung ist spiegelglatt und nicht gestreut, Busse kommen nicht hoch.',
    status: 'fixed',
    answer: 'Der Streuwagen war vor Ort; die Strecke ist in der Prioritätenliste nach oben gerückt.',
    daysAgo: 330,
  },
  {
    category: 'verschmutzung',
    street: 9,
    text: 'Im Bach schwimmt ein Ölfilm.',
    status: 'not_responsible',
    answer: 'Zuständig ist die Untere Wasserbehörde des Rhein-Sieg-Kreises; wir haben Ihre Meldung dorthin weitergeleitet.',
    daysAgo: 160,
  },
  {
    category: 'schlagloch',
    street: 10,
    text: 'Mehrere Schlaglöcher an der Einmündung der Landesstraße.',
    status: 'not_responsible',
    answer: 'Die Landesstraße betreut Straßen.NRW, Regionalniederlassung Rhein-Berg; wir haben die Meldung weitergeleitet.',
    answers: { groesse: 'gross' },
    daysAgo: 150,
  },
  {
    category: 'laterne-defekt',
    street: 1,
    text: 'Laterne an der Haltestelle schon wieder aus.',
    status: 'duplicate',
    answer: 'Diese Stelle ist bereits gemeldet und beauftragt.',
    daysAgo: 140,
  },
  {
    category: 'papierkorb-voll',
    street: 11,
    text: 'Hundekotbeutel liegen neben dem vollen Papierkorb.',
    status: 'closed',
    answer: 'Der Papierkorb wird jetzt zweimal pro Woche geleert; eine Reparatur war nicht nötig.',
    daysAgo: 120,
  },
  {
    category: 'baum-ast',
    street: 12,
    text: 'Hecke wächst weit in den Gehweg, Kinderwagen passen nicht vorbei.',
    status: 'closed',
    answer: 'Die Hecke gehört zu einem Privatgrundstück; wir haben die Eigentümer angeschrieben.',
    daysAgo: 100,
  },
  {
    category: 'schlagloch',
    street: 13,
    text: 'Absackung im Asphalt neben dem Gullydeckel.',
    status: 'in_progress',
    answers: { groesse: 'klein' },
    daysAgo: 40,
  },
  { category: 'laterne-defekt', street: 14, text: 'Drei Laternen hintereinander sind dunkel.', status: 'in_progress', daysAgo: 25 },
  {
    category: 'wilde-muellkippe',
    street: 15,
    text: 'Sperrmüll (Sofa, Matratze) am Straßenrand abgestellt.',
    status: 'in_progress',
    answers: { gefahrstoffe: 'nein' },
    daysAgo: 12,
  },
  {
    category: 'spielgeraet-defekt',
    street: 16,
    text: 'Die Rutsche hat eine scharfe Kante an der Seite.',
    status: 'in_progress',
    daysAgo: 9,
  },
  { category: 'gehweg-schaden', street: 17, text: 'Bordstein abgebrochen, Kante ragt auf die Fahrbahn.', status: 'new', daysAgo: 5 },
  {
    category: 'schild-beschaedigt',
    street: 18,
    text: 'Straßenschild mit Graffiti besprüht, nicht mehr lesbar.',
    status: 'new',
    daysAgo: 3,
  },
  { category: 'papierkorb-voll', street: 19, text: 'Glascontainer-Stellplatz voller Flaschen und Kartons.', status: 'new', daysAgo: 2 },
  {
    category: 'schlagloch',
    street: 20,
    text: 'Schlagloch in der Kurve, bei Regen kaum zu sehen.',
    status: 'new',
    answers: { groesse: 'mittel' },
    daysAgo: 1,
  },
  { category: 'baum-ast', street: 21, text: 'Baum neigt sich nach dem Sturm bedenklich zur Straße.', status: 'new', daysAgo: 0 },
  {
    category: 'nicht-geraeumt',
    street: 22,
    text: 'Treppe zum Bahnhof nicht geräumt.',
    status: 'fixed',
    answer: 'Geräumt und gestreut.',
    daysAgo: 300,
  },
];

/** The path of case states to each public state of a report. */
const PATHS: Record<Story['status'], string[]> = {
  new: [],
  in_progress: ['in_progress'],
  fixed: ['in_progress', 'fixed'],
  closed: ['in_progress', 'closed'],
  not_responsible: ['not_responsible'],
  duplicate: ['duplicate'],
};

export async function seedDemoHistory(db: Db, store: BlobStore): Promise<number> {
  const tenant = await findTenantBySlug(db, 'hennef');
  const streets = tenant?.settings.geo?.streets ?? [];
  if (!tenant || streets.length === 0) return 0;
  const crew = { id: null, label: 'Stefan Betrieb' };
  let made = 0;
  const earlier = new Map<string, string>();
  for (const [index, story] of stories.entries()) {
    const street = streets[(story.street * 7) % streets.length]!;
    const { report } = await submitReport(db, {
      tenantId: tenant.id,
      geo: tenant.settings.geo,
      userId: null,
      lang: 'de',
      confirmed: true,
      photos: [],
      files: { store },
      answers: story.answers ?? {},
      input: {
        category: story.category,
        description: story.text,
        address: street.name,
        coordinates: `${(street.lat + (index % 5) * 0.0004).toFixed(5)},${(street.lng + (index % 3) * 0.0005).toFixed(5)}`,
        name: '',
        email: '',
      },
    });
    if (!report) continue;
    made++;
    for (const state of PATHS[story.status]) {
      const current = await findCaseOfSource(db, tenant.id, 'report', report.id);
      if (current)
        await changeStatus(db, tenant.id, current.id, current.version, state, crew, {
          answer: story.answer ?? '',
          original: earlier.get(story.category) ?? '',
        });
    }
    earlier.set(story.category, report.number);
    const at = sql<Date>`now() - make_interval(days => ${story.daysAgo}, hours => ${index % 9})`;
    await sql`update report set created_at = ${at}, updated_at = ${at} + interval '2 days' where id = ${report.id}`.execute(db);
    await sql`update case_record set created_at = ${at}, due_at = ${at} + interval '14 days' where source_kind = 'report' and source_id = ${report.id}`.execute(
      db,
    );
  }
  return made;
}

/**
 * Erika Mustermann's applications, made through the online services' own functions as her browser would: a dog
 * registration and a poll-worker offer, each a case in its unit and a receipt in her Postfach; the dog-tax
 * notice is issued, so her Postfach holds a notice too. Her account is the one the demo IdP logs her into.
 */
export async function seedDemoApplications(db: Db, store: BlobStore, issuer: string, baseUrl: string): Promise<number> {
  const tenant = await findTenantBySlug(db, 'hennef');
  const persona = findPersona('erika-mustermann');
  if (!tenant || !persona) return 0;
  const claims = mapClaims({ sub: persona.id, ...persona.claims, acr: 'substantial' }, 'acr');
  const userId = await upsertCitizen(db, tenant.id, issuer, claims, 'demo-seed');
  const owner: Owner = { userId, kind: 'citizen', claims: claims.received, trustLevel: 'substantial' };
  const definitions = await loadDefinitions();
  const mail = { baseUrl, town: tenant.name, lang: 'de' as const };
  const applications: { service: string; steps: Record<string, Record<string, string>> }[] = [
    {
      service: 'hundeanmeldung',
      steps: {
        holder: { phone: '' },
        dogs: {
          'dogs.0.dogName': 'Bello',
          'dogs.0.breed': 'Labrador Retriever',
          'dogs.0.since': '2026-10-01',
          'dogs.0.chip': '276098100123456',
          'dogs.0.dangerous': 'no',
        },
        payment: { directDebit: 'no' },
      },
    },
    {
      service: 'wahlhelfer',
      steps: {
        person: { birthDate: '1964-08-12', phone: '' },
        wishes: { role: 'chair', experience: 'yes', notes: 'Gern im Wahllokal Grundschule Hennef-Mitte.' },
      },
    },
  ];
  const submitted: string[] = [];
  for (const application of applications) {
    const definition = definitions.get(application.service);
    if (!definition) continue;
    let draft = await startDraft(db, tenant.id, definition, owner);
    for (const step of definition.steps) {
      await saveStep(db, tenant.id, draft, definition, step, application.steps[step.id] ?? {}, owner, {}, tenant.settings.geo);
      draft = await draftOf(db, tenant.id, draft.id, owner);
    }
    const outcome = await submit(db, tenant.id, draft, definition, owner, 'demo-seed', tenant.settings.geo, mail);
    if (outcome.ok) submitted.push(outcome.submissionId);
  }
  const dog = submitted[0] && (await findSubmission(db, tenant.id, submitted[0]));
  const dogDefinition = definitions.get('hundeanmeldung');
  const clerk = await findStaffByEmail(db, tenant.id, 'steuern@hennef.example');
  if (dog && dogDefinition && clerk) {
    await issueSubmissionNotice(
      { db, store },
      { tenant, submission: dog, definition: dogDefinition, issuer: { id: clerk.id, name: clerk.display_name }, baseUrl },
    );
    await moveOnEvent(db, tenant.id, { kind: 'submission', id: dog.id }, 'notice', 'Selma Steuer');
  }
  return submitted.length;
}
