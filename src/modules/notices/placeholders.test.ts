import { it } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_BODY, feeValues, fillPlaceholders, type NoticeValues } from './placeholders.js';

const values = (cents: number | null): NoticeValues => ({
  name: 'Erika Mustermann', anschrift: 'Frankfurter Straße 97, 53773 Hennef (Sieg)', leistung: 'Geburtsurkunde', eingangsnummer: '2026-000042', antragsdatum: '20. November 2026',
  bescheiddatum: '23. November 2026', bescheidnummer: 'B-2026-000042', sachbearbeitung: 'Sven Sachbearbeiter', stelle: 'FD 2.1', stadt: 'Stadt Hennef (Sieg)', answers: {}, ...feeValues(cents),
});

it('the default notice names the fee in a whole sentence, and says when the act is free of charge', () => {
  assert.match(fillPlaceholders(DEFAULT_BODY, values(2400)), /^2\. Für diese Amtshandlung wird eine Gebühr von 24,00\s€ festgesetzt\.$/m);
  const free = fillPlaceholders(DEFAULT_BODY, values(null));
  assert.match(free, /^2\. Diese Amtshandlung ist gebührenfrei\.$/m);
  assert.doesNotMatch(free, /keine|\{\{/);
  assert.match(fillPlaceholders('Gebühr: {{gebuehr}}', values(0)), /^Gebühr: 0,00\s€$/);
});
