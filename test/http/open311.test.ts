// Open311 GeoReport v2 conformance against the running server: every method in XML and JSON, with the right
// content types, the XML declaration, datetimes with time zone, the specification's error list and statuses,
// the common extensions and mySociety's servicerequestupdates; keys are issued and revoked by an administrator.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { startServer, type TestServer } from '../support/server.js';
import { Visitor } from '../support/visitor.js';
import { staffLogin } from '../support/journeys.js';

const W3C = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}([+-]\d{2}:\d{2}|Z)$/;
type Json = Record<string, unknown>;

describe('Open311 GeoReport v2', () => {
  let server: TestServer;
  let admin: Visitor;
  let key: string;
  const api = (path: string, init?: RequestInit) => fetch(`${server.url}/open311/v2/${path}`, init);
  const post = (format: 'xml' | 'json', fields: Record<string, string>) =>
    api(`requests.${format}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
      body: new URLSearchParams(fields).toString(),
    });
  const json = async (response: Response) => (await response.json()) as Json[] & Json;
  const reports = async () => (await sql<{ n: number }>`select count(*)::int as n from report`.execute(server.db)).rows[0]!.n;

  before(async () => {
    server = await startServer();
    admin = new Visitor(server.url);
    await staffLogin(admin, 'admin@hennef.example');
    await admin.get('/bo/open311');
    const created = await admin.post('/bo/open311', { name: 'Hennef-App' });
    key = /(o311_[A-Za-z0-9_-]+)/.exec(created.html)![1]!;
  });
  after(() => server.close());

  it('discovery names the endpoint and both formats', async () => {
    const xml = await api('discovery.xml');
    assert.equal(xml.headers.get('content-type'), 'text/xml; charset=utf-8');
    const text = await xml.text();
    assert.ok(text.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<discovery>'));
    assert.match(text, /<specification>http:\/\/wiki\.open311\.org\/GeoReport_v2<\/specification>/);
    const body = await json(await api('discovery.json'));
    const endpoints = body.endpoints as { url: string; formats: string[] }[];
    assert.equal(endpoints[0]!.url, `${server.url}/open311/v2`);
    assert.deepEqual(endpoints[0]!.formats, ['text/xml', 'application/json']);
  });

  it('services and a service definition with its attributes, in both formats', async () => {
    const services = await json(await api('services.json'));
    const pothole = services.find((service) => service.service_code === 'schlagloch')!;
    assert.deepEqual(
      { ...pothole, description: undefined },
      {
        service_code: 'schlagloch',
        service_name: 'Straße/Gehweg – Schlagloch',
        description: undefined,
        metadata: true,
        type: 'realtime',
        keywords: 'Straße, Gehweg, Schlagloch',
        group: 'Straße/Gehweg',
      },
    );
    assert.equal(services.find((service) => service.service_code === 'gehweg-schaden')!.metadata, false);
    const xml = await (await api('services.xml')).text();
    assert.match(xml, /<services><service><service_code>schlagloch<\/service_code>/);
    const definition = await json(await api('services/wilde-muellkippe.json'));
    assert.equal(definition.service_code, 'wilde-muellkippe');
    const [attribute] = definition.attributes as Json[];
    assert.deepEqual(
      {
        code: attribute!.code,
        datatype: attribute!.datatype,
        required: attribute!.required,
        order: attribute!.order,
        variable: attribute!.variable,
      },
      { code: 'gefahrstoffe', datatype: 'singlevaluelist', required: true, order: 1, variable: true },
    );
    assert.deepEqual(
      (attribute!.values as Json[]).map((value) => value.key),
      ['ja', 'nein', 'unbekannt'],
    );
    assert.match(
      await (await api('services/wilde-muellkippe.xml')).text(),
      /<service_definition><service_code>wilde-muellkippe<\/service_code><attributes><attribute><variable>true<\/variable>/,
    );
    const unknown = await api('services/gibtsnicht.json');
    assert.equal(unknown.status, 404);
    assert.deepEqual(await unknown.json(), [{ code: 404, description: 'service_code gibtsnicht was not found' }]);
    const unknownXml = await api('services/gibtsnicht.xml');
    assert.equal(unknownXml.status, 404);
    assert.match(
      await unknownXml.text(),
      /^<\?xml version="1\.0" encoding="utf-8"\?>\n<errors><error><code>404<\/code><description>service_code gibtsnicht was not found<\/description><\/error><\/errors>$/,
    );
    assert.equal((await api('services.html')).status, 404);
  });

  it('POST requests: bad input gets the specification’s error and nothing is stored', async () => {
    const valid = { service_code: 'schlagloch', lat: '50.7757', long: '7.2837', description: 'Loch' };
    const cases: [Record<string, string>, number, RegExp][] = [
      [valid, 403, /api_key was not provided/],
      [{ ...valid, api_key: 'o311_falsch' }, 403, /invalid api_key/],
      [{ ...valid, api_key: key, service_code: '' }, 400, /service_code was not provided/],
      [{ ...valid, api_key: key, service_code: 'atomkraftwerk' }, 404, /service_code atomkraftwerk was not found/],
      [{ api_key: key, service_code: 'schlagloch', description: 'Loch' }, 400, /a location is required/],
      [{ ...valid, api_key: key, lat: '50.8008', long: '7.2044' }, 400, /außerhalb von Hennef, vermutlich in: Stadt Siegburg/],
      [{ ...valid, api_key: key, service_code: 'wilde-muellkippe' }, 400, /attribute\[gefahrstoffe\]/],
      [{ ...valid, api_key: key, 'attribute[groesse]': 'riesig' }, 400, /attribute\[groesse\]/],
      [{ ...valid, api_key: key, jurisdiction_id: 'koeln.de' }, 404, /jurisdiction_id koeln\.de was not found/],
    ];
    for (const [fields, status, message] of cases) {
      const answer = await post('json', fields);
      assert.equal(answer.status, status, JSON.stringify(fields));
      const body = (await answer.json()) as { code: number; description: string }[];
      assert.equal(body[0]!.code, status);
      assert.match(body.map((error) => error.description).join(' '), message);
    }
    const xml = await post('xml', valid);
    assert.equal(xml.status, 403);
    assert.equal(xml.headers.get('content-type'), 'text/xml; charset=utf-8');
    assert.match(await xml.text(), /<errors><error><code>403<\/code>/);
    assert.equal(await reports(), 0, 'nothing stored');
  });

  let first = '';
  it('POST requests creates a report in the responsible unit and answers with its id, in JSON and XML', async () => {
    const created = await post('json', {
      api_key: key,
      jurisdiction_id: 'hennef',
      service_code: 'schlagloch',
      lat: '50.7757',
      long: '7.2837',
      description: 'Schlagloch an der Ampel',
      email: 'app-nutzer@example.org',
      first_name: 'Anna',
      last_name: 'App',
      'attribute[groesse]': 'gross',
      media_url: 'https://bilder.example.org/loch.jpg',
    });
    assert.equal(created.status, 200);
    assert.equal(created.headers.get('content-type'), 'application/json; charset=utf-8');
    const [request] = await json(created);
    first = String(request!.service_request_id);
    assert.match(first, /^M\d{4}-\d{6}$/);
    assert.match(String(request!.service_notice), /Zuständig: SBH/);
    const stored = (
      await sql<{
        answers: Record<string, string>;
        reporter_email: string;
        unit: string;
      }>`select r.answers, r.reporter_email, c.unit from report r join case_record c on c.source_id = r.id::text where r.number = ${first}`.execute(
        server.db,
      )
    ).rows[0]!;
    assert.deepEqual(stored, { answers: { groesse: 'gross' }, reporter_email: 'app-nutzer@example.org', unit: 'SBH' });
    const xml = await post('xml', {
      api_key: key,
      service_code: 'laterne-defekt',
      address_string: 'Frankfurter Straße 1',
      description: 'Laterne dunkel',
    });
    assert.equal(xml.status, 200);
    assert.match(
      await xml.text(),
      /^<\?xml version="1\.0" encoding="utf-8"\?>\n<service_requests><request><service_request_id>M\d{4}-\d{6}<\/service_request_id><service_notice>/,
    );
  });

  it('GET a request and GET requests with filters, window, pages and extensions; tokens lead to the id', async () => {
    const one = await json(await api(`requests/${first}.json`));
    const request = one[0]!;
    assert.equal(request.status, 'open');
    assert.equal(request.service_code, 'schlagloch');
    assert.match(String(request.requested_datetime), W3C);
    assert.match(String(request.expected_datetime), W3C);
    assert.equal(request.lat, 50.7757);
    assert.equal(request.long, 7.2837);
    assert.equal(request.media_url, 'https://bilder.example.org/loch.jpg');
    assert.equal(request.agency_responsible, 'Stadt Hennef (Sieg), Stadtbetriebe Hennef');
    assert.doesNotMatch(JSON.stringify(one), /app-nutzer|Anna|Ampel/, 'no personal data, no unmoderated text');
    assert.match(
      await (await api(`requests/${first}.xml`)).text(),
      new RegExp(`<service_requests><request><service_request_id>${first}</service_request_id><status>open</status>`),
    );
    assert.equal((await api('requests/M1999-000000.json')).status, 404);
    assert.equal((await api(`requests/${encodeURIComponent('M\u00002026')}.json`)).status, 404, 'a NUL in the path is dropped, not a 500');

    assert.equal((await json(await api('requests.json'))).length, 2, 'default window: the most recent 90 days');
    assert.deepEqual(
      (await json(await api('requests.json?service_code=laterne-defekt'))).map((row) => row.service_code),
      ['laterne-defekt'],
    );
    assert.deepEqual(await json(await api('requests.json?status=closed')), []);
    assert.equal(
      (await json(await api(`requests.json?service_request_id=${first},M1999-000000&status=closed`))).length,
      1,
      'service_request_id overrides the other arguments',
    );
    const page2 = await json(await api('requests.json?page_size=1&page=2'));
    assert.equal(page2.length, 1);
    assert.equal(page2[0]!.service_request_id, first, 'newest first: the first report is on the second page');
    const tooLong = await api('requests.json?start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z');
    assert.equal(tooLong.status, 400);
    assert.match(JSON.stringify(await tooLong.json()), /may not span more than 90 days/);
    assert.equal((await api('requests.xml?start_date=gestern')).status, 400);
    assert.equal((await api('requests.json?page_size=5000')).status, 400);

    const extended = await json(await api(`requests/${first}.json?extensions=true`));
    const attributes = extended[0]!.extended_attributes as { token: string; notes: { status: string; datetime: string }[] };
    assert.deepEqual(
      attributes.notes.map((note) => note.status),
      ['neu'],
    );
    const token = await json(await api(`tokens/${attributes.token}.json`));
    assert.deepEqual(token, [{ service_request_id: first, token: attributes.token }]);
    assert.equal((await api('tokens/00000000-0000-4000-8000-000000000000.xml')).status, 404);
  });

  it('servicerequestupdates lists the status changes with mySociety’s status words and the public answer', async () => {
    const clerk = new Visitor(server.url);
    await staffLogin(clerk, 'stadtbetriebe@hennef.example');
    const caseId = (
      await sql<{ id: string }>`select c.id from case_record c join report r on r.id::text = c.source_id where r.number = ${first}`.execute(
        server.db,
      )
    ).rows[0]!.id;
    const page = await clerk.get(`/bo/vorgaenge/${caseId}`);
    await clerk.post(`/bo/vorgaenge/${caseId}/status`, {
      version: /name="version" value="(\d+)"/.exec(page.html)![1]!,
      to: 'fixed',
      answer: 'Verfüllt am Montag.',
    });
    await server.jobs.runDue();
    const updates = await (await api('servicerequestupdates.xml')).text();
    assert.match(
      updates,
      new RegExp(
        `<service_requests_updates>.*<request_update><update_id>\\d+</update_id><service_request_id>${first}</service_request_id><status>FIXED</status><updated_datetime>[^<]+</updated_datetime><description>Verfüllt am Montag\\.</description>`,
        's',
      ),
    );
    const closed = await json(await api(`requests/${first}.json`));
    assert.deepEqual([closed[0]!.status, closed[0]!.status_notes], ['closed', 'Verfüllt am Montag.']);
  });

  it('POST with a full address as the specification writes it, and the jurisdiction by the host name', async () => {
    const host = new URL(server.url).hostname;
    const full = await post('json', {
      api_key: key,
      jurisdiction_id: host,
      service_code: 'laterne-defekt',
      address_string: 'Frankfurter Str. 97a, 53773 Hennef (Sieg)',
      description: 'Laterne flackert',
    });
    assert.equal(full.status, 200, await full.clone().text());
    const [created] = await json(full);
    const [read] = await json(await api(`requests/${created!.service_request_id}.json`));
    assert.equal(read!.address, 'Frankfurter Straße 97a, 53773 Hennef (Sieg)', 'the address as the directory writes it');
    const elsewhere = await post('json', {
      api_key: key,
      service_code: 'laterne-defekt',
      address_string: 'Kaiserstraße 5, 53721 Siegburg',
      description: 'Laterne dunkel',
    });
    assert.equal(elsewhere.status, 400);
    assert.match(await elsewhere.text(), /außerhalb von Hennef, vermutlich in: Stadt Siegburg/);
  });

  it('a revoked key is refused; a flood from one key is limited', async () => {
    const limited = /(o311_[A-Za-z0-9_-]+)/.exec((await admin.post('/bo/open311', { name: 'Flut-App' })).html)![1]!;
    let status = 200;
    let sent = 0;
    while (status === 200 && sent < 70) {
      status = (await post('json', { api_key: limited, service_code: 'papierkorb-voll', lat: '50.7757', long: '7.2837' })).status;
      sent++;
    }
    assert.equal(status, 429);
    assert.equal(sent, 61, 'sixty requests an hour per key');
    const clients = await admin.get('/bo/open311');
    const revoke = /action="(\/bo\/open311\/[0-9a-f-]{36}\/widerrufen)"/.exec(clients.html)![1]!;
    await admin.post(revoke, {});
    const refused = await post('json', { api_key: key, service_code: 'schlagloch', lat: '50.7757', long: '7.2837' });
    assert.equal(refused.status, 403);
  });
});
