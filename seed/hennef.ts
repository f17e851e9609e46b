// The Hennef (Sieg) demo tenant: town data, unit tree and demo staff accounts (documented in the README).
import type { Db } from '../src/platform/db/database.js';
import { hashPassword } from '../src/platform/auth/passwords.js';
import { addMembership, insertUnit, insertUser } from '../src/platform/auth/users-repo.js';
import type { StaffRole } from '../src/platform/auth/roles.js';
import { addTenant, findTenantBySlug } from '../src/platform/tenancy/tenants.js';
import { recordAudit } from '../src/platform/audit/audit-log.js';
import { seedHennefCatalog } from './catalog/index.js';
import { seedReportCategories } from '../src/modules/reports/index.js';
import { hennefGeo } from './geo.js';

export const DEMO_PASSWORD = 'Rathaus-Demo-2026';
/** Fixed TOTP key of the demo accounts, so testers can add it to an authenticator app. Demo only. */
export const DEMO_TOTP_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

const units: { name: string; short: string; children: { name: string; short: string }[] }[] = [
  {
    name: 'Fachbereich Zentrale Dienste und Digitalisierung',
    short: 'FB 1',
    children: [{ name: 'Fachdienst IT und Digitalisierung', short: 'FD 1.3' }],
  },
  {
    name: 'Fachbereich Bürgerservice',
    short: 'FB 2',
    children: [
      { name: 'Fachdienst Einwohnermeldewesen', short: 'FD 2.1' },
      { name: 'Fachdienst Standesamt', short: 'FD 2.2' },
    ],
  },
  { name: 'Fachbereich Ordnung und Sicherheit', short: 'FB 3', children: [{ name: 'Fachdienst Ordnungsamt', short: 'FD 3.1' }] },
  {
    name: 'Fachbereich Jugend, Familie und Soziales',
    short: 'FB 4',
    children: [
      { name: 'Fachdienst Jugendamt', short: 'FD 4.1' },
      { name: 'Fachdienst Sozialamt', short: 'FD 4.2' },
    ],
  },
  {
    name: 'Fachbereich Planen, Bauen und Umwelt',
    short: 'FB 5',
    children: [
      { name: 'Fachdienst Bauordnung und Denkmalschutz', short: 'FD 5.1' },
      { name: 'Fachdienst Umweltamt', short: 'FD 5.3' },
    ],
  },
  { name: 'Fachbereich Finanzen', short: 'FB 6', children: [{ name: 'Fachdienst Steuern und Abgaben', short: 'FD 6.2' }] },
  { name: 'Stadtbetriebe Hennef', short: 'SBH', children: [] },
];

const staff: {
  email: string;
  name: string;
  unit: string;
  roles: StaffRole[];
  totp: boolean;
  platformAdmin?: boolean;
  alsoEditorOf?: string[];
}[] = [
  { email: 'admin@hennef.example', name: 'Petra Admin', unit: 'FD 1.3', roles: ['tenant_admin'], totp: true, platformAdmin: true },
  { email: 'cdo@hennef.example', name: 'Carl CDO', unit: 'FB 1', roles: ['cdo'], totp: true },
  {
    email: 'redaktion@hennef.example',
    name: 'Rita Redaktion',
    unit: 'FD 1.3',
    roles: ['editor'],
    totp: false,
    alsoEditorOf: ['FB 2', 'FB 6'],
  },
  // A clerk for every unit that has services, and a lead for every department above them.
  { email: 'digital@hennef.example', name: 'Ida Informatik', unit: 'FD 1.3', roles: ['clerk'], totp: true },
  { email: 'digital-leitung@hennef.example', name: 'Dana Digital', unit: 'FB 1', roles: ['unit_lead'], totp: true },
  { email: 'sachbearbeitung@hennef.example', name: 'Sven Sachbearbeiter', unit: 'FD 2.1', roles: ['clerk'], totp: true },
  { email: 'standesamt@hennef.example', name: 'Sandra Standesbeamtin', unit: 'FD 2.2', roles: ['clerk'], totp: true },
  { email: 'leitung@hennef.example', name: 'Lena Leitung', unit: 'FB 2', roles: ['unit_lead'], totp: true },
  { email: 'ordnungsamt@hennef.example', name: 'Otto Ordnung', unit: 'FD 3.1', roles: ['clerk'], totp: true },
  { email: 'ordnung-leitung@hennef.example', name: 'Olga Oberhaus', unit: 'FB 3', roles: ['unit_lead'], totp: true },
  { email: 'jugendamt@hennef.example', name: 'Jana Jugend', unit: 'FD 4.1', roles: ['clerk'], totp: true },
  { email: 'sozialamt@hennef.example', name: 'Simon Sozial', unit: 'FD 4.2', roles: ['clerk'], totp: true },
  { email: 'soziales-leitung@hennef.example', name: 'Frieda Familie', unit: 'FB 4', roles: ['unit_lead'], totp: true },
  { email: 'bauordnung@hennef.example', name: 'Bruno Bau', unit: 'FD 5.1', roles: ['clerk'], totp: true },
  { email: 'umweltamt@hennef.example', name: 'Uta Umwelt', unit: 'FD 5.3', roles: ['clerk'], totp: true },
  { email: 'bauen-leitung@hennef.example', name: 'Hanna Hochbau', unit: 'FB 5', roles: ['unit_lead'], totp: true },
  { email: 'steuern@hennef.example', name: 'Selma Steuer', unit: 'FD 6.2', roles: ['clerk'], totp: true },
  { email: 'finanzen-leitung@hennef.example', name: 'Fritz Finanz', unit: 'FB 6', roles: ['unit_lead'], totp: true },
  { email: 'stadtbetriebe@hennef.example', name: 'Stefan Betrieb', unit: 'SBH', roles: ['clerk'], totp: true },
  { email: 'stadtbetriebe-leitung@hennef.example', name: 'Birgit Betriebsleitung', unit: 'SBH', roles: ['unit_lead'], totp: true },
];

export async function seedHennef(db: Db): Promise<boolean> {
  if (await findTenantBySlug(db, 'hennef')) return false;
  await db.transaction().execute(async (trx) => {
    const tenant = await addTenant(trx, {
      slug: 'hennef',
      name: 'Stadt Hennef (Sieg)',
      hosts: ['hennef.localhost'],
      settings: {
        shortName: 'Hennef',
        // Hennef (Sieg): Land 05, Regierungsbezirk Köln 3, Rhein-Sieg-Kreis 82, Gemeinde 024.
        regionalKey: '053820024024',
        colours: { primary: '#004b87', primaryText: '#ffffff' },
        contact: {
          address: 'Frankfurter Straße 97, 53773 Hennef (Sieg)',
          phone: '02242 888-0',
          email: 'rathaus@hennef.example',
          hours: 'Mo–Fr 8–12 Uhr, Do 14–18 Uhr',
        },
        imprint:
          'Stadt Hennef (Sieg)\nDer Bürgermeister\nFrankfurter Straße 97\n53773 Hennef (Sieg)\n\nDie Stadt ist eine Körperschaft des öffentlichen Rechts.',
        privacy:
          'Wir verarbeiten personenbezogene Daten nur, soweit es für Ihr Anliegen erforderlich ist (Art. 6 Abs. 1 lit. c und e DSGVO).\n\nSitzungsdaten werden nach 30 Minuten Inaktivität gelöscht, E-Mail-Kopien nach 30 Tagen.',
        translations: {
          en: {
            imprint:
              'Town of Hennef (Sieg)\nThe Mayor\nFrankfurter Straße 97\n53773 Hennef (Sieg), Germany\n\nThe town is a public-law corporation.',
            privacy:
              'We process personal data only as far as your request requires it (Art. 6(1)(c) and (e) GDPR).\n\nSession data is deleted after 30 minutes of inactivity, copies of e-mails after 30 days.',
          },
        },
        languages: ['de', 'en'],
        cashAccount: { bank: 'Kreissparkasse Köln', iban: 'DE12 3705 0299 0000 1234 56', bic: 'COKSDE33XXX' },
        geo: hennefGeo,
      },
    });
    const ids = new Map<string, string>();
    for (const unit of units) {
      const parent = await insertUnit(trx, { tenant_id: tenant.id, name: unit.name, short_name: unit.short, parent_id: null });
      ids.set(unit.short, parent.id);
      for (const child of unit.children) {
        ids.set(
          child.short,
          (await insertUnit(trx, { tenant_id: tenant.id, name: child.name, short_name: child.short, parent_id: parent.id })).id,
        );
      }
    }
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    for (const person of staff) {
      const user = await insertUser(trx, {
        tenant_id: tenant.id,
        kind: 'staff',
        display_name: person.name,
        email: person.email,
        password_hash: passwordHash,
        totp_secret: person.totp ? DEMO_TOTP_SECRET : null,
        totp_enabled: person.totp,
        platform_admin: person.platformAdmin ?? false,
      });
      for (const role of person.roles) await addMembership(trx, tenant.id, user.id, ids.get(person.unit)!, role);
      for (const unit of person.alsoEditorOf ?? []) await addMembership(trx, tenant.id, user.id, ids.get(unit)!, 'editor');
    }
    await seedHennefCatalog(trx, tenant.id, ids);
    await seedReportCategories(trx, tenant.id);
    await recordAudit(trx, {
      tenantId: tenant.id,
      actorId: null,
      actorLabel: 'system',
      action: 'tenant.seeded',
      objectType: 'tenant',
      objectId: tenant.id,
    });
  });
  return true;
}
