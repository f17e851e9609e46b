// Search engines and assistants read the town, its offices and its services from schema.org JSON-LD: the
// structures are typed with schema-dts (the type check fails on a property schema.org does not have), and here
// each page's JSON-LD is read as a search engine reads it.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, type TestServer } from '../support/server.js';

type Node = Record<string, unknown> & { '@type'?: string };

describe('structured data', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer();
  });
  after(() => server.close());

  const jsonLd = async (path: string): Promise<Node> => {
    const html = await (await fetch(`${server.url}${path}`)).text();
    const script = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html)?.[1];
    assert.ok(script, `${path} carries JSON-LD`);
    const data = JSON.parse(script) as Node;
    assert.equal(data['@context'], 'https://schema.org');
    return data;
  };

  it('the home page names the town and its administration', async () => {
    const town = await jsonLd('/');
    assert.equal(town['@type'], 'GovernmentOrganization');
    assert.equal(town.name, 'Stadt Hennef (Sieg)');
    assert.deepEqual(town.areaServed, { '@type': 'City', name: 'Hennef (Sieg)' });
    assert.match(String(town.address), /53773 Hennef/);
    assert.equal(town.url, `${server.url}/`);
  });

  it('an office has its address, position, opening hours with their exceptions and contact point', async () => {
    const office = await jsonLd('/behoerden/rathaus');
    assert.equal(office['@type'], 'GovernmentOffice');
    assert.deepEqual(
      { ...(office.address as Node), streetAddress: undefined },
      { '@type': 'PostalAddress', streetAddress: undefined, postalCode: '53773', addressLocality: 'Hennef (Sieg)', addressCountry: 'DE' },
    );
    assert.equal((office.geo as Node)['@type'], 'GeoCoordinates');
    const hours = office.openingHoursSpecification as Node[];
    assert.ok(hours.length >= 5);
    assert.ok(hours.every((slot) => /^https:\/\/schema\.org\/(Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day$/.test(String(slot.dayOfWeek))));
    assert.ok(hours.every((slot) => /^\d{2}:\d{2}$/.test(String(slot.opens)) && /^\d{2}:\d{2}$/.test(String(slot.closes))));
    const special = (office.specialOpeningHoursSpecification ?? []) as Node[];
    assert.ok(special.every((day) => /^\d{4}-\d{2}-\d{2}$/.test(String(day.validFrom)) && day.validFrom === day.validThrough));
    assert.equal(((office.contactPoint as Node[])[0] as Node)['@type'], 'ContactPoint');
  });

  it('a service offers its channels: online, and in person and by phone at the responsible office', async () => {
    const service = await jsonLd('/leistungen/hundeanmeldung');
    assert.equal(service['@type'], 'GovernmentService');
    const channels = service.availableChannel as Node[];
    assert.ok(
      channels.some((channel) => /\/online\/hundeanmeldung$/.test(String(channel.serviceUrl))),
      'the online service, as an absolute address',
    );
    const inPerson = channels.find((channel) => channel.serviceLocation);
    assert.ok(inPerson, 'a channel in person');
    assert.equal((inPerson.serviceLocation as Node)['@type'], 'GovernmentOffice');
    assert.equal((inPerson.servicePhone as Node)['@type'], 'ContactPoint');
  });
});
