// Random and hostile input against the back office and the Mängelmelder: forms, filters, path parameters and the
// Open311 API never answer with a server error, whatever is posted or put into a URL.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { sql } from 'kysely';
import { startServer, type TestServer } from '../support/server.js';
import { Visitor } from '../support/visitor.js';
import { citizenLogin, staffLogin } from '../support/journeys.js';
import { applyForStreetOpening } from '../support/street-opening.js';

const hostile = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    'NaN',
    '1e309',
    '-1',
    '0',
    '2',
    'yes',
    'me',
    'review',
    'approved',
    'schlagloch',
    '50.7757, 7.2837',
    '31.02.2026',
    'M2026-000001',
    '00000000-0000-4000-8000-000000000000',
    '<script>',
    '../../etc',
    'x'.repeat(3000),
  ),
);
const runs = { numRuns: 40 };

describe('hostile input against cases and reports', () => {
  let server: TestServer;
  let admin: Visitor;
  let caseId: string;
  let reportId: string;
  const failures: string[] = [];
  const expectNoServerError = (label: string, status: number) => {
    if (status >= 500) failures.push(`${label} → ${status}`);
  };

  before(async () => {
    server = await startServer();
    const business = new Visitor(server.url);
    await citizenLogin(business, 'siegtal-baeckerei', 'substantial');
    await applyForStreetOpening(business);
    const citizen = new Visitor(server.url);
    await citizen.get('/maengelmelder');
    await citizen.post('/maengelmelder', {
      category: 'schlagloch',
      address: 'Frankfurter Straße 97',
      coordinates: '',
      description: 'Loch im Weg',
      name: '',
      email: '',
    });
    caseId = (await sql<{ id: string }>`select id from case_record where source_kind = 'submission'`.execute(server.db)).rows[0]!.id;
    reportId = (await sql<{ id: string }>`select id from report`.execute(server.db)).rows[0]!.id;
    admin = new Visitor(server.url);
    await staffLogin(admin, 'admin@hennef.example');
  });
  after(() => server.close());

  it('case actions, the inbox filters and bulk actions', async () => {
    await fc.assert(
      fc.asyncProperty(hostile, hostile, hostile, async (one, two, three) => {
        for (const path of ['status', 'zuweisung', 'verknuepfung', 'notiz', `verknuepfung/${encodeURIComponent(one)}/loesen`]) {
          await admin.get('/bo');
          expectNoServerError(
            `POST case ${path}`,
            (
              await admin.post(`/bo/vorgaenge/${caseId}/${path}`, {
                version: one,
                to: two,
                reason: three,
                conditions: three,
                assignee: two,
                number: one,
                note: three,
              })
            ).status,
          );
        }
        expectNoServerError(
          'inbox',
          (
            await admin.get(
              `/bo/vorgaenge?suche=${encodeURIComponent(one)}&von=${encodeURIComponent(two)}&bis=${encodeURIComponent(three)}&status=${encodeURIComponent(two)}&sortierung=${encodeURIComponent(one)}`,
            )
          ).status,
        );
        await admin.get('/bo');
        expectNoServerError(
          'bulk',
          (await admin.post('/bo/vorgaenge/sammelaktion', { ids: caseId, bulk: `status:${one}`, reason: two })).status,
        );
      }),
      runs,
    );
    assert.deepEqual(failures, []);
  });

  it('reporting, support, reopening, moderation and the public map', async () => {
    await fc.assert(
      fc.asyncProperty(hostile, hostile, hostile, async (one, two, three) => {
        const visitor = new Visitor(server.url);
        await visitor.get('/maengelmelder');
        expectNoServerError(
          'report',
          (
            await visitor.post('/maengelmelder', {
              category: one,
              address: two,
              coordinates: three,
              description: one,
              name: two,
              email: three,
              confirmed: one,
              'q.groesse': two,
            })
          ).status,
        );
        await visitor.get('/maengelmelder');
        expectNoServerError('support', (await visitor.post(`/maengelmelder/meldung/${reportId}/unterstuetzen`, { email: one })).status);
        await visitor.get('/maengelmelder');
        expectNoServerError(
          'reopen',
          (await visitor.post(`/maengelmelder/meldung/${reportId}/wieder-oeffnen`, { schluessel: two, comment: three })).status,
        );
        expectNoServerError(
          'map',
          (
            await visitor.get(
              `/maengelmelder/meldungen?kategorie=${encodeURIComponent(one)}&status=${encodeURIComponent(two)}&zeitraum=${encodeURIComponent(three)}`,
            )
          ).status,
        );
        expectNoServerError(
          'report page',
          (await visitor.get(`/maengelmelder/meldung/${encodeURIComponent(one)}?schluessel=${encodeURIComponent(two)}`)).status,
        );
        expectNoServerError('photo', (await visitor.get(`/maengelmelder/meldung/${reportId}/foto/${encodeURIComponent(one)}`)).status);
        await admin.get('/bo');
        expectNoServerError('recategorise', (await admin.post(`/bo/meldungen/${reportId}/kategorie`, { category: one })).status);
        await admin.get('/bo');
        expectNoServerError(
          'moderation',
          (await admin.post(`/bo/meldungen/${reportId}/foto/${encodeURIComponent(two)}/sichtbarkeit`, { public: three })).status,
        );
        await admin.get('/bo');
        expectNoServerError(
          'category',
          (
            await admin.post(`/bo/meldungen/kategorien/${encodeURIComponent(one)}`, {
              name_de: two,
              name_en: three,
              unit: one,
              target_days: two,
              active: three,
              questions: `${one}\n${two}`,
            })
          ).status,
        );
      }),
      runs,
    );
    assert.deepEqual(failures, []);
  });

  it('Open311 in both formats', async () => {
    await fc.assert(
      fc.asyncProperty(hostile, hostile, hostile, fc.constantFrom('xml', 'json'), async (one, two, three, format) => {
        const api = (path: string, init?: RequestInit) => fetch(`${server.url}/open311/v2/${path}`, init);
        for (const resource of ['services', 'requests', 'tokens'])
          expectNoServerError(`GET ${resource}/…`, (await api(`${resource}/${encodeURIComponent(one)}.${format}`)).status);
        expectNoServerError(
          'GET requests',
          (
            await api(
              `requests.${format}?start_date=${encodeURIComponent(one)}&end_date=${encodeURIComponent(two)}&status=${encodeURIComponent(three)}&page=${encodeURIComponent(two)}&page_size=${encodeURIComponent(one)}&jurisdiction_id=${encodeURIComponent(three)}`,
            )
          ).status,
        );
        const body = new URLSearchParams({
          api_key: one,
          service_code: two,
          lat: three,
          long: one,
          address_string: two,
          'attribute[groesse]': three,
        });
        expectNoServerError(
          'POST requests',
          (
            await api(`requests.${format}`, {
              method: 'POST',
              headers: { 'content-type': 'application/x-www-form-urlencoded' },
              body: body.toString(),
            })
          ).status,
        );
      }),
      runs,
    );
    assert.deepEqual(failures, []);
  });
});
