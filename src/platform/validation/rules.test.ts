// The shared field rules accept what people type and refuse what no office could use.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { email, iban, isCoordinate, isEmail, isIban, isPhone, isPostcode } from './rules.js';

describe('shared field rules', () => {
  it('e-mail addresses', () => {
    assert.ok(isEmail('erika.mustermann@hennef.de'));
    for (const bad of ['erika', 'erika@hennef', 'erika @hennef.de', '@hennef.de', `${'a'.repeat(65)}@hennef.de`])
      assert.ok(!isEmail(bad), bad);
    assert.equal(email.safeParse('  erika@hennef.de ').data, 'erika@hennef.de');
  });

  it('IBANs by their check sum, with spaces and in lower case', () => {
    assert.ok(isIban('DE89 3704 0044 0532 0130 00'));
    assert.ok(isIban('de89370400440532013000'));
    assert.ok(!isIban('DE89 3704 0044 0532 0130 01'), 'one digit off');
    assert.equal(iban.parse('de89 3704 0044 0532 0130 00'), 'DE89370400440532013000');
  });

  it('phone numbers, postcodes and coordinates', () => {
    assert.ok(isPhone('+49 2242 888-0') && isPhone('(02242) 888 100'));
    assert.ok(!isPhone('call me'));
    assert.ok(isPostcode('53773') && !isPostcode('5377') && !isPostcode('53773a'));
    assert.ok(isCoordinate(50.7757, 7.2837) && !isCoordinate(91, 7) && !isCoordinate(Number.NaN, 7));
  });
});
