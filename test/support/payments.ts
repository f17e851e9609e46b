// A logged-in citizen (eID) orders two birth certificates up to the fee page; returns the receipt path.
import assert from 'node:assert/strict';
import type { Visitor } from './visitor.js';
import { citizenLogin } from './journeys.js';

export async function orderBirthCertificates(citizen: Visitor): Promise<string> {
  await citizenLogin(citizen, 'erika-mustermann', 'high');
  const start = await citizen.get('/online/personenstandsurkunde');
  assert.match(start.html, /Gebühr: ab 12,00\s€/, 'the fee is announced from the start, not as 0,00 €');
  assert.match(start.html, /Die Gebühr bezahlen Sie am Ende online/);
  const first = await citizen.post('/online/personenstandsurkunde', {});
  const base = new URL(first.url).pathname.replace(/\/certificate$/, '');
  await citizen.post(`${base}/certificate`, {
    kind: 'birth',
    personName: 'Erika Mustermann',
    eventDate: '1964-08-12',
    relation: 'self',
    copies: '2',
    action: 'next',
  });
  const summary = await citizen.post(`${base}/applicant`, { action: 'next' });
  assert.match(summary.html, /Nach dem Absenden bezahlen Sie die Gebühr von 24,00\s€ online/);
  assert.match(summary.html, />Verbindlich absenden und bezahlen</);
  const pay = await citizen.post(`${base}/absenden`, { declaration0: 'yes' });
  assert.match(pay.html, /Gebühr bezahlen/);
  assert.match(pay.html, /Zu zahlen: 24,00\s€/);
  return new URL(pay.url).pathname;
}
