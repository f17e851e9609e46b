import { test } from 'node:test';
import assert from 'node:assert/strict';
import { holidaysNrw, openState } from './opening-hours.js';

const buergeramt = {
  hours: [1, 2, 3, 4, 5].map((day) => ({ day, opens: '08:00', closes: '12:00' })).concat([{ day: 4, opens: '14:00', closes: '18:00' }]),
  exceptions: [{ date: '2026-12-24', closed: true }],
  closedOnHolidays: true,
};

test('a citizen on Thursday morning in Berlin time sees the office open until noon', () => {
  assert.deepEqual(openState(buergeramt, new Date('2026-11-26T09:30:00Z')), { open: true, closes: '12:00' });
});

test('on Thursday at lunchtime the office says it opens again today at two', () => {
  assert.deepEqual(openState(buergeramt, new Date('2026-11-26T12:30:00Z')), {
    open: false,
    next: { date: '2026-11-26', opens: '14:00', today: true },
  });
});

test('summer time is respected: 07:30 UTC in July is 09:30 in Hennef', () => {
  assert.equal(openState(buergeramt, new Date('2026-07-06T07:30:00Z')).open, true);
});

test('Christmas Eve (exception) and the Christmas holidays are skipped to the next working day', () => {
  assert.deepEqual(openState(buergeramt, new Date('2026-12-23T16:00:00Z')), {
    open: false,
    next: { date: '2026-12-28', opens: '08:00', today: false },
  });
});

test('NRW holidays include Fronleichnam and Easter Monday but not Reformation Day', () => {
  const holidays = holidaysNrw(2026);
  assert.ok(holidays.has('2026-06-04'), 'Fronleichnam 2026');
  assert.ok(holidays.has('2026-04-06'), 'Ostermontag 2026');
  assert.ok(!holidays.has('2026-10-31'));
});
