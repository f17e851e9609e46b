// Citizens find services in their own words, read the service and office pages, and city apps read the API.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, type TestServer } from '../support/server.js';
import { Visitor } from '../support/visitor.js';
import { citizenLogin } from '../support/journeys.js';

const firstResult = (html: string) => /<ol class="search-results">\s*<li>\s*<h2>\s*<a href="([^"]+)"/.exec(html)?.[1];

describe('finding a service', () => {
  let server: TestServer;
  let citizen: Visitor;
  before(async () => {
    server = await startServer();
    citizen = new Visitor(server.url);
  });
  after(() => server.close());

  it('"hund anmelden" puts the dog registration first, "perso verloren" the lost ID card', async () => {
    assert.equal(firstResult((await citizen.get('/leistungen/suche?q=hund+anmelden')).html), '/leistungen/hundeanmeldung');
    assert.equal(firstResult((await citizen.get('/leistungen/suche?q=perso+verloren')).html), '/leistungen/personalausweis-verlust');
    assert.equal(firstResult((await citizen.get('/leistungen/suche?q=Ummeldung')).html), '/leistungen/wohnsitz-ummelden');
    assert.equal(firstResult((await citizen.get('/leistungen/suche?q=Sperrm%C3%BCll')).html), '/leistungen/sperrmuell');
  });

  it('a logged-in citizen finds the same services under her own account; anonymous visitors never see it, in either language', async () => {
    const anonymous = await new Visitor(server.url).get('/leistungen/suche?q=hund+anmelden');
    const erika = new Visitor(server.url);
    await citizenLogin(erika, 'erika-mustermann', 'substantial');
    const hers = await erika.get('/leistungen/suche?q=hund+anmelden');
    assert.equal(firstResult(hers.html), firstResult(anonymous.html));
    assert.match(hers.html, /Erika/);
    const again = await new Visitor(server.url).get('/leistungen/suche?q=hund+anmelden');
    assert.doesNotMatch(again.html, /Erika|Abmelden/);
    assert.equal(again.html, anonymous.html);
    const english = await new Visitor(server.url).get('/leistungen/suche?q=hund+anmelden&lang=en');
    assert.match(english.html, /<html lang="en">/);
    assert.match((await new Visitor(server.url).get('/leistungen/suche?q=hund+anmelden')).html, /<html lang="de">/);
  });

  it('a typo is corrected and said so', async () => {
    const page = await citizen.get('/leistungen/suche?q=Hundesteur');
    assert.match(page.html, /Ergebnisse für „hundesteuer“/);
    assert.match(page.html, /href="\/leistungen\/hundeanmeldung"/);
  });

  it('only stop words or symbols give a helpful empty page with the contact channel, never an error', async () => {
    for (const query of ['und+der+die', '%24%25%26%2F%28%29', '%22%27%3B--', '']) {
      const page = await citizen.get(`/leistungen/suche?q=${query}`);
      assert.equal(page.status, 200);
      assert.match(page.html, /Bitte geben Sie einen Suchbegriff ein/);
      assert.match(page.html, /02242 888-0/);
    }
    const nothing = await citizen.get('/leistungen/suche?q=Raumfahrtbeh%C3%B6rde');
    assert.match(nothing.html, /haben wir keine Leistung gefunden/);
    assert.match(nothing.html, /href="\/leistungen\/a-z"/);
  });

  it('a service with an online service says what the online service does: the dog-tax notice comes to the Postfach', async () => {
    const page = await citizen.get('/leistungen/hundeanmeldung');
    assert.match(page.html, /href="\/online\/hundeanmeldung"/);
    assert.match(page.html, /Steuerbescheid erhalten Sie online ins Postfach Ihres Bürgerkontos/);
    assert.doesNotMatch(page.html, /Steuerbescheid und Hundemarke per Post/);
  });

  it('the suggestions endpoint answers while typing', async () => {
    const answer = await citizen.request('GET', '/leistungen/suche/vorschlaege?q=kita');
    const { suggestions } = JSON.parse(answer.html) as { suggestions: { name: string; url: string }[] };
    assert.equal(suggestions[0]?.url, '/leistungen/kita-anmeldung');
  });

  it('the service page answers cost, documents, who and where, with structured data and a print view', async () => {
    const page = await citizen.get('/leistungen/meldebescheinigung-einfach');
    assert.match(page.html, /<h1>Meldebescheinigung \(einfach\)<\/h1>/);
    assert.match(page.html, /10,00\s€/);
    assert.match(page.html, /Personalausweis oder Reisepass/);
    assert.match(page.html, /href="\/behoerden\/buergeramt"/);
    assert.match(page.html, /Anna Beispiel/);
    assert.match(page.html, /Für Nachnamen A-K/);
    assert.match(page.html, /(Jetzt geöffnet bis|öffnet (heute|am))/);
    const jsonLd = /<script type="application\/ld\+json">([^<]+)<\/script>/.exec(page.html)?.[1];
    assert.equal(JSON.parse(jsonLd!)['@type'], 'GovernmentService');
    const print = await citizen.get('/leistungen/meldebescheinigung-einfach?ansicht=druck');
    assert.doesNotMatch(print.html, /Hauptnavigation/);
    assert.match(print.html, /Personalausweis oder Reisepass/);
  });

  it('a service another body handles names it and links there', async () => {
    const page = await citizen.get('/leistungen/fuehrerschein');
    assert.match(page.html, /Zuständig ist nicht die Stadt, sondern: Rhein-Sieg-Kreis/);
    assert.match(page.html, /href="https:\/\/www.rhein-sieg-kreis.de"/);
  });

  it('English visitors read the translated service and the rest of the page in English', async () => {
    const english = new Visitor(server.url);
    const page = await english.get('/leistungen/hundeanmeldung?lang=en');
    assert.match(page.html, /<h1>Register a dog \(dog tax\)<\/h1>/);
    assert.match(page.html, /At a glance/);
  });

  it('every service and office of the demo reads wholly in English: only law titles stay German, and are marked so', async () => {
    const english = new Visitor(server.url);
    const dog = (await english.get('/leistungen/hundeanmeldung?lang=en')).html;
    assert.match(dog, /Annual tax: €96 for the first dog/);
    assert.match(dog, /Within two weeks of taking in the dog\./);
    assert.match(dog, /Dog tax and property charges/);
    const api = JSON.parse((await english.request('GET', '/api/catalog/v1/services')).html) as { items: { id: string }[] };
    const offices = JSON.parse((await english.request('GET', '/api/catalog/v1/offices')).html) as { items: { id: string }[] };
    assert.ok(api.items.length >= 89, `${api.items.length} services`);
    const pages = [
      ...api.items.map((item) => `/leistungen/${item.id}`),
      '/behoerden',
      ...offices.items.map((item) => `/behoerden/${item.id}`),
    ];
    for (const path of pages) {
      const html = (await english.get(`${path}?lang=en`)).html;
      assert.doesNotMatch(html, /only available in German/, path);
      const german = [...html.matchAll(/<(\w+)[^>]* lang="de"[^>]*>/g)]
        .map((match) => match[0])
        .filter((tag) => !/class="language"|hreflang/.test(tag));
      assert.ok(
        german.every((tag) => tag.startsWith('<ul')),
        `${path}: ${german.join(' ')}`,
      );
    }
  });

  it('browsing by life situation, business situation and A–Z lists the services', async () => {
    assert.match((await citizen.get('/leistungen/lebenslagen/tiere')).html, /Hund anmelden/);
    assert.match((await citizen.get('/leistungen/unternehmen/gruendung')).html, /Gewerbe anmelden/);
    const letterW = await citizen.get('/leistungen/a-z?buchstabe=W');
    assert.match(letterW.html, /Wohngeld beantragen/);
    assert.doesNotMatch(letterW.html, /Hund anmelden/);
    assert.equal((await citizen.get('/leistungen/lebenslagen/gibt-es-nicht')).status, 404);
  });

  it('the office page shows hours, holidays, accessibility, a map without external tiles and all its services', async () => {
    const page = await citizen.get('/behoerden/buergeramt');
    assert.match(page.html, /Donnerstag<\/th><td>07:30–12:30, 14:00–18:00/);
    assert.match(page.html, /An gesetzlichen Feiertagen geschlossen/);
    assert.match(page.html, /Stufenloser Zugang/);
    assert.match(page.html, /<svg viewBox="0 0 480 320" role="img"/);
    assert.doesNotMatch(page.html, /tile\.openstreetmap/);
    assert.match(page.html, /href="\/leistungen\/wohnsitz-anmelden"/);
  });

  it('the JSON API lists, searches and describes services and offices, and is documented in OpenAPI', async () => {
    const found = JSON.parse((await citizen.request('GET', '/api/catalog/v1/services?q=hund+anmelden')).html) as {
      items: { id: string }[];
    };
    assert.equal(found.items[0]?.id, 'hundeanmeldung');
    const service = JSON.parse((await citizen.request('GET', '/api/catalog/v1/services/hundeanmeldung?lang=en')).html) as {
      name: string;
      version: number;
    };
    assert.equal(service.name, 'Register a dog (dog tax)');
    const offices = JSON.parse((await citizen.request('GET', '/api/catalog/v1/offices')).html) as {
      items: { id: string; openNow: boolean }[];
    };
    assert.ok(offices.items.some((office) => office.id === 'standesamt' && typeof office.openNow === 'boolean'));
    const missing = await citizen.request('GET', '/api/catalog/v1/services/gibt-es-nicht', { headers: { accept: 'application/json' } });
    assert.equal(missing.status, 404);
    const openapi = JSON.parse((await citizen.request('GET', '/api/openapi.json')).html) as {
      openapi: string;
      paths: Record<string, unknown>;
    };
    assert.equal(openapi.openapi, '3.1.0');
    assert.ok(openapi.paths['/api/catalog/v1/services/{id}']);
  });

  it('the OpenAPI document names its server, defines the security it uses, and gives every operation an id and its path parameters', async () => {
    type Operation = {
      operationId?: string;
      parameters?: { name: string; in: string; required?: boolean }[];
      security?: Record<string, string[]>[];
    };
    const document = (await (await fetch(`${server.url}/api/openapi.json`)).json()) as {
      servers?: { url: string }[];
      paths: Record<string, Record<string, Operation>>;
      components: { securitySchemes?: Record<string, { type: string; scheme?: string }> };
    };
    assert.deepEqual(document.servers, [{ url: '/' }]);
    const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({ path, method, operation })),
    );
    assert.ok(operations.length >= 8, `${operations.length} operations`);
    const ids = operations.map(({ operation }) => operation.operationId);
    assert.ok(ids.every(Boolean), 'every operation has an id');
    assert.equal(new Set(ids).size, ids.length, 'operation ids are unique');
    for (const { path, method, operation } of operations) {
      for (const [, name] of path.matchAll(/\{(\w+)\}/g))
        assert.ok(
          operation.parameters?.some((parameter) => parameter.in === 'path' && parameter.name === name && parameter.required),
          `${method} ${path} declares {${name}}`,
        );
      for (const scheme of (operation.security ?? []).flatMap(Object.keys))
        assert.ok(document.components.securitySchemes?.[scheme], `${method} ${path}: security scheme ${scheme} is defined`);
    }
    assert.deepEqual(document.components.securitySchemes?.bearer, {
      type: 'http',
      scheme: 'bearer',
      description: 'The key of a registered consumer (hand-over).',
    });
  });

  it('another tenant sees none of Hennef’s catalog', async () => {
    const other = new Visitor(server.url, 'unbekannt.example');
    assert.equal((await other.get('/leistungen/hundeanmeldung')).status, 404);
  });
});
