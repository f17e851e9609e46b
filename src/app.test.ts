import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { withoutSecrets } from './app.js';

describe('request logging', () => {
  it('keeps reset tokens, OIDC codes and CSRF tokens out of logged URLs', () => {
    assert.equal(withoutSecrets('/bo/passwort-neu/abc123?lang=en'), '/bo/passwort-neu/[redacted]?lang=en');
    assert.equal(withoutSecrets('/konto/callback?code=geheim&state=xyz&iss=x'), '/konto/callback?code=[redacted]&state=[redacted]&iss=x');
    assert.equal(withoutSecrets('/admin/protokoll?q=Bernd'), '/admin/protokoll?q=Bernd');
  });
});
