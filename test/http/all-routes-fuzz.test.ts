// Every route in the route table, as an anonymous visitor, a citizen and each staff role, gets the shapes of input
// that once gave server errors: repeated query and form parameters, CR/LF in redirect targets, a CSRF token that is
// an object, JSON nested 5,000 deep, XML nested 20,000 deep, and odd path parameters. No answer may be a 5xx.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { startServer, type TestServer } from '../support/server.js';
import { Visitor } from '../support/visitor.js';
import { citizenLogin, reportPothole, staffLogin, visitorsByRole } from '../support/journeys.js';
import { addMembership, insertUser, listUnits } from '../../src/platform/auth/users-repo.js';
import { hashPassword } from '../../src/platform/auth/passwords.js';
import { findTenantBySlug } from '../../src/platform/tenancy/tenants.js';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from '../../seed/hennef.js';
import type { RouteDeclaration } from '../../src/platform/http/routes.js';
import { postMultipart } from '../support/multipart.js';

/** Logging out would end the visitor's own session half-way through; the IdP's routes are oidc-provider's own. */
const skipped = (route: RouteDeclaration) =>
  route.url.startsWith('/static/') || route.url.startsWith('/idp/') || route.url.startsWith('/abmelden');

const FIELDS = [
  'email',
  'password',
  'code',
  'next',
  'version',
  'to',
  'reason',
  'status',
  'ids',
  'bulk',
  'assignee',
  'name',
  'description',
  'address',
  'coordinates',
  'category',
  'schluessel',
  'subject',
  'body',
  'kind',
  'amount',
  'action',
  'text',
  'unit',
  'role',
  'lang',
];
const repeatedQuery =
  'next=%2Fbo%0D%0ASet-Cookie%3A%20x%3D1&next=%2F%09%2Fevil.example&ansicht=new&ansicht=escalated&status=open&status=open&schluessel=a&schluessel=a&q=hund&q=katze&suche=a&suche=b&leistung=x&leistung=y&von=1.1.2026&von=x&kategorie=a&kategorie=b&lang=de&lang=en&service_code=a&service_code=b&page=1&page=2&format=json&format=xml';

describe('no route answers bad input with a server error', () => {
  let server: TestServer;
  let visitors = new Map<string, Visitor>();
  const tokens = new Map<string, string>();
  const failures: string[] = [];
  let ids: string[] = [];

  before(async () => {
    server = await startServer();
    const citizen = new Visitor(server.url);
    await citizenLogin(citizen);
    visitors = await visitorsByRole(server.url, citizen);
    const tenant = (await findTenantBySlug(server.db, 'hennef'))!;
    const tenantAdmin = await insertUser(server.db, {
      tenant_id: tenant.id,
      kind: 'staff',
      display_name: 'Nur Admin',
      email: 'nur-admin@hennef.example',
      password_hash: await hashPassword(DEMO_PASSWORD),
      totp_secret: DEMO_TOTP_SECRET,
      totp_enabled: true,
    });
    await addMembership(server.db, tenant.id, tenantAdmin.id, (await listUnits(server.db, tenant.id))[0]!.id, 'tenant_admin');
    const onlyAdmin = new Visitor(server.url);
    await staffLogin(onlyAdmin, 'nur-admin@hennef.example');
    visitors.set('tenant_admin', onlyAdmin);
    for (const [who, visitor] of visitors) {
      await visitor.get('/maengelmelder');
      tokens.set(who, visitor.csrf());
    }
    await reportPothole(server.url);
    const known = await sql<{
      id: string;
    }>`select id::text from case_record union all select id::text from report union all select id::text from app_user limit 20`.execute(
      server.db,
    );
    ids = known.rows.map((row) => row.id);
  });
  after(() => server.close());

  /** Each path parameter gets a real id, a hostile string, a service slug, an unknown id or an Open311 file, in turn. */
  function paths(url: string): string[] {
    if (!url.includes(':')) return [url];
    const values = [ids[0] ?? 'x', 'x%0D%0Ay%E2%80%AE..%2F..', 'hundesteuer', '00000000-0000-4000-8000-000000000000', 'requests.json'];
    return values.map((value) => url.replace(/:[A-Za-z]+/g, value));
  }

  async function expectNoServerError(who: string, label: string, answer: Promise<{ status: number }>) {
    const { status } = await answer;
    if (status >= 500) failures.push(`${who} ${label} → ${status}`);
  }

  it('GET with repeated and hostile query parameters', async () => {
    const routes = server.routes.filter((route) => route.method === 'GET' && !skipped(route));
    assert.ok(routes.length > 100, `the route table has ${routes.length} GET routes`);
    for (const [who, visitor] of visitors) {
      for (const route of routes) {
        for (const path of paths(route.url))
          await expectNoServerError(who, `GET ${path}?…`, visitor.request('GET', `${path}?${repeatedQuery}`, { follow: false }));
      }
    }
    assert.deepEqual(failures, []);
  });

  it('POST, PUT and DELETE with repeated fields, CR/LF, a CSRF object, and JSON and XML nested thousands deep', async () => {
    const routes = server.routes.filter((route) => route.method !== 'GET' && !skipped(route));
    const deepJson = `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`;
    const deepArray = `${'['.repeat(5000)}${']'.repeat(5000)}`;
    const deepXml = `<?xml version="1.0"?>${'<a>'.repeat(20000)}x${'</a>'.repeat(20000)}`;
    for (const [who, visitor] of visitors) {
      const token = tokens.get(who)!;
      const form = new URLSearchParams([
        ['_csrf', token],
        ...FIELDS.flatMap((field) => [
          [field, 'a\r\nb'],
          [field, '/%09/evil.example'],
        ]),
      ]);
      const shapes: [string, string, string][] = [
        ['repeated form fields', 'application/x-www-form-urlencoded', form.toString()],
        [
          'CSRF token as an object',
          'application/json',
          JSON.stringify({ _csrf: { value: { toString: 1 } }, email: ['a', 'b'], next: '/\r\n/evil' }),
        ],
        ['JSON 5,000 deep', 'application/json', deepJson],
        ['JSON array 5,000 deep', 'application/json', deepArray],
        ['XML 20,000 deep', 'application/xml', deepXml],
      ];
      for (const route of routes) {
        for (const path of paths(route.url).slice(0, 2)) {
          for (const [shape, type, body] of shapes) {
            await expectNoServerError(
              who,
              `${route.method} ${path} (${shape})`,
              visitor.request(route.method, `${path}?${repeatedQuery}`, {
                body,
                headers: { 'content-type': type, 'csrf-token': token },
                follow: false,
              }),
            );
          }
        }
      }
    }
    assert.deepEqual(failures, []);
  });

  it('a catalog import nested 20,000 deep (XML) or 5,000 deep (JSON) is refused with a message before it is parsed', async () => {
    const admin = visitors.get('platform_admin')!;
    for (const [name, content] of [
      ['tief.xml', `<?xml version="1.0"?>${'<a>'.repeat(20000)}x${'</a>'.repeat(20000)}`],
      ['tief.json', `${'['.repeat(5000)}${']'.repeat(5000)}`],
    ] as const) {
      await admin.get('/bo/katalog/austausch');
      const answer = await postMultipart(admin, '/bo/katalog/import', {}, [{ field: 'file', name, bytes: content }]);
      assert.equal(answer.status, 400, name);
      assert.match(answer.html, /Die Datei ist zu tief verschachtelt oder enthält zu viele Elemente/, name);
    }
  });
});
