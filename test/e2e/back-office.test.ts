// The back-office journey: a dog registration arrives in the tax unit's inbox, a clerk claims it and asks for
// the vaccination certificate, the citizen uploads it through the Postfach, the clerk decides and the notice
// reaches the citizen; a second clerk's stale change is refused; while the clerk is away, a new assignment
// goes to the deputy.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { assertAccessible, citizenSignIn, serverAndBrowser, staffSignIn, clickAndLoad } from './browser.js';

const pdf = Buffer.from('%PDF-1.4\n% Impfpass\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

async function registerDog(page: Page, base: string, dogName: string) {
  await page.goto(`${base}/online/hundeanmeldung`);
  await page.getByRole('button', { name: 'Antrag beginnen' }).click();
  await page.getByRole('button', { name: 'Weiter', exact: true }).click();
  await page.getByLabel('Name des Hundes').fill(dogName);
  await page.getByLabel('Rasse').fill('Dackel');
  await page.getByLabel('Gehalten seit').fill('2025-03-01');
  await page.getByLabel('Chipnummer (15 Ziffern)').fill('276098106123456');
  await page.getByRole('group', { name: 'Hund 1' }).getByLabel('Nein').check();
  await page.getByRole('button', { name: 'Weiter', exact: true }).click();
  await page.getByLabel('Nein').check();
  await page.getByRole('button', { name: 'Weiter', exact: true }).click();
  await page.getByLabel(/Ich versichere/).check();
  await page.getByLabel(/Mir ist bekannt/).check();
  await page.getByRole('button', { name: 'Verbindlich absenden' }).click();
  await page.getByRole('heading', { name: 'Ihr Antrag ist eingegangen' }).waitFor();
}

describe('back office in the browser', () => {
  const env = serverAndBrowser();

  it('inbox, claim, request, answer by Postfach, decision and notice; stale change refused; deputy while away', async () => {
    const citizenContext = await env.browser.newContext();
    const citizen = await citizenContext.newPage();
    await citizenSignIn(citizen, env.server.url, 'Erika Mustermann, Frankfurter Straße 97', 'substanziell (ELSTER-Zertifikat)');
    await registerDog(citizen, env.server.url, 'Bello');

    const clerkContext = await env.browser.newContext();
    const clerk = await clerkContext.newPage();
    await staffSignIn(clerk, env.server.url, 'steuern@hennef.example', true);
    await clerk.waitForURL(/\/bo$/);
    const start = await clerk.locator('main').innerText();
    assert.match(start, /Guten Tag, Selma Steuer/);
    assert.match(start, /1\s+Neu in Ihren Organisationseinheiten/, "the start page shows the clerk's work");
    await assertAccessible(clerk);
    await clerk.setViewportSize({ width: 1280, height: 800 });
    const rows = await clerk
      .locator('nav.main-nav li')
      .evaluateAll((items) => new Set(items.map((item) => Math.round(item.getBoundingClientRect().top))).size);
    assert.equal(rows, 1, 'the staff menu fits on one line at 1280 px');
    await clerk.getByRole('link', { name: /Neu in Ihren Organisationseinheiten/ }).click();
    await assertAccessible(clerk);
    assert.match(await clerk.locator('main').innerText(), /Neu \(1\)/);
    await clerk
      .getByRole('link', { name: /^\d{4}-\d{6}$/ })
      .first()
      .click();
    const caseUrl = clerk.url();

    const otherContext = await env.browser.newContext();
    const other = await otherContext.newPage();
    await staffSignIn(other, env.server.url, 'admin@hennef.example', true);
    await other.goto(caseUrl);

    await clerk.keyboard.press('u');
    await clerk.getByRole('button', { name: 'Übernehmen' }).waitFor({ state: 'detached' });
    await clerk.keyboard.press('b');
    await clerk.getByRole('button', { name: 'In Bearbeitung nehmen' }).waitFor({ state: 'detached' });
    assert.match(await clerk.locator('main').innerText(), /In Bearbeitung/, 'claimed and started with the keyboard shortcuts u and b');
    await assertAccessible(clerk);

    await other.locator('summary', { hasText: 'Ablehnen' }).click();
    await other.getByLabel('Begründung der Ablehnung').fill('Doppelt eingereicht');
    await clickAndLoad(other, other.locator('details[open]').getByRole('button', { name: 'Ablehnen' }));
    assert.match(await other.locator('main').innerText(), /wurde inzwischen geändert \(Status jetzt: In Bearbeitung\)/);

    await clerk.getByRole('link', { name: /Antrag ansehen/ }).click();
    await clerk.getByLabel('Nachforderung (Unterlagen oder Angaben)').check();
    await clerk.getByLabel('Betreff').fill('Impfnachweis nachreichen');
    await clerk.getByLabel('Text').fill('Bitte laden Sie den Impfnachweis Ihres Hundes hoch.');
    await clickAndLoad(clerk, clerk.getByRole('button', { name: 'Senden' }));
    assert.match(await clerk.locator('main').innerText(), /liegt im Postfach der antragstellenden Person/);

    await citizen.goto(`${env.server.url}/postfach`);
    await citizen.getByRole('link', { name: /Impfnachweis nachreichen/ }).click();
    await assertAccessible(citizen);
    await citizen.getByLabel('Ihre Antwort').fill('Anbei der Impfpass.');
    await citizen.getByLabel(/Unterlage anhängen/).setInputFiles({ name: 'impfpass.pdf', mimeType: 'application/pdf', buffer: pdf });
    await clickAndLoad(citizen, citizen.getByRole('button', { name: 'Antwort senden' }));
    assert.match(await citizen.locator('main').innerText(), /Ihre Antwort ist bei der Stadt eingegangen/);

    await clerk.reload();
    assert.match(await clerk.locator('main').innerText(), /impfpass\.pdf/);
    await clerk.getByRole('link', { name: 'Bescheid prüfen und erlassen' }).click();
    const notice = await clerk.locator('article.preview').innerText();
    assert.match(notice, /Guten Tag Erika Mustermann,/);
    assert.match(notice, /Die Hundesteuer beträgt 96,00\s€ im Jahr/, 'the tax');
    assert.match(notice, /Hundesteuermarke Nr\./, 'the tag');
    assert.match(notice, /15\. Februar, 15\. Mai, 15\. August und 15\. November/, 'when to pay');
    assert.match(notice, /Kreissparkasse Köln, IBAN DE12/, 'how to pay');
    assert.match(notice, /Selma Steuer\s+Sachbearbeitung\s+Fachdienst Steuern und Abgaben/, 'the signer');
    await assertAccessible(clerk);
    await clickAndLoad(clerk, clerk.getByRole('button', { name: 'Bescheid erlassen und zustellen' }));
    assert.match(await clerk.locator('main').innerText(), /Der Bescheid ist erlassen und zugestellt/);
    await clerk.goto(caseUrl);
    assert.match(await clerk.locator('main').innerText(), /Entschieden/);

    await citizen.goto(`${env.server.url}/postfach`);
    assert.match(await citizen.locator('main').innerText(), /Bescheid B-\d{4}-\d{6}/);

    await clerk.goto(`${env.server.url}/bo/vorgaenge`);
    await clerk.getByLabel('Vertretung', { exact: true }).selectOption({ label: 'Petra Admin' });
    await clerk.getByRole('button', { name: 'Ich bin abwesend' }).click();
    await registerDog(citizen, env.server.url, 'Rex');
    await other.goto(`${env.server.url}/bo/vorgaenge?ansicht=new`);
    await other
      .getByRole('link', { name: /^\d{4}-\d{6}$/ })
      .first()
      .click();
    await other.getByLabel('Zuweisen an').selectOption({ label: 'Selma Steuer' });
    await clickAndLoad(other, other.getByRole('button', { name: 'Zuweisen', exact: true }));
    assert.match(await other.locator('main').innerText(), /Bearbeitung\s+Petra Admin/, 'the assignment went to the deputy');
    await Promise.all([citizenContext.close(), clerkContext.close(), otherContext.close()]);
  });
});
