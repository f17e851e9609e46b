import { test } from 'node:test';
import assert from 'node:assert/strict';
import { insidePolygon } from './geometry.js';
import { hennefGeo } from '../../../seed/geo.js';

test('the town hall lies inside Hennef, Cologne cathedral does not', () => {
  assert.ok(insidePolygon({ lat: 50.7757, lng: 7.2837 }, hennefGeo.boundary));
  assert.ok(!insidePolygon({ lat: 50.9413, lng: 6.9583 }, hennefGeo.boundary));
});
