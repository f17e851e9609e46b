// Browser journeys of the application assistant, every page checked with axe.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { assertAccessible, citizenSignIn, scriptlessContext, serverAndBrowser } from './browser.js';

const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

describe('online services in the browser', () => {
  const env = serverAndBrowser();

  it('an anonymous citizen requests a simple Meldebescheinigung (without JavaScript)', async () => {
    const context = await scriptlessContext(env.browser);
    const page = await context.newPage();
    await page.goto(`${env.server.url}/leistungen/meldebescheinigung-einfach`);
    await page.getByRole('link', { name: 'Online erledigen' }).click();
    await assertAccessible(page);
    await page.getByRole('button', { name: 'Antrag beginnen' }).click();
    await assertAccessible(page);
    await page.getByLabel('Vorname').fill('Max');
    await page.getByLabel('Familienname').fill('Muster');
    await page.getByLabel('Geburtsdatum').fill('1980-05-01');
    await page.getByLabel('Straße und Hausnummer in Hennef').fill('Markt 1');
    await page.getByRole('button', { name: 'Weiter', exact: true }).click();
    await assertAccessible(page);
    await page.getByRole('button', { name: 'Weiter', exact: true }).click();
    assert.match(await page.locator('.error-summary').innerText(), /Bitte wählen Sie eine der Möglichkeiten/);
    await assertAccessible(page);
    await page.getByLabel('Per Post an meine Anschrift').check();
    await page.getByRole('button', { name: 'Weiter', exact: true }).click();
    await assertAccessible(page);
    assert.match(await page.locator('main').innerText(), /Muster/);
    await page.getByLabel('Ich versichere, dass meine Angaben richtig sind.').check();
    await page.getByRole('button', { name: 'Verbindlich absenden' }).click();
    await assertAccessible(page);
    assert.match(await page.locator('h1').innerText(), /Ihr Antrag ist eingegangen/);
    assert.match(await page.locator('main').innerText(), /\d{4}-\d{6}/);
    await context.close();
  });

  it('a logged-in citizen registers two dogs with computed tax and an upload, leaves halfway and resumes', async () => {
    const context = await scriptlessContext(env.browser);
    const page = await context.newPage();
    await citizenSignIn(page, env.server.url, 'Erika Mustermann, Frankfurter Straße 97', 'substanziell (ELSTER-Zertifikat)');
    await page.goto(`${env.server.url}/online/hundeanmeldung`);
    await page.getByRole('button', { name: 'Antrag beginnen' }).click();
    assert.match(await page.locator('main').innerText(), /Erika Mustermann/);
    await assertAccessible(page);
    await page.getByRole('button', { name: 'Weiter', exact: true }).click();
    await page.getByLabel('Name des Hundes').fill('Bello');
    await page.getByLabel('Rasse').fill('Dackel');
    await page.getByLabel('Gehalten seit').fill('2025-03-01');
    await page.getByLabel('Chipnummer (15 Ziffern)').fill('276098106123456');
    await page.getByRole('group', { name: 'Hund 1' }).getByLabel('Nein').check();
    await page.getByRole('button', { name: 'Weiteren Eintrag hinzufügen: Hund' }).click();
    await assertAccessible(page);
    const second = page.getByRole('group', { name: 'Hund 2' });
    await second.getByLabel('Name des Hundes').fill('Rex');
    await second.getByLabel('Rasse').fill('Schäferhund');
    await second.getByLabel('Gehalten seit').fill('2026-01-10');
    await second.getByLabel('Chipnummer (15 Ziffern)').fill('276098106654321');
    await second.getByLabel('Nein').check();
    await page.getByLabel(/Nachweise/).setInputFiles({ name: 'chip.pdf', mimeType: 'application/pdf', buffer: pdf });
    await page.getByRole('button', { name: 'Weiter', exact: true }).click();
    await page.waitForURL(/\/payment$/);

    await page.goto(`${env.server.url}/online`);
    await assertAccessible(page);
    await page.getByRole('link', { name: 'Fortsetzen: Hund anmelden (Hundesteuer)' }).click();
    await page.getByRole('button', { name: 'Weiter', exact: true }).click();
    assert.match(await page.locator('main').innerText(), /216,00\s€/);
    assert.match(await page.locator('main').innerText(), /chip\.pdf/);
    await page.getByRole('button', { name: 'Weiter', exact: true }).click();
    await page.getByLabel('Nein').check();
    await page.getByRole('button', { name: 'Weiter', exact: true }).click();
    await assertAccessible(page);
    await page.getByLabel(/Ich versichere/).check();
    await page.getByLabel(/Mir ist bekannt/).check();
    await page.getByRole('button', { name: 'Verbindlich absenden' }).click();
    assert.match(await page.locator('h1').innerText(), /Ihr Antrag ist eingegangen/);
    assert.match(await page.locator('main').innerText(), /Rex/);
    await context.close();
  });

  it('a citizen at level basic is asked to raise the level for a Personenstandsurkunde', async () => {
    const context = await env.browser.newContext();
    const page = await context.newPage();
    await citizenSignIn(page, env.server.url, 'Jonas Becker, Uckerath', 'niedrig (Benutzername/Passwort)');
    await page.goto(`${env.server.url}/leistungen/personenstandsurkunde`);
    await page.getByRole('link', { name: 'Online erledigen' }).click();
    await assertAccessible(page);
    assert.match(await page.locator('main').innerText(), /Vertrauensniveau „niedrig“.*„hoch“/s);
    assert.equal(await page.getByRole('button', { name: 'Antrag beginnen' }).count(), 0);
    await page.getByRole('link', { name: 'Erneut anmelden mit höherem Vertrauensniveau' }).click();
    await page.getByLabel('Jonas Becker, Uckerath').check();
    await page.getByLabel('hoch (Online-Ausweis)').check();
    await page.getByRole('button', { name: 'Anmelden und Daten übermitteln' }).click();
    await page.waitForURL(/\/online\/personenstandsurkunde$/);
    assert.equal(await page.getByRole('button', { name: 'Antrag beginnen' }).count(), 1);
    await context.close();
  });

  it('with JavaScript, a field appears only when the answer it depends on is chosen', async () => {
    const context = await env.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${env.server.url}/online/meldebescheinigung-einfach`);
    await page.getByRole('button', { name: 'Antrag beginnen' }).click();
    await page.getByLabel('Vorname').fill('Max');
    await page.getByLabel('Familienname').fill('Muster');
    await page.getByLabel('Geburtsdatum').fill('1980-05-01');
    await page.getByLabel('Straße und Hausnummer in Hennef').fill('Markt 1');
    await page.getByRole('button', { name: 'Weiter', exact: true }).click();
    const email = page.getByLabel('E-Mail-Adresse', { exact: true });
    assert.equal(await email.isVisible(), false);
    await page.getByLabel('Als PDF per E-Mail').check();
    assert.equal(await email.isVisible(), true);
    await assertAccessible(page);
    await page.getByLabel('Per Post an meine Anschrift').check();
    assert.equal(await email.isVisible(), false);
    await context.close();
  });
});
