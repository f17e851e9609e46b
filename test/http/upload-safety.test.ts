// Evidence uploads are scanned by ClamAV when it is configured, and every stored file is encrypted at rest.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sql } from 'kysely';
import { startServer, type TestServer } from '../support/server.js';
import { Visitor } from '../support/visitor.js';
import { postMultipart } from '../support/multipart.js';
import { EICAR, startClamd } from '../support/clamd.js';

const pdf = (text: string) => Buffer.from(`%PDF-1.4\n% ${text}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`);

describe('upload safety', () => {
  let server: TestServer;
  let clamd: Awaited<ReturnType<typeof startClamd>>;
  before(async () => {
    clamd = await startClamd();
    server = await startServer({ CLAMD_HOST: '127.0.0.1', CLAMD_PORT: String(clamd.port) });
  });
  after(async () => {
    await server.close();
    await clamd.close();
  });

  async function statementStep(citizen: Visitor) {
    await citizen.get('/online/verwarnungsgeld-anhoerung');
    const first = await citizen.post('/online/verwarnungsgeld-anhoerung', {});
    const base = new URL(first.url).pathname.replace(/\/case$/, '');
    const details = await citizen.post(`${base}/case`, {
      reference: '3.1-2026-012345',
      plate: 'SU-AB 123',
      response: 'statement',
      action: 'next',
    });
    assert.match(details.url, /\/details$/);
    return base;
  }

  it('an infected file is refused with a message and not stored; a clean one is stored encrypted', async () => {
    const citizen = new Visitor(server.url);
    const base = await statementStep(citizen);
    const filesBefore = (await sql<{ n: number }>`select count(*)::int as n from stored_file`.execute(server.db)).rows[0]!.n;
    const infected = await postMultipart(citizen, `${base}/details`, { statement: 'Das Schild war verdeckt.', action: 'next' }, [
      { field: 'photos', name: 'schild.pdf', bytes: pdf(EICAR) },
    ]);
    assert.equal(infected.status, 400);
    assert.match(infected.html, /Schadsoftware gefunden/);
    assert.match(infected.html, /Das Schild war verdeckt\./, 'the statement typed is kept');
    assert.equal(
      (await sql<{ n: number }>`select count(*)::int as n from stored_file`.execute(server.db)).rows[0]!.n,
      filesBefore,
      'nothing stored',
    );
    assert.equal(clamd.scanned(), 1);

    const clean = await postMultipart(citizen, `${base}/details`, { statement: 'Das Schild war verdeckt.', action: 'next' }, [
      { field: 'photos', name: 'schild.pdf', bytes: pdf('Foto vom Schild') },
    ]);
    assert.match(clean.url, /\/contact$/);
    const stored = (
      await sql<{ content_hash: string }>`select content_hash from stored_file order by created_at desc limit 1`.execute(server.db)
    ).rows[0]!;
    const onDisk = await readFile(join(server.config.dataDir, 'files', stored.content_hash.slice(0, 2), stored.content_hash));
    assert.ok(!onDisk.includes(Buffer.from('Foto vom Schild')), 'the file on disk is not readable');
    assert.ok(!onDisk.subarray(0, 5).equals(Buffer.from('%PDF-')));
  });

  it('a file form carries its CSRF token as its first field, never in the URL; without it nothing is read or stored', async () => {
    const citizen = new Visitor(server.url);
    const base = await statementStep(citizen);
    assert.doesNotMatch(citizen.lastHtml, /_csrf=/, 'no form action names the token');
    const token = citizen.csrf();
    const filesBefore = (await sql<{ n: number }>`select count(*)::int as n from stored_file`.execute(server.db)).rows[0]!.n;
    const forged = await postMultipart(citizen, `${base}/details`, { _csrf: 'forged', statement: 'x', action: 'next' }, [
      { field: 'photos', name: 'a.pdf', bytes: pdf('A') },
    ]);
    assert.equal(forged.status, 403);
    assert.match(forged.html, /Sicherheitsprüfung|abgelaufen/);
    const scanned = clamd.scanned();
    const tokenLast = await citizen.request('POST', `${base}/details`, {
      body: Buffer.from(
        `--b\r\nContent-Disposition: form-data; name="photos"; filename="a.pdf"\r\n\r\n${pdf('B')}\r\n--b\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${token}\r\n--b--\r\n`,
      ),
      headers: { 'content-type': 'multipart/form-data; boundary=b' },
    });
    assert.equal(tokenLast.status, 403, 'a file before the token is not read');
    assert.equal(clamd.scanned(), scanned);
    assert.equal(
      (await sql<{ n: number }>`select count(*)::int as n from stored_file`.execute(server.db)).rows[0]!.n,
      filesBefore,
      'nothing stored',
    );
  });

  it('when the scanner cannot be reached, the upload is refused rather than stored unchecked', async () => {
    const citizen = new Visitor(server.url);
    const base = await statementStep(citizen);
    await clamd.close();
    const refused = await postMultipart(citizen, `${base}/details`, { statement: 'Bitte prüfen.', action: 'next' }, [
      { field: 'photos', name: 'beleg.pdf', bytes: pdf('Beleg') },
    ]);
    assert.equal(refused.status, 400);
    assert.match(refused.html, /kann gerade nicht auf Schadsoftware geprüft werden/);
  });
});
