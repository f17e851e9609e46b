// Browser journeys of the platform spine, each page checked with axe-core.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DEMO_PASSWORD } from '../../seed/hennef.js';
import { freshTotp } from '../support/totp.js';
import { assertAccessible, scriptlessContext, staffSignIn, serverAndBrowser } from './browser.js';

describe('browser journeys', () => {
  const env = serverAndBrowser();

  it('a citizen logs in through the demo IdP at level substantial, sees the data, switches to English and logs out (without JavaScript)', async () => {
    const context = await scriptlessContext(env.browser);
    const page = await context.newPage();
    await page.goto(env.server.url);
    await assertAccessible(page);
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Anmelden' }).click();
    await assertAccessible(page);
    await page.getByRole('button', { name: 'Weiter zum Bürgerkonto' }).click();
    await assertAccessible(page);
    await page.getByLabel('Erika Mustermann, Frankfurter Straße 97').check();
    await page.getByLabel('substanziell (ELSTER-Zertifikat)').check();
    await page.getByRole('button', { name: 'Anmelden und Daten übermitteln' }).click();
    await page.waitForURL(/\/konto$/);
    await assertAccessible(page);
    const facts = page.locator('dl.facts');
    await assert.doesNotReject(facts.getByText('Erika Mustermann').waitFor());
    assert.match(await facts.innerText(), /Frankfurter Straße 97, 53773 Hennef \(Sieg\)/);
    assert.match(await facts.innerText(), /substanziell \(ELSTER-Zertifikat\)/);
    await page.getByRole('link', { name: 'English' }).click();
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');
    assert.match(await page.locator('dl.facts').innerText(), /substantial \(ELSTER certificate\)/);
    await assertAccessible(page);
    await page.getByRole('button', { name: 'Log out', exact: true }).click();
    await page.waitForURL(`${env.server.url}/`);
    assert.match(await page.getByRole('status').filter({ hasText: 'logged out' }).innerText(), /You are logged out/);
    await page.goto(`${env.server.url}/konto`);
    assert.match(await page.locator('h1').innerText(), /Log in with your citizen account/);
    await context.close();
  });

  it("citizen login works on the README's localhost and on 127.0.0.1 alike, and never leaves the origin the browser used", async () => {
    const port = new URL(env.server.url).port;
    assert.equal(new URL(env.server.url).hostname, 'localhost', "the journeys run on the README's default URL");
    for (const origin of [`http://localhost:${port}`, `http://127.0.0.1:${port}`]) {
      const context = await env.browser.newContext();
      const page = await context.newPage();
      const visited = new Set<string>();
      page.on('request', (request) => visited.add(new URL(request.url()).origin));
      await page.goto(`${origin}/konto`);
      await page.getByRole('button', { name: 'Weiter zum Bürgerkonto' }).click();
      await page.getByLabel('Erika Mustermann, Frankfurter Straße 97').check();
      await page.getByLabel('substanziell (ELSTER-Zertifikat)').check();
      await page.getByRole('button', { name: 'Anmelden und Daten übermitteln' }).click();
      await page.waitForURL(`${origin}/konto`);
      assert.match(await page.locator('dl.facts').innerText(), /Erika Mustermann/);
      assert.deepEqual([...visited], [origin], `the login on ${origin} went through ${[...visited].join(', ')}`);
      await context.close();
    }
  });

  it("the README's screenshots are taken from the running demo (home page, a service, the clerk's start page)", async () => {
    const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(env.server.url);
    await page.screenshot({ path: 'docs/img/home.png' });
    await page.goto(`${env.server.url}/leistungen/hundeanmeldung`);
    await page.screenshot({ path: 'docs/img/service.png' });
    await staffSignIn(page, env.server.url, 'sachbearbeitung@hennef.example', true);
    await page.waitForURL(/\/bo$/);
    await page.screenshot({ path: 'docs/img/back-office.png' });
    await context.close();
  });

  it('a clerk logs in with password and TOTP, and is refused without the code', async () => {
    const context = await env.browser.newContext();
    const page = await context.newPage();
    await staffSignIn(page, env.server.url, 'sachbearbeitung@hennef.example', false);
    await page.waitForURL(/\/bo\/anmelden\/code$/);
    await assertAccessible(page);
    await page.getByRole('button', { name: 'Bestätigen' }).click();
    assert.match(await page.locator('.error-summary').innerText(), /Bitte geben Sie den Code/);
    assert.equal(await page.evaluate(() => document.activeElement?.className), 'error-summary', 'the error summary takes focus');
    await assertAccessible(page);
    await page.goto(`${env.server.url}/bo`);
    assert.match(page.url(), /\/bo\/anmelden\?next=/, 'without the code the back office stays closed');
    await staffSignIn(page, env.server.url, 'sachbearbeitung@hennef.example', false);
    await page.getByLabel('Sechsstelliger Code').fill(await freshTotp(env.server.url, 'sachbearbeitung@hennef.example'));
    await page.getByRole('button', { name: 'Bestätigen' }).click();
    await page.waitForURL(/\/bo$/);
    assert.match(await page.locator('nav.main-nav').innerText(), /Sven Sachbearbeiter/);
    await assertAccessible(page);
    await context.close();
  });

  it("a login link with another host smuggled into next (a tab in /%09/evil.example) ends on the town's own page, for staff and citizens", async () => {
    const context = await env.browser.newContext();
    const page = await context.newPage();
    const origin = new URL(env.server.url).origin;
    await page.goto(`${env.server.url}/bo/anmelden?next=/%09/evil.example`);
    await page.getByLabel('E-Mail-Adresse').fill('redaktion@hennef.example');
    await page.getByLabel('Passwort', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page.waitForLoadState('load');
    assert.equal(new URL(page.url()).origin, origin, `staff login ended on ${page.url()}`);
    assert.equal(new URL(page.url()).pathname, '/bo');
    const citizen = await env.browser.newContext();
    const citizenPage = await citizen.newPage();
    await citizenPage.goto(`${env.server.url}/konto/anmelden?next=/%5C/evil.example`);
    await citizenPage.getByLabel('Erika Mustermann, Frankfurter Straße 97').check();
    await citizenPage.getByLabel('substanziell (ELSTER-Zertifikat)').check();
    await citizenPage.getByRole('button', { name: 'Anmelden und Daten übermitteln' }).click();
    await citizenPage.waitForURL(/\/konto$/);
    assert.equal(new URL(citizenPage.url()).origin, origin);
    await citizen.close();
    await context.close();
  });

  it('a tenant admin adds a clerk to a unit and finds that change in the audit log', async () => {
    const context = await env.browser.newContext();
    const page = await context.newPage();
    await staffSignIn(page, env.server.url, 'admin@hennef.example', false);
    await page.getByLabel('Sechsstelliger Code').fill(await freshTotp(env.server.url, 'admin@hennef.example'));
    await page.getByRole('button', { name: 'Bestätigen' }).click();
    await page.waitForURL(/\/bo$/);
    await page.getByRole('link', { name: 'Beschäftigte', exact: true }).click();
    await assertAccessible(page);
    await page.getByRole('button', { name: 'Speichern' }).click();
    await assertAccessible(page);
    assert.match(await page.locator('.error-summary').innerText(), /Bitte füllen Sie dieses Feld aus/);
    await page.getByLabel('Name').fill('Bernd Bürgerbüro');
    await page.getByLabel('E-Mail-Adresse').fill('bernd@hennef.example');
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.waitForURL(/\/admin\/benutzer\/[0-9a-f-]+$/);
    await assertAccessible(page);
    await page.getByLabel('Organisationseinheit').selectOption({ label: 'Fachdienst Einwohnermeldewesen' });
    await page.getByLabel('Rolle').selectOption({ label: 'Sachbearbeitung' });
    await page.getByRole('button', { name: 'Speichern' }).click();
    assert.match(await page.locator('.alert--success').innerText(), /Die Zuordnung wurde gespeichert/);
    await page.goto(`${env.server.url}/admin/protokoll`);
    await page.getByLabel('Suchen').fill('Bernd');
    await page.getByRole('button', { name: 'Suchen' }).click();
    await assertAccessible(page);
    const table = await page.locator('table').innerText();
    assert.match(table, /staff\.membership_added/);
    assert.match(table, /Fachdienst Einwohnermeldewesen/);
    assert.match(table, /staff\.created/);
    await context.close();
  });
});
