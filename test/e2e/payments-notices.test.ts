// Browser journeys of paying and notices: a citizen orders a birth certificate, aborts the payment once and then
// pays by credit card, a clerk issues the notice, the citizen opens it in the Postfach and /verify confirms it.
// The same purchase through the pmPayment stand-in completes, and a replayed notification changes nothing.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import type { Page } from 'playwright-core';
import { assertAccessible, citizenSignIn, scriptlessContext, serverAndBrowser, staffSignIn, clickAndLoad } from './browser.js';
import { startPmPayment } from '../support/pmpayment.js';

async function orderBirthCertificate(page: Page, base: string) {
  await page.goto(`${base}/leistungen/personenstandsurkunde`);
  await page.getByRole('link', { name: 'Online erledigen' }).click();
  await page.getByRole('button', { name: 'Antrag beginnen' }).click();
  await page.getByLabel('Geburtsurkunde').check();
  await page.getByLabel('Name der Person, um die es geht').fill('Erika Mustermann');
  await page.getByLabel('Datum der Geburt, Eheschließung oder des Todes').fill('1964-08-12');
  await page.getByLabel('Ihr Verhältnis zu dieser Person').selectOption('self');
  await page.getByLabel('Anzahl der Urkunden').fill('1');
  await page.getByRole('button', { name: 'Weiter', exact: true }).click();
  await page.getByRole('button', { name: 'Weiter', exact: true }).click();
  await page.getByLabel(/Ich versichere, dass ich zum Bezug der Urkunde berechtigt bin/).check();
  await page.getByRole('button', { name: 'Verbindlich absenden' }).click();
  await page.getByRole('heading', { name: 'Gebühr bezahlen' }).waitFor();
  assert.match(await page.locator('main').innerText(), /Zu zahlen: 12,00\s€/);
}

describe('paying and notices in the browser (demo provider)', () => {
  const env = serverAndBrowser();

  it('order, abort, pay by credit card, notice by the clerk, open it in the Postfach, verify it', async () => {
    const citizenContext = await scriptlessContext(env.browser);
    const page = await citizenContext.newPage();
    await citizenSignIn(page, env.server.url, 'Erika Mustermann, Frankfurter Straße 97', 'hoch (Online-Ausweis)');
    await orderBirthCertificate(page, env.server.url);
    await assertAccessible(page);
    await page.getByLabel('Kreditkarte').check();
    await page.getByRole('button', { name: 'Weiter zur Zahlung' }).click();
    await page.getByRole('heading', { name: 'Demo-Zahlungsdienst' }).waitFor();
    await assertAccessible(page);
    await clickAndLoad(page, page.getByRole('button', { name: 'Abbrechen und zurück' }));
    assert.match(await page.locator('main').innerText(), /Sie haben die Zahlung abgebrochen/);
    await page.getByLabel('Kreditkarte').check();
    await page.getByRole('button', { name: 'Weiter zur Zahlung' }).click();
    await clickAndLoad(page, page.getByRole('button', { name: 'Zahlung ausführen' }));
    assert.match(await page.locator('h1').innerText(), /Ihr Antrag ist eingegangen/);
    await assertAccessible(page);
    const number = /\d{4}-\d{6}/.exec(await page.locator('main').innerText())![0];
    assert.match(
      await page.locator('dl.facts').innerText(),
      /Gebühr bezahlt\s+12,00\s€ per Kreditkarte, Zahlungsreferenz \S+/,
      'the receipt names amount, method and reference',
    );

    // The Standesamt's own clerk processes it (not only a lead).
    const clerkContext = await env.browser.newContext();
    const clerk = await clerkContext.newPage();
    await staffSignIn(clerk, env.server.url, 'standesamt@hennef.example', true);
    await clerk.goto(`${env.server.url}/bo/antraege`);
    await clerk.getByRole('link', { name: new RegExp(number) }).click();
    await assertAccessible(clerk);
    await clickAndLoad(clerk, clerk.getByRole('link', { name: 'Bescheid prüfen und erlassen' }));
    assert.match(await clerk.locator('article.preview').innerText(), /Sandra Standesbeamtin\s+Sachbearbeitung\s+Fachdienst Standesamt/);
    await assertAccessible(clerk);
    await clerk.getByRole('button', { name: 'Bescheid erlassen und zustellen' }).click();
    assert.match(await clerk.locator('main').innerText(), /Der Bescheid ist erlassen und zugestellt/);
    await clerkContext.close();

    await page.goto(`${env.server.url}/postfach`);
    await assertAccessible(page);
    await page.getByRole('link', { name: /^Bescheid B-/ }).click();
    await assertAccessible(page);
    const pdfLink = page.getByRole('link', { name: /bescheid-B-.*\.pdf/ });
    const pdf = await page.request.get(new URL(String(await pdfLink.getAttribute('href')), env.server.url).href);
    assert.equal(pdf.headers()['content-type'], 'application/pdf');
    const code = /\/verify\/([A-Z0-9-]{14})/.exec(await page.locator('main').innerText())![1]!;
    await page.goto(`${env.server.url}/verify`);
    await page.getByLabel('Prüfcode').fill(code);
    await page.getByRole('button', { name: 'Prüfen' }).click();
    assert.match(await page.locator('main').innerText(), /Diesen Bescheid hat die Stadt Hennef \(Sieg\) erlassen/);
    await assertAccessible(page);
    await citizenContext.close();
  });
});

describe('paying in the browser (pmPayment stand-in)', () => {
  let pm: Awaited<ReturnType<typeof startPmPayment>>;
  const env = serverAndBrowser(async () => {
    pm = await startPmPayment({ ags: '05382024', secret: 'pmpayment-e2e-secret' });
    return {
      PAYMENT_PROVIDER: 'pmpayment',
      PMPAYMENT_URL: pm.url,
      PMPAYMENT_AGS: '05382024',
      PMPAYMENT_PROCEDURE: 'hennef-urkunden',
      PMPAYMENT_SECRET: 'pmpayment-e2e-secret',
    };
  });
  after(() => pm?.close());

  it('the purchase completes at pmPayment, and a replayed notification changes nothing', async () => {
    const context = await env.browser.newContext();
    const page = await context.newPage();
    await citizenSignIn(page, env.server.url, 'Erika Mustermann, Frankfurter Straße 97', 'hoch (Online-Ausweis)');
    await orderBirthCertificate(page, env.server.url);
    await page.getByLabel('giropay / paydirekt').check();
    await page.getByRole('button', { name: 'Weiter zur Zahlung' }).click();
    await page.getByRole('heading', { name: 'pmPayment (Test)' }).waitFor();
    await page.getByRole('button', { name: 'Bezahlen' }).click();
    await page.getByRole('heading', { name: 'Ihr Antrag ist eingegangen' }).waitFor();
    const events = async () => (await sql<{ n: number }>`select count(*)::int as n from payment_event`.execute(env.server.db)).rows[0]!.n;
    const before = await events();
    const replay = await fetch(`${env.server.url}/zahlung/benachrichtigung/pmpayment`, { method: 'POST', body: pm.notifications.at(-1)! });
    assert.equal(replay.status, 200);
    assert.equal(await events(), before);
    assert.equal((await sql<{ n: number }>`select count(*)::int as n from payment_booking`.execute(env.server.db)).rows[0]!.n, 1);
    await context.close();
  });
});
