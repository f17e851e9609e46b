import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluate, holds } from './expressions.js';
import type { Expression } from './definition.js';

const dogTax: Expression = {
  sumOver: 'dogs',
  of: { if: { field: 'dangerous', equals: 'yes' }, then: 600, else: { if: { field: 'position', equals: '1' }, then: 96, else: 120 } },
};

test('the dog tax is 96 € for the first dog, 120 € for each further one and 600 € for a dangerous dog', () => {
  assert.equal(evaluate(dogTax, { dogs: [{ dangerous: 'no' }] }), 96);
  assert.equal(evaluate(dogTax, { dogs: [{ dangerous: 'no' }, { dangerous: 'no' }] }), 216);
  assert.equal(evaluate(dogTax, { dogs: [{ dangerous: 'no' }, { dangerous: 'yes' }] }), 696);
  assert.equal(evaluate(dogTax, {}), 0);
});

test('conditions combine equals, in, greater-than, filled, all, any and not', () => {
  const answers = { kind: 'urkunde', count: '3', note: '' };
  assert.ok(
    holds(
      {
        all: [
          { field: 'kind', equals: 'urkunde' },
          { field: 'count', greaterThan: 2 },
        ],
      },
      answers,
    ),
  );
  assert.ok(
    holds(
      {
        any: [
          { field: 'kind', in: ['x', 'urkunde'] },
          { field: 'note', filled: true },
        ],
      },
      answers,
    ),
  );
  assert.ok(holds({ not: { field: 'note', filled: true } }, answers));
  assert.ok(!holds({ field: 'count', greaterThan: 3 }, answers));
});

test('numbers typed the German way are read correctly and garbage counts as zero', () => {
  assert.equal(evaluate({ times: [{ field: 'amount' }, 2] }, { amount: '1.234,50' }), 2469);
  assert.equal(evaluate({ field: 'amount' }, { amount: '<script>' }), 0);
  assert.equal(
    evaluate({ sumOver: 'costs', of: { field: 'amount' } }, { costs: [{ amount: '800.00' }, { amount: '400.50' }] }),
    1200.5,
    'stored amounts use a decimal point',
  );
});

test('dates and amounts compare across fields (end before start, requested above the costs)', () => {
  assert.ok(holds({ field: 'end', before: 'start' }, { start: '2027-03-01', end: '2027-02-01' }));
  assert.ok(!holds({ field: 'end', before: 'start' }, { start: '2027-03-01', end: '' }), 'an empty date is left to the required check');
  assert.ok(holds({ more: [{ field: 'requested' }, { field: 'total' }] }, { requested: '1500.00', total: '1200.50' }));
  assert.ok(!holds({ more: [{ field: 'requested' }, { field: 'total' }] }, { requested: '1000.00', total: '1200.50' }));
});
