// Hand-over to specialist software: a consumer pulls, fetches and acknowledges submissions through the API;
// another consumer's submission is 404; a push endpoint that fails three times and then recovers receives the
// package exactly once, signed; the JSON schema of the data is published.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { sql } from 'kysely';
import { startServer, type TestServer } from '../support/server.js';
import { Visitor } from '../support/visitor.js';
import { staffLogin } from '../support/journeys.js';
import { volunteer } from '../support/volunteer.js';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pushDue } from '../../src/modules/handover/service.js';
import { collectDrops, dropDue } from '../../src/modules/handover/file-drop.js';
import { citizenLogin } from '../support/journeys.js';
import { registerDog, SMALL_PDF } from '../support/dog.js';
import { answerSchema, answerValidator, type OpenApiDocument } from '../support/openapi.js';

async function applyAsVolunteer(server: TestServer, name: string) {
  const { submissionId } = await volunteer(new Visitor(server.url), { name });
  await server.jobs.runDue();
  return submissionId;
}

describe('hand-over to specialist software', () => {
  let server: TestServer;
  let admin: Visitor;
  let pushes: { body: string; signature: string; key: string }[] = [];
  let failuresLeft = 3;
  let receiver: Server;
  before(async () => {
    receiver = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        if (failuresLeft > 0) {
          failuresLeft--;
          response.writeHead(503).end();
          return;
        }
        pushes.push({
          body: Buffer.concat(chunks).toString(),
          signature: String(request.headers['x-rathaus-signature']),
          key: String(request.headers['idempotency-key']),
        });
        response.writeHead(200).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    server = await startServer();
    admin = new Visitor(server.url);
    await staffLogin(admin, 'admin@hennef.example');
  });
  after(async () => {
    await server.close();
    await new Promise((resolve) => receiver.close(resolve));
  });

  async function consumer(name: string, services: string, pushUrl = '', dropFolder = '') {
    await admin.get('/bo/schnittstellen');
    const created = await admin.post('/bo/schnittstellen', { name, services, pushUrl, dropFolder });
    return {
      key: /(rh_[A-Za-z0-9_-]+)/.exec(created.html)![1]!,
      secret: /Push-Signaturgeheimnis: ([A-Za-z0-9_-]+)/.exec(created.html)?.[1],
    };
  }

  it('a consumer pulls, fetches and acknowledges; the package carries the hashes and the schema', async () => {
    const { key } = await consumer('VOIS Wahlen', 'wahlhelfer');
    const { key: other } = await consumer('Hundesteuer-Verfahren', 'hundeanmeldung');
    const id = await applyAsVolunteer(server, 'Paul Pull');
    const auth = { authorization: `Bearer ${key}` };
    const refused = await fetch(`${server.url}/api/handover/v1/submissions`);
    assert.equal(refused.status, 401);
    const document = (await (await fetch(`${server.url}/api/openapi.json`)).json()) as OpenApiDocument;
    const documented = (path: string, method: string, status = 200) => answerValidator(answerSchema(document, path, method, status)!);
    const list = (await (await fetch(`${server.url}/api/handover/v1/submissions`, { headers: auth })).json()) as {
      submissions: { submissionId: string }[];
    };
    assert.equal(documented('/api/handover/v1/submissions', 'get')(list), '', 'the list is what the OpenAPI document says');
    assert.equal(documented('/api/handover/v1/submissions', 'get', 401)(await refused.json()), '');
    assert.deepEqual(
      list.submissions.map((item) => item.submissionId),
      [id],
    );
    const fetched = await fetch(`${server.url}/api/handover/v1/submissions/${id}`, { headers: auth });
    const body = (await fetched.json()) as {
      metadata: {
        contentStructure: { data: { hash: { type: string; content: string }; submissionSchema: { schemaUri: string; mimeType: string } } };
        authenticationInformation: unknown[];
        replyChannel: { eMail?: { address: string } };
      };
      data: Record<string, unknown>;
    };
    assert.equal(documented('/api/handover/v1/submissions/{id}', 'get')(body), '', 'the package is what the OpenAPI document says');
    assert.equal(body.metadata.contentStructure.data.hash.type, 'sha512');
    assert.equal(body.metadata.contentStructure.data.hash.content, createHash('sha512').update(JSON.stringify(body.data)).digest('hex'));
    assert.equal(body.data.name, 'Paul Pull');
    assert.equal(body.metadata.replyChannel.eMail?.address, 'helfer@example.org');
    const schema = (await (await fetch(body.metadata.contentStructure.data.submissionSchema.schemaUri)).json()) as {
      $schema: string;
      properties: Record<string, unknown>;
    };
    assert.equal(schema.$schema, 'https://json-schema.org/draft/2020-12/schema');
    assert.ok(schema.properties.name && schema.properties.role);
    assert.equal(
      (await fetch(`${server.url}/api/handover/v1/submissions/${id}`, { headers: { authorization: `Bearer ${other}` } })).status,
      404,
      'not for the other consumer',
    );
    assert.equal(
      (await fetch(`${server.url}/api/handover/v1/submissions/00000000-0000-4000-8000-000000000000/ack`, { method: 'POST', headers: auth }))
        .status,
      404,
    );
    for (let twice = 0; twice < 2; twice++) {
      const ack = await fetch(`${server.url}/api/handover/v1/submissions/${id}/ack`, { method: 'POST', headers: auth });
      assert.equal(ack.status, 200);
      assert.equal(documented('/api/handover/v1/submissions/{id}/ack', 'post')(await ack.json()), '');
    }
    const after = (await (await fetch(`${server.url}/api/handover/v1/submissions`, { headers: auth })).json()) as {
      submissions: unknown[];
    };
    assert.deepEqual(after.submissions, []);
    const clerk = new Visitor(server.url);
    await staffLogin(clerk, 'sachbearbeitung@hennef.example');
    assert.match((await clerk.get(`/bo/antraege/${id}`)).html, /VOIS Wahlen: bestätigt/, 'the delivery state is visible in the case');
  });

  it("the package names the applicant's login as an identification report and the service by its LeiKa key; nothing is sent empty", async () => {
    const { key } = await consumer('Hundesteuer-Fachverfahren', 'hundeanmeldung');
    const auth = { authorization: `Bearer ${key}` };
    await sql`update catalog_entry set published = published || '{"leikaKey":"99000000000000"}'::jsonb where slug = 'hundeanmeldung' and kind = 'service'`.execute(
      server.db,
    );
    const citizen = new Visitor(server.url);
    const before = Date.now();
    await citizenLogin(citizen, 'jonas-becker', 'substantial');
    const { submissionId } = await registerDog(citizen, 'Fiete');
    await server.jobs.runDue();
    const fetched = await (await fetch(`${server.url}/api/handover/v1/submissions/${submissionId}`, { headers: auth })).json();
    const document = (await (await fetch(`${server.url}/api/openapi.json`)).json()) as OpenApiDocument;
    assert.equal(answerValidator(answerSchema(document, '/api/handover/v1/submissions/{id}', 'get', 200)!)(fetched), '');
    const metadata = (
      fetched as {
        metadata: Record<string, unknown> & {
          authenticationInformation: { type: string; version: string; content: string }[];
          publicServiceType: { name: string; identifier: string };
          additionalReferenceInfo: { applicationDate: string; senderReference: string };
        };
      }
    ).metadata;
    assert.equal(metadata.$schema, 'https://schema.fitko.de/fit-connect/metadata/1.2.0/metadata.schema.json');
    assert.deepEqual(metadata.publicServiceType, {
      name: 'Hund anmelden (Hundesteuer)',
      identifier: 'urn:de:fim:leika:leistung:99000000000000',
    });
    assert.equal(metadata.authenticationInformation.length, 1);
    const [proof] = metadata.authenticationInformation;
    assert.equal(proof!.type, 'identificationReport');
    assert.match(proof!.version, /^\d+\.\d+\.\d+$/);
    const report = JSON.parse(proof!.content) as Record<string, string>;
    assert.equal(report.levelOfAssurance, 'http://eidas.europa.eu/LoA/substantial');
    assert.equal(report.idStatus, 'success');
    assert.equal(report.serverIdentity, `${server.url}/idp`, 'the identity provider that vouched for the applicant');
    assert.ok(Date.parse(report.identificationTime!) >= before - 1000 && Date.parse(report.identificationTime!) <= Date.now());
    assert.match(metadata.additionalReferenceInfo.applicationDate, /^\d{4}-\d{2}-\d{2}$/, 'a date, as the schema asks');
    assert.ok(!('paymentInformation' in metadata) && !('replyChannel' in metadata), 'no empty parts');

    const { key: volunteers } = await consumer('Wahlhelfer-Fachverfahren', 'wahlhelfer');
    const anonymous = await applyAsVolunteer(server, 'Anna Anonym');
    const { metadata: withoutLogin } = (await (
      await fetch(`${server.url}/api/handover/v1/submissions/${anonymous}`, { headers: { authorization: `Bearer ${volunteers}` } })
    ).json()) as { metadata: Record<string, unknown> };
    assert.ok(
      !('authenticationInformation' in withoutLogin),
      'an application without login carries no proof of identity, not an empty list',
    );
    assert.ok(!('publicServiceType' in withoutLogin), 'a service without LeiKa key is not named with half an identifier');
  });

  it('a push endpoint that fails three times and then recovers receives the package exactly once, signed', async () => {
    const { secret } = await consumer(
      'Wahlamt-Push',
      'wahlhelfer',
      `http://127.0.0.1:${(receiver.address() as { port: number }).port}/rathaus`,
    );
    pushes = [];
    failuresLeft = 3;
    const id = await applyAsVolunteer(server, 'Petra Push');
    let now = Date.now();
    for (let round = 0; round < 8; round++) {
      await pushDue(server.db, new Date(now));
      now += 60 * 60_000;
    }
    assert.equal(pushes.length, 1, 'exactly once');
    const pushed = JSON.parse(pushes[0]!.body) as { data: { name: string } };
    assert.equal(pushed.data.name, 'Petra Push');
    assert.equal(pushes[0]!.signature, `sha256=${createHmac('sha256', secret!).update(pushes[0]!.body).digest('hex')}`);
    const delivery = (
      await sql<{
        push_state: string;
        push_attempts: number;
        id: string;
      }>`select d.push_state, d.push_attempts, d.id from handover_delivery d join handover_consumer c on c.id = d.consumer_id where c.name = 'Wahlamt-Push' and d.submission_id = ${id}`.execute(
        server.db,
      )
    ).rows[0]!;
    assert.equal(delivery.push_state, 'delivered');
    assert.equal(delivery.push_attempts, 4);
    assert.equal(pushes[0]!.key, delivery.id, 'the idempotency key is the delivery');
  });

  it('a legacy system takes deliveries from its drop folder: written once, whole, with attachments; collected counts as acknowledged', async () => {
    const refused = await admin.post('/bo/schnittstellen', {
      name: 'Altverfahren',
      services: 'hundeanmeldung',
      pushUrl: '',
      dropFolder: '../etc',
    });
    assert.equal(refused.status, 400);
    assert.match(refused.html, /ein Ordnername, kein Pfad/);
    assert.match(refused.html, /value="Altverfahren"/, 'the form keeps what was typed');
    await consumer('Hundesteuer-Altverfahren', 'hundeanmeldung', '', 'hundesteuer');
    const citizen = new Visitor(server.url);
    await citizenLogin(citizen, 'jonas-becker', 'substantial');
    const { submissionId } = await registerDog(citizen, 'Bello');
    await server.jobs.runDue();
    const folder = join(server.config.handoverDropDir, 'hundesteuer');
    assert.equal(await dropDue(server.db, server.deps.store, server.config.handoverDropDir), 1);
    assert.equal(await dropDue(server.db, server.deps.store, server.config.handoverDropDir), 0, 'a second run writes nothing again');
    const entries = readdirSync(folder);
    assert.equal(entries.length, 1, 'one directory, no temporary leftovers');
    const delivery = join(folder, entries[0]!);
    const written = JSON.parse(readFileSync(join(delivery, 'paket.json'), 'utf8')) as {
      data: { dogs: { dogName: string }[] };
      metadata: { contentStructure: { attachments: { attachmentId: string; hash: { content: string } }[] } };
    };
    assert.equal(written.data.dogs[0]!.dogName, 'Bello');
    const [attachment] = written.metadata.contentStructure.attachments;
    const file = readdirSync(join(delivery, 'anlagen'))[0]!;
    assert.match(file, /chip-bescheinigung\.pdf$/);
    assert.ok(readFileSync(join(delivery, 'anlagen', file)).equals(SMALL_PDF), 'the attachment is the uploaded file, decrypted');
    assert.equal(createHash('sha512').update(SMALL_PDF).digest('hex'), attachment!.hash.content);
    assert.equal(await collectDrops(server.db, server.config.handoverDropDir), 0, 'not collected while the directory is there');
    const clerk = new Visitor(server.url);
    await staffLogin(clerk, 'steuern@hennef.example');
    assert.match(
      (await clerk.get(`/bo/antraege/${submissionId}`)).html,
      /Hundesteuer-Altverfahren: bereitgestellt · Dateiablage: abgelegt/,
    );
    rmSync(delivery, { recursive: true });
    assert.equal(await collectDrops(server.db, server.config.handoverDropDir), 1);
    assert.match((await clerk.get(`/bo/antraege/${submissionId}`)).html, /Hundesteuer-Altverfahren: bestätigt · Dateiablage: abgeholt/);
  });

  it('an unwritable drop folder retries with backoff, alerts the administrators after five attempts and loses nothing', async () => {
    await consumer('Gesperrtes Altverfahren', 'wahlhelfer', '', 'gesperrt');
    mkdirSync(server.config.handoverDropDir, { recursive: true });
    writeFileSync(join(server.config.handoverDropDir, 'gesperrt'), 'kein Verzeichnis');
    const id = await applyAsVolunteer(server, 'Doris Drop');
    let now = Date.now();
    for (let round = 0; round < 5; round++) {
      await dropDue(server.db, server.deps.store, server.config.handoverDropDir, new Date(now));
      now += 7 * 60 * 60_000;
    }
    const state = async () =>
      (
        await sql<{
          drop_state: string;
          drop_attempts: number;
        }>`select d.drop_state, d.drop_attempts from handover_delivery d join handover_consumer c on c.id = d.consumer_id where c.name = 'Gesperrtes Altverfahren' and d.submission_id = ${id}`.execute(
          server.db,
        )
      ).rows[0]!;
    assert.deepEqual(await state(), { drop_state: 'failing', drop_attempts: 5 });
    const alerts = await sql<{
      n: number;
    }>`select count(*)::int as n from mail_message where subject = 'Übergabe an Gesperrtes Altverfahren scheitert'`.execute(server.db);
    assert.equal(alerts.rows[0]!.n, 1, 'one alert');
    rmSync(join(server.config.handoverDropDir, 'gesperrt'));
    await dropDue(server.db, server.deps.store, server.config.handoverDropDir, new Date(now));
    assert.equal((await state()).drop_state, 'written', 'once the folder works, the delivery arrives');
    assert.ok(existsSync(join(server.config.handoverDropDir, 'gesperrt')));
  });
});
