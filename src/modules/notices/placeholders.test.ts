import { it } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_BODY, emptyPlaceholders, feeValues, fillPlaceholders, salutation, type NoticeValues } from './placeholders.js';

const values = (cents: number | null): NoticeValues => ({
  anrede: salutation('Erika Mustermann'),
  name: 'Erika Mustermann',
  anschrift: 'Frankfurter Straße 97, 53773 Hennef (Sieg)',
  leistung: 'Geburtsurkunde',
  eingangsnummer: '2026-000042',
  antragsdatum: '20. November 2026',
  bescheiddatum: '23. November 2026',
  bescheidnummer: 'B-2026-000042',
  sachbearbeitung: 'Sven Sachbearbeiter',
  funktion: 'Sachbearbeitung',
  stelle: 'Fachdienst Einwohnermeldewesen',
  zahlungsfrist: '23. Dezember 2026',
  zahlungsweise: '',
  laufnummer: '2026-0001',
  stadt: 'Stadt Hennef (Sieg)',
  answers: {},
  ...feeValues(cents),
});

it('the default notice names the fee in a whole sentence, and says when the act is free of charge', () => {
  assert.match(fillPlaceholders(DEFAULT_BODY, values(2400)), /^2\. Für diese Amtshandlung wird eine Gebühr von 24,00\s€ festgesetzt\.$/m);
  const free = fillPlaceholders(DEFAULT_BODY, values(null));
  assert.match(free, /^2\. Diese Amtshandlung ist gebührenfrei\.$/m);
  assert.doesNotMatch(free, /keine|\{\{/);
  assert.match(fillPlaceholders('Gebühr: {{gebuehr}}', values(0)), /^Gebühr: 0,00\s€$/);
});

it('a named applicant is greeted by name, and a template naming data the case lacks is found out before issuing', () => {
  assert.match(fillPlaceholders(DEFAULT_BODY, values(null)), /^Guten Tag Erika Mustermann,$/m);
  assert.equal(salutation(''), 'Sehr geehrte Damen und Herren,');
  assert.deepEqual(emptyPlaceholders('{{zahlungsweise}} {{angabe.chip}} {{name}}', values(null)), ['zahlungsweise', 'angabe.chip']);
});
