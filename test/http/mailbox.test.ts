// The Postfach: the receipt arrives, a clerk asks for a document, the citizen answers with it into the same
// case, only the owner can open an item, search and deletion work, and notifications follow the setting.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { startServer, type TestServer } from '../support/server.js';
import { Visitor } from '../support/visitor.js';
import { citizenLogin, staffLogin } from '../support/journeys.js';
import { postMultipart } from '../support/multipart.js';
import { volunteer } from '../support/volunteer.js';

const pdf = Buffer.from('%PDF-1.4\n% Personalausweis\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const notifications = async (server: TestServer) =>
  (
    await sql<{
      n: number;
    }>`select count(*)::int as n from mail_message where recipient = 'erika.mustermann@example.org' and subject like 'Neue Nachricht im Postfach%'`.execute(
      server.db,
    )
  ).rows[0]!.n;

describe('the Postfach', () => {
  let server: TestServer;
  let erika: Visitor;
  let clerk: Visitor;
  let submissionId: string;
  before(async () => {
    server = await startServer();
    erika = new Visitor(server.url);
    await citizenLogin(erika, 'erika-mustermann', 'substantial');
    ({ submissionId } = await volunteer(erika, { role: 'member' }));
    clerk = new Visitor(server.url);
    await staffLogin(clerk, 'sachbearbeitung@hennef.example');
  });
  after(() => server.close());

  it('the receipt arrives unread, and the e-mail only says that something arrived', async () => {
    const list = await erika.get('/postfach');
    assert.match(list.html, /<strong>Eingangsbestätigung \d{4}-\d{6}/);
    assert.match(list.html, /ungelesen/);
    assert.equal(await notifications(server), 1);
    const account = await erika.get('/konto');
    assert.match(account.html, /Zum Postfach<\/a><span> \(1 ungelesen\)/);
  });

  it('a clerk asks for a document; the citizen answers with it, and the clerk finds it in the case', async () => {
    await clerk.get(`/bo/antraege/${submissionId}`);
    const empty = await clerk.post(`/bo/antraege/${submissionId}/nachricht`, { kind: 'request', subject: '', body: '' });
    assert.equal(empty.status, 400);
    await clerk.get(`/bo/antraege/${submissionId}`);
    const sent = await clerk.post(`/bo/antraege/${submissionId}/nachricht`, {
      kind: 'request',
      subject: 'Bitte Personalausweis nachreichen',
      body: 'Bitte laden Sie eine Kopie Ihres Personalausweises hoch.',
    });
    assert.match(sent.html, /liegt im Postfach der antragstellenden Person/);
    const list = await erika.get('/postfach');
    const id = /href="\/postfach\/([0-9a-f-]{36})"><strong>Bitte Personalausweis nachreichen/.exec(list.html)![1]!;
    const item = await erika.get(`/postfach/${id}`);
    assert.match(item.html, /Bitte laden Sie eine Kopie Ihres Personalausweises hoch/);
    const noAnswer = await postMultipart(erika, `/postfach/${id}/antworten`, { reply: '' });
    assert.equal(noAnswer.status, 400);
    assert.match(noAnswer.html, /Bitte schreiben Sie eine Antwort oder hängen Sie eine Unterlage an/);
    await erika.get(`/postfach/${id}`);
    const refused = await postMultipart(erika, `/postfach/${id}/antworten`, { reply: 'Anbei' }, [
      { field: 'document', name: 'ausweis.exe', bytes: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(500, 1)]) },
    ]);
    assert.match(refused.html, /Diese Datei können wir nicht annehmen/);
    assert.match(refused.html, />Anbei<\/textarea>/, 'the text typed stays');
    await erika.get(`/postfach/${id}`);
    const answered = await postMultipart(erika, `/postfach/${id}/antworten`, { reply: 'Anbei mein Ausweis.' }, [
      { field: 'document', name: 'ausweis.pdf', bytes: pdf },
    ]);
    assert.match(answered.html, /Ihre Antwort ist bei der Stadt eingegangen/);
    const read = (await sql<{ read_at: Date | null }>`select read_at from mailbox_item where id = ${id}`.execute(server.db)).rows[0]!;
    assert.ok(read.read_at, 'opening the item records the first access');

    const casePage = await clerk.get(`/bo/antraege/${submissionId}`);
    assert.match(casePage.html, /AW: Bitte Personalausweis nachreichen/);
    assert.match(casePage.html, /Anbei mein Ausweis\./);
    const link = /href="(\/bo\/antraege\/[0-9a-f-]{36}\/post\/[0-9a-f-]{36}\/0)">ausweis\.pdf/.exec(casePage.html)![1]!;
    const file = await clerk.request('GET', link);
    assert.equal(file.headers.get('content-type'), 'application/pdf');
    assert.ok(file.bytes.equals(pdf));
  });

  it('another citizen gets 404 for an item that is not theirs, and cannot answer it', async () => {
    const id = (await sql<{ id: string }>`select id from mailbox_item where kind = 'request'`.execute(server.db)).rows[0]!.id;
    const jonas = new Visitor(server.url);
    await citizenLogin(jonas, 'jonas-becker', 'basic');
    assert.equal((await jonas.get(`/postfach/${id}`)).status, 404);
    await jonas.get('/postfach');
    assert.equal((await postMultipart(jonas, `/postfach/${id}/antworten`, { reply: 'x' })).status, 404);
    assert.equal((await new Visitor(server.url).get('/postfach', false)).status, 303, 'without login to the login');
  });

  it('search finds by subject and text; deletion removes it from the citizen’s view only; no notification when turned off', async () => {
    assert.match((await erika.get('/postfach?q=Personalausweis')).html, /Bitte Personalausweis nachreichen/);
    assert.match((await erika.get('/postfach?q=Bundestag')).html, /Keine Nachrichten gefunden/);
    const receiptId = (await sql<{ id: string }>`select id from mailbox_item where kind = 'receipt'`.execute(server.db)).rows[0]!.id;
    await erika.get(`/postfach/${receiptId}`);
    await erika.post(`/postfach/${receiptId}/loeschen`, {});
    assert.doesNotMatch((await erika.get('/postfach')).html, /Eingangsbestätigung \d{4}/);
    assert.match((await clerk.get(`/bo/antraege/${submissionId}`)).html, /Eingangsbestätigung \d{4}/, 'still in the case');

    await erika.get('/postfach');
    await erika.post('/postfach/einstellungen', {});
    const before = await notifications(server);
    await clerk.get(`/bo/antraege/${submissionId}`);
    await clerk.post(`/bo/antraege/${submissionId}/nachricht`, {
      kind: 'message',
      subject: 'Schulung am 1. März',
      body: 'Die Schulung findet im Rathaus statt.',
    });
    assert.equal(await notifications(server), before, 'turned off: no e-mail');
    assert.match((await erika.get('/postfach')).html, /Schulung am 1\. März/);
  });
});
