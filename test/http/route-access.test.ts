// Walks every registered route with every role and checks the answer against the route's declaration: each
// route's access is an entry of a policy table (the modules' policy.ts and the platform's), a role the entry
// admits gets the page itself (or, for an address naming a record that does not exist, "not found"), and a role
// it does not admit is sent to log in or refused.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, type TestServer } from '../support/server.js';
import { Visitor } from '../support/visitor.js';
import { citizenLogin, staffLogin } from '../support/journeys.js';
import { isAllowed, type Access, type RouteDeclaration } from '../../src/platform/http/routes.js';
import { accountPolicy } from '../../src/platform/auth/policy.js';
import { modules } from '../../src/modules/index.js';
import { allRoles, type Role } from '../../src/platform/auth/roles.js';
import { addMembership, insertUser, listUnits } from '../../src/platform/auth/users-repo.js';
import { hashPassword } from '../../src/platform/auth/passwords.js';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from '../../seed/hennef.js';
import { findTenantBySlug } from '../../src/platform/tenancy/tenants.js';

const staffAccounts: Partial<Record<Role, string>> = {
  clerk: 'sachbearbeitung@hennef.example',
  unit_lead: 'leitung@hennef.example',
  editor: 'redaktion@hennef.example',
  cdo: 'cdo@hennef.example',
  tenant_admin: 'nur-admin@hennef.example',
  platform_admin: 'admin@hennef.example',
};

const skipped = (route: RouteDeclaration) => route.url.startsWith('/idp/') || route.url.startsWith('/static/');
const concrete = (url: string) => url.replace(/:[a-z]+/g, '00000000-0000-4000-8000-000000000000');

const policies: Record<string, Record<string, Access>> = {
  platform: accountPolicy,
  ...Object.fromEntries(modules.map((module) => [module.name, module.policy ?? {}])),
};
const policyEntries = new Set(Object.values(policies).flatMap((policy) => Object.values(policy)));

/** Pages that, for an admitted visitor, answer with a redirect by design (login steps, the account page for staff). */
const redirects: Record<string, (who: Role | 'anonymous') => boolean> = {
  '/konto': (who) => who !== 'anonymous' && who !== 'citizen',
  '/konto/anmelden': () => true,
  '/konto/callback': () => true,
  '/bo/anmelden': (who) => who !== 'anonymous' && who !== 'citizen',
  '/bo/anmelden/code': () => true,
  '/bo/anmelden/einrichten': () => true,
};
/** Links with a one-time token: an unknown token is an expired link (410), with the way to start again. */
const tokenLinks = new Set(['/online/fortsetzen/:token', '/bo/passwort-neu/:token', '/bescheid/abholen/:token']);

/** What an admitted visitor gets: the page, a redirect where that is the page's purpose, "not found" for a record
 * address (the walk uses an id that names nothing), "gone" for an unknown one-time link. */
function admittedAnswer(url: string, who: Role | 'anonymous'): number {
  if (redirects[url]?.(who)) return 303;
  if (tokenLinks.has(url)) return 410;
  return url.includes(':') ? 404 : 200;
}

describe('every route answers each role as it declares', () => {
  let server: TestServer;
  const visitors = new Map<Role | 'anonymous', Visitor>();

  before(async () => {
    server = await startServer();
    const tenant = (await findTenantBySlug(server.db, 'hennef'))!;
    const admin = await insertUser(server.db, {
      tenant_id: tenant.id,
      kind: 'staff',
      display_name: 'Nur Admin',
      email: staffAccounts.tenant_admin!,
      password_hash: await hashPassword(DEMO_PASSWORD),
      totp_secret: DEMO_TOTP_SECRET,
      totp_enabled: true,
    });
    await addMembership(server.db, tenant.id, admin.id, (await listUnits(server.db, tenant.id))[0].id, 'tenant_admin');
    visitors.set('anonymous', new Visitor(server.url));
    const citizen = new Visitor(server.url);
    await citizenLogin(citizen);
    visitors.set('citizen', citizen);
    for (const [role, email] of Object.entries(staffAccounts)) {
      const visitor = new Visitor(server.url);
      const answer = await staffLogin(visitor, email);
      assert.match(answer.url, /\/bo$/, `${role} logs in`);
      visitors.set(role as Role, visitor);
    }
  });
  after(() => server.close());

  it('GET routes: allowed roles get the page, others are sent to login or refused', async () => {
    const routes = server.routes.filter((r) => r.method === 'GET' && !skipped(r));
    assert.ok(routes.length >= 20, `found ${routes.length} routes`);
    for (const route of routes) {
      for (const [who, visitor] of visitors) {
        const actor =
          who === 'anonymous'
            ? { kind: 'anonymous' as const }
            : { kind: 'staff' as const, userId: '', name: '', unitIds: [], roles: new Set<Role>([who]) };
        const answer = await visitor.get(concrete(route.url), false);
        const label = `${who} GET ${route.url} → ${answer.status}`;
        if (route.access === 'apiKey') {
          assert.equal(answer.status, 401, `${label}: without a key`);
        } else if (isAllowed(route.access, { actor })) {
          assert.equal(answer.status, admittedAnswer(route.url, who), label);
        } else if (who === 'anonymous') {
          assert.equal(answer.status, 303, label);
          assert.match(answer.headers.get('location') ?? '', /^\/(bo\/anmelden|konto)\?next=/, label);
        } else {
          assert.equal(answer.status, 403, label);
        }
      }
    }
  });

  it('POST routes refuse every role they do not admit', async () => {
    const routes = server.routes.filter((r) => r.method === 'POST' && !skipped(r) && r.access !== 'public' && r.access !== 'apiKey');
    for (const route of routes) {
      for (const [who, visitor] of visitors) {
        const actor =
          who === 'anonymous'
            ? { kind: 'anonymous' as const }
            : { kind: 'staff' as const, userId: '', name: '', unitIds: [], roles: new Set<Role>([who]) };
        if (isAllowed(route.access, { actor })) continue;
        await visitor.get('/bo/passwort-vergessen');
        const answer = await visitor.post(concrete(route.url), {}, { follow: false });
        assert.equal(answer.status, who === 'anonymous' ? 303 : 403, `${who} POST ${route.url} → ${answer.status}`);
      }
    }
  });

  it('every route takes its access from a policy table, and every policy entry is used', () => {
    const routes = server.routes.filter((route) => !skipped(route));
    for (const route of routes) assert.ok(policyEntries.has(route.access), `${route.method} ${route.url}: access not from a policy`);
    for (const [name, policy] of Object.entries(policies))
      for (const [action, access] of Object.entries(policy))
        if (typeof access !== 'string')
          assert.ok(
            routes.some((route) => route.access === access),
            `${name}.${action} is used by no route`,
          );
  });

  it('every role of the platform is covered by this walk', () => {
    assert.deepEqual([...visitors.keys()].filter((k) => k !== 'anonymous').sort(), [...allRoles].sort());
  });
});
