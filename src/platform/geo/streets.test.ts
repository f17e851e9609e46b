// Addresses as people and Open311 clients write them, from the most specific part to the most general.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { namedNeighbour, namesThisTown, readAddressLine } from './streets.js';

const streets = [{ name: 'Frankfurter Straße', locality: 'Geistingen', postalCode: '53773', city: 'Hennef (Sieg)', lat: 50.77, lng: 7.28 }];

describe('reading an address line', () => {
  it('takes the street and house number, and the postcode and town after them', () => {
    assert.deepEqual(readAddressLine('Frankfurter Straße 97, 53773 Hennef (Sieg)'), {
      street: 'Frankfurter Straße',
      number: '97',
      town: 'Hennef (Sieg)',
      postcode: '53773',
    });
    assert.deepEqual(readAddressLine('Frankfurter Str. 97a, Hennef'), { street: 'Frankfurter Str.', number: '97a', town: 'Hennef' });
    assert.deepEqual(readAddressLine('Frankfurter Str. 97 b 53773 Hennef'), {
      street: 'Frankfurter Str.',
      number: '97b',
      town: 'Hennef',
      postcode: '53773',
    });
    assert.deepEqual(readAddressLine('Frankfurter Straße 12-14, 53773, Deutschland'), {
      street: 'Frankfurter Straße',
      number: '12-14',
      postcode: '53773',
    });
    assert.deepEqual(readAddressLine('Frankfurter Straße'), { street: 'Frankfurter Straße', number: '' });
  });

  it('knows the town by its name or a locality, and a neighbour by its name', () => {
    assert.ok(namesThisTown(streets, 'Hennef'));
    assert.ok(namesThisTown(streets, 'hennef (sieg)'));
    assert.ok(namesThisTown(streets, 'Geistingen'));
    assert.ok(!namesThisTown(streets, 'Siegburg'));
    assert.equal(namedNeighbour([{ name: 'Stadt Siegburg' }], 'Siegburg'), 'Stadt Siegburg');
    assert.equal(namedNeighbour([{ name: 'Stadt Siegburg' }], 'Bonn'), undefined);
  });
});
