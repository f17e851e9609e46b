// Addresses checked against Hennef's street directory, cross-field rules, and inline validation while typing.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { startServer, type TestServer } from '../support/server.js';
import { Visitor } from '../support/visitor.js';
import { citizenLogin } from '../support/journeys.js';

describe('addresses, rules and inline checks in the assistant', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer();
  });
  after(() => server.close());

  it('street suggestions come from the street directory, in any common spelling', async () => {
    const visitor = new Visitor(server.url);
    const answer = await visitor.request('GET', '/api/strassen?q=frankfurter%20str');
    const { suggestions } = JSON.parse(answer.html) as { suggestions: { name: string; postalCode: string }[] };
    assert.equal(suggestions[0]?.name, 'Frankfurter Straße');
    assert.equal(suggestions[0]?.postalCode, '53773');
    const none = JSON.parse((await visitor.request('GET', '/api/strassen?q=x')).html) as { suggestions: unknown[] };
    assert.deepEqual(none.suggestions, [], 'one letter suggests nothing');
  });

  it('a register request needs a second feature of the person; an address elsewhere needs a valid postcode', async () => {
    const citizen = new Visitor(server.url);
    await citizen.get('/online/melderegisterauskunft-einfach');
    const first = await citizen.post('/online/melderegisterauskunft-einfach', {});
    const base = new URL(first.url).pathname.replace(/\/sought$/, '');
    const vague = await citizen.post(`${base}/sought`, {
      soughtFamilyName: 'Schmitz',
      soughtGivenName: 'Anna',
      soughtBirthDate: '',
      soughtFormerAddress: '',
      action: 'next',
    });
    assert.equal(vague.status, 400);
    assert.match(vague.html, /mindestens das Geburtsdatum oder eine frühere Anschrift/);
    assert.match(vague.html, /value="Schmitz"/);
    const requester = await citizen.post(`${base}/sought`, {
      soughtFamilyName: 'Schmitz',
      soughtGivenName: 'Anna',
      soughtBirthDate: '1970-02-03',
      soughtFormerAddress: '',
      action: 'next',
    });
    assert.match(requester.url, /\/requester$/);
    const badPostcode = await citizen.post(`${base}/requester`, {
      requesterName: 'Kanzlei Recht',
      'requesterAddress.street': 'Kaiserstraße 1',
      'requesterAddress.postalCode': '531',
      'requesterAddress.city': 'Bonn',
      email: 'kanzlei@example.org',
      commercial: 'no',
      action: 'next',
    });
    assert.equal(badPostcode.status, 400);
    assert.match(badPostcode.html, /Postleitzahl mit fünf Ziffern/);
    assert.match(badPostcode.html, /value="Kaiserstraße 1"/);
    const noNumber = await citizen.post(`${base}/requester`, {
      requesterName: 'Kanzlei Recht',
      'requesterAddress.street': 'Kaiserstraße',
      'requesterAddress.postalCode': '53111',
      'requesterAddress.city': 'Bonn',
      email: 'kanzlei@example.org',
      commercial: 'no',
      action: 'next',
    });
    assert.match(noNumber.html, /Straße und Hausnummer an/);
    const summary = await citizen.post(`${base}/requester`, {
      requesterName: 'Kanzlei Recht',
      'requesterAddress.street': 'Kaiserstraße 1',
      'requesterAddress.postalCode': '53111',
      'requesterAddress.city': 'Bonn',
      email: 'kanzlei@example.org',
      commercial: 'no',
      action: 'next',
    });
    assert.match(summary.url, /zusammenfassung$/);
    assert.match(summary.html, /Kaiserstraße 1, 53111 Bonn/);
  });

  it('a logged-in citizen applies for the Digitales Ehrenamt grant: the address comes from the account, dates and amounts are checked against each other', async () => {
    const citizen = new Visitor(server.url);
    await citizenLogin(citizen, 'jonas-becker', 'basic');
    const first = await citizen.post('/online/digitales-ehrenamt', {});
    const base = new URL(first.url).pathname.replace(/\/applicant$/, '');
    assert.match(first.html, /Westerwaldstraße 12, 53773 Hennef-Uckerath/);
    assert.match(first.html, /Aus Ihrem Bürgerkonto übernommen/);
    await citizen.post(`${base}/applicant`, { organisation: 'Freifunk Hennef e. V.', 'address.street': 'Elsewhere 1', action: 'next' });
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const reversed = await citizen.post(`${base}/project`, {
      projectTitle: 'WLAN im Kurpark',
      description: 'Freies WLAN für alle',
      start: day(60),
      end: day(30),
      action: 'next',
    });
    assert.equal(reversed.status, 400);
    assert.match(reversed.html, /Das Ende liegt vor dem Beginn/);
    await citizen.post(`${base}/project`, {
      projectTitle: 'WLAN im Kurpark',
      description: 'Freies WLAN für alle',
      start: day(30),
      end: day(90),
      action: 'next',
    });
    const tooMuch = await citizen.post(`${base}/costs`, {
      'costs.0.item': 'Router',
      'costs.0.amount': '800',
      'costs.1.item': 'Antennen',
      'costs.1.amount': '400,50',
      requested: '1500',
      action: 'next',
    });
    assert.equal(tooMuch.status, 400);
    assert.match(tooMuch.html, /höher als die Gesamtkosten/);
    assert.match(tooMuch.html, /1\.200,50\s€/, 'the total is computed from the cost items');
    const summary = await citizen.post(`${base}/costs`, {
      'costs.0.item': 'Router',
      'costs.0.amount': '800',
      'costs.1.item': 'Antennen',
      'costs.1.amount': '400,50',
      requested: '1000',
      action: 'next',
    });
    assert.match(summary.url, /zusammenfassung$/);
    const receipt = await citizen.post(`${base}/absenden`, { declaration0: 'yes', declaration1: 'yes' });
    assert.match(receipt.html, /Ihr Antrag ist eingegangen/);
    const stored = (
      await sql<{
        answers: { address: { street: string; postalCode: string }[]; requested: string };
      }>`select answers from form_submission where service = 'digitales-ehrenamt'`.execute(server.db)
    ).rows[0]!.answers;
    assert.equal(stored.address[0]!.street, 'Westerwaldstraße 12', 'the account address, not the posted one');
    assert.equal(stored.requested, '1000.00');
    const number = /Eingangsnummer: <\/span><strong>(\d{4}-\d{6})/.exec(receipt.html)![1]!; // not any digits, e.g. in a CSRF token
    const mail = (
      await sql<{
        subject: string;
        body_text: string;
      }>`select subject, body_text from mail_message where recipient = 'jonas.becker@example.org'`.execute(server.db)
    ).rows[0]!;
    assert.match(mail.subject, /Neue Nachricht im Postfach/, 'the account e-mail only says that something arrived');
    assert.doesNotMatch(mail.body_text, /WLAN|Westerwald|\d{4}-\d{6}/, 'without content');
    const postfach = await citizen.get('/postfach');
    assert.match(postfach.html, new RegExp(`<strong>Eingangsbestätigung ${number}`), 'the receipt is in the Postfach, unread');
    const account = await citizen.get('/konto');
    assert.match(account.html, /Gestellte Anträge/);
    assert.match(
      account.html,
      new RegExp(`href="/online/digitales-ehrenamt/eingang/[0-9a-f-]{36}">Projektförderung Digitales Ehrenamt beantragen · ${number}`),
    );
  });

  it('a local address must name a Hennef street; a typo gets the closest street as suggestion', async () => {
    const citizen = new Visitor(server.url);
    await citizen.get('/online/sperrmuell');
    const first = await citizen.post('/online/sperrmuell', {});
    const base = new URL(first.url).pathname.replace(/\/items$/, '');
    await citizen.post(`${base}/items`, { kinds: 'furniture', volume: '2', action: 'next' });
    const place = (street: string) => ({
      'pickup.street': street,
      name: 'Max Muster',
      email: 'max@example.org',
      earliest: new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10),
      action: 'next',
    });
    const typo = await citizen.post(`${base}/place`, place('Frankfurtr Str. 12'));
    assert.equal(typo.status, 400);
    assert.match(typo.html, /Meinten Sie „Frankfurter Straße“\?/);
    assert.match(typo.html, /value="Frankfurtr Str. 12"/);
    assert.match(typo.html, /list="f-pickup-streets" data-suggest="\/api\/strassen"/);
    const unknown = await citizen.post(`${base}/place`, place('Zzyzx-Allee 5'));
    assert.match(unknown.html, /steht nicht im Straßenverzeichnis von Hennef. Bitte prüfen Sie die Schreibweise/);
    const summary = await citizen.post(`${base}/place`, place('frankfurter str 12a'));
    assert.match(summary.url, /zusammenfassung$/);
    assert.match(
      summary.html,
      /Frankfurter Straße 12a, 53773 Hennef \(Sieg\)/,
      'spelling normalised, postcode and town from the directory',
    );
  });

  it('a location without coordinates is placed at its street from the directory', async () => {
    const citizen = new Visitor(server.url);
    await citizenLogin(citizen, 'erika-mustermann', 'basic');
    const first = await citizen.post('/online/hausnummer', {});
    const base = new URL(first.url).pathname.replace(/\/property$/, '');
    const property = {
      site: 'Wippenhohner Straße, neben Nr. 12',
      'site.coordinates': '',
      gemarkung: 'Hennef',
      flur: '7',
      flurstueck: '123/4',
      building: 'house',
      entrances: '1',
      ready: new Date(Date.now() + 200 * 86_400_000).toISOString().slice(0, 10),
      action: 'next',
    };
    const owner = await citizen.post(`${base}/property`, property);
    assert.match(owner.url, /\/owner$/);
    await citizen.get(`${base}/property`);
    assert.match(citizen.lastHtml, /ungefähr an die genannte Straße/);
    assert.match(citizen.lastHtml, /class="map-marker" cx="\d/);
  });

  it('inline validation answers with the same messages as the server, without saving anything', async () => {
    const citizen = new Visitor(server.url);
    await citizen.get('/online/melderegisterauskunft-einfach');
    const first = await citizen.post('/online/melderegisterauskunft-einfach', {});
    const base = new URL(first.url).pathname.replace(/\/sought$/, '');
    const token = /name="_csrf" value="([^"]+)"/.exec(first.html)![1]!;
    assert.match(first.html, new RegExp(`data-check="${base}/sought/pruefen"`));
    const check = await citizen.request('POST', `${base}/sought/pruefen`, {
      body: new URLSearchParams({
        soughtFamilyName: 'Schmitz',
        soughtGivenName: '',
        soughtBirthDate: '31.02.',
        soughtFormerAddress: '',
      }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'csrf-token': token },
    });
    const { errors } = JSON.parse(check.html) as { errors: Record<string, string> };
    assert.equal(errors.soughtGivenName, 'Bitte füllen Sie dieses Feld aus.');
    assert.equal(errors.soughtBirthDate, 'Bitte geben Sie ein Datum ein.');
    assert.equal(errors.soughtFamilyName, undefined);
    const draft = (
      await sql<{ answers: Record<string, unknown> }>`select answers from form_draft where id = ${base.split('/')[3]}`.execute(server.db)
    ).rows[0]!;
    assert.deepEqual(draft.answers, {}, 'checking stores nothing');
    const forged = await citizen.request('POST', `${base}/sought/pruefen`, {
      body: 'soughtFamilyName=x',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    assert.equal(forged.status, 403, 'without the CSRF token the check is refused');
  });
});
