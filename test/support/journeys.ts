// Steps many tests share: staff and citizen logins through the real forms and the demo identity provider.
import { DEMO_PASSWORD } from '../../seed/hennef.js';
import { freshTotp } from './totp.js';
import { Visitor } from './visitor.js';

export async function staffLogin(visitor: Visitor, email: string, password = DEMO_PASSWORD) {
  await visitor.get('/bo/anmelden');
  const answer = await visitor.post('/bo/anmelden', { email, password });
  if (!answer.url.endsWith('/bo/anmelden/code')) return answer;
  return visitor.post('/bo/anmelden/code', { code: await freshTotp(visitor.base, email) });
}

export async function citizenLogin(visitor: Visitor, persona = 'erika-mustermann', level = 'substantial', next?: string) {
  const atIdp = await visitor.get(next ? `/konto/anmelden?next=${next}` : '/konto/anmelden');
  const action = /action="([^"]*\/idp\/interaction\/[^"]+)"/.exec(atIdp.html)?.[1];
  if (!action) throw new Error(`demo IdP page not reached: ${atIdp.status} ${atIdp.url}`);
  return visitor.post(action, { persona, level });
}

/** The demo's staff accounts, one per role. */
export const STAFF_BY_ROLE = {
  clerk: 'sachbearbeitung@hennef.example',
  unit_lead: 'leitung@hennef.example',
  editor: 'redaktion@hennef.example',
  cdo: 'cdo@hennef.example',
  platform_admin: 'admin@hennef.example',
} as const;

/** A visitor per role: anonymous, the given citizen, and each staff account logged in through the real forms. */
export async function visitorsByRole(base: string, citizen: Visitor): Promise<Map<string, Visitor>> {
  const visitors = new Map<string, Visitor>([
    ['anonymous', new Visitor(base)],
    ['citizen', citizen],
  ]);
  for (const [role, email] of Object.entries(STAFF_BY_ROLE)) {
    const visitor = new Visitor(base);
    await staffLogin(visitor, email);
    visitors.set(role, visitor);
  }
  return visitors;
}

/** A pothole reported through the public form, as anyone would. */
export async function reportPothole(base: string, fields: Record<string, string> = {}) {
  const reporter = new Visitor(base);
  await reporter.get('/maengelmelder');
  return reporter.post('/maengelmelder', {
    category: 'schlagloch',
    address: 'Frankfurter Straße 97',
    coordinates: '',
    description: 'Loch im Weg',
    name: '',
    email: '',
    ...fields,
  });
}
