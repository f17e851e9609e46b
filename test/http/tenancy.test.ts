import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, type TestServer } from '../support/server.js';
import { Visitor } from '../support/visitor.js';
import { staffLogin } from '../support/journeys.js';
import { addTenant } from '../../src/platform/tenancy/tenants.js';
import { addMembership, insertUnit, insertUser } from '../../src/platform/auth/users-repo.js';
import { hashPassword } from '../../src/platform/auth/passwords.js';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from '../../seed/hennef.js';

describe('tenants are kept apart', () => {
  let server: TestServer;
  let siegburgUserId: string;
  before(async () => {
    server = await startServer();
    const siegburg = await addTenant(server.db, {
      slug: 'siegburg',
      name: 'Stadt Siegburg',
      hosts: ['siegburg.localhost'],
      settings: { colours: { primary: '#7a1f1f', primaryText: '#ffffff' } },
    });
    const unit = await insertUnit(server.db, { tenant_id: siegburg.id, name: 'Bürgeramt Siegburg', short_name: null, parent_id: null });
    const admin = await insertUser(server.db, {
      tenant_id: siegburg.id,
      kind: 'staff',
      display_name: 'Sina Siegburg',
      email: 'admin@siegburg.example',
      password_hash: await hashPassword(DEMO_PASSWORD),
      totp_secret: DEMO_TOTP_SECRET,
      totp_enabled: true,
    });
    await addMembership(server.db, siegburg.id, admin.id, unit.id, 'tenant_admin');
    siegburgUserId = admin.id;
  });
  after(() => server.close());

  const siegburg = () => new Visitor(server.url, `siegburg.localhost:${server.port}`);

  it('the host name chooses the tenant, with its own name and colours', async () => {
    const home = await siegburg().get('/');
    assert.match(home.html, /Stadt Siegburg/);
    assert.doesNotMatch(home.html, /Hennef/);
    const css = await siegburg().get('/tenant.css');
    assert.match(css.html, /#7a1f1f/);
  });

  it('an unknown host gets a 404 page that names no tenant', async () => {
    const answer = await new Visitor(server.url, `unbekannt.example:${server.port}`).get('/');
    assert.equal(answer.status, 404);
    assert.match(answer.html, /gehört zu keiner Kommune/);
    assert.doesNotMatch(answer.html, /Hennef|Siegburg/);
  });

  it("a Hennef admin cannot read or change Siegburg's staff through any admin route", async () => {
    const hennefAdmin = new Visitor(server.url);
    await staffLogin(hennefAdmin, 'admin@hennef.example');
    const list = await hennefAdmin.get('/admin/benutzer');
    assert.doesNotMatch(list.html, /Sina Siegburg/);
    assert.equal((await hennefAdmin.get(`/admin/benutzer/${siegburgUserId}`)).status, 404);
    const change = await hennefAdmin.post(`/admin/benutzer/${siegburgUserId}/zuordnungen`, { unit_id: siegburgUserId, role: 'clerk' });
    assert.equal(change.status, 404);
    const log = await hennefAdmin.get('/admin/protokoll?q=siegburg');
    assert.doesNotMatch(log.html, /Sina Siegburg/);
  });

  it("a Hennef session is not valid on Siegburg's host, and Hennef accounts cannot log in there", async () => {
    const visitor = new Visitor(server.url);
    await staffLogin(visitor, 'admin@hennef.example');
    const sid = visitor.cookies.get('rh_sid')!;
    const elsewhere = siegburg();
    elsewhere.cookies.set('rh_sid', sid);
    const answer = await elsewhere.get('/admin/benutzer', false);
    assert.equal(answer.status, 303);
    const login = await staffLogin(siegburg(), 'admin@hennef.example');
    assert.equal(login.status, 401);
    const own = await staffLogin(siegburg(), 'admin@siegburg.example');
    assert.match(own.url, /\/bo$/);
  });
});
