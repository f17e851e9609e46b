// Walks every registered route with every role and checks the answer against the route's declaration.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, type TestServer } from '../support/server.js';
import { Visitor } from '../support/visitor.js';
import { citizenLogin, staffLogin } from '../support/journeys.js';
import { isAllowed, type RouteDeclaration } from '../../src/platform/http/routes.js';
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
          assert.ok([200, 303, 404, 410].includes(answer.status), label);
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

  it('every role of the platform is covered by this walk', () => {
    assert.deepEqual([...visitors.keys()].filter((k) => k !== 'anonymous').sort(), [...allRoles].sort());
  });
});
