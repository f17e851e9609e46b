import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diffContent } from './diff.js';

test('a changed fee shows the old and the new amount and nothing else', () => {
  const before = { name: 'Meldebescheinigung', costs: { kind: 'fixed', amount: 10 }, documents: ['Ausweis'] };
  const after = { name: 'Meldebescheinigung', costs: { kind: 'fixed', amount: 12 }, documents: ['Ausweis'] };
  assert.deepEqual(diffContent(before, after), [{ field: 'costs', before: 'kind: fixed, amount: 10', after: 'kind: fixed, amount: 12' }]);
});

test('an added list entry and a removed field are both reported', () => {
  const changes = diffContent({ notes: 'alt', documents: ['A'] }, { documents: ['A', 'B'] });
  assert.deepEqual(changes.map((change) => change.field).sort(), ['documents', 'notes']);
});
