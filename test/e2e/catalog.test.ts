// Browser journeys of the catalog: citizens find the service in their own words, without JavaScript.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { enqueue } from '../../src/platform/jobs/queue.js';
import { FRESHNESS_JOB } from '../../src/modules/catalog/index.js';
import { assertAccessible, scriptlessContext, staffSignIn, serverAndBrowser, clickAndLoad } from './browser.js';

describe('catalog journeys', () => {
  const env = serverAndBrowser();

  for (const [typed, expected] of [
    ['hund anmelden', 'Hund anmelden (Hundesteuer)'],
    ['perso verloren', 'Personalausweis verloren oder gestohlen – Verlust melden'],
  ] as const) {
    it(`a citizen types "${typed}" and reaches "${expected}" in one click (without JavaScript)`, async () => {
      const context = await scriptlessContext(env.browser);
      const page = await context.newPage();
      await page.goto(env.server.url);
      await page.getByRole('link', { name: 'Leistungen A–Z' }).first().click();
      await page.getByLabel('Wonach suchen Sie?').fill(typed);
      await page.getByRole('button', { name: 'Suchen' }).click();
      await assertAccessible(page);
      await page.locator('.search-results a').first().click();
      assert.equal(await page.locator('h1').innerText(), expected);
      await assertAccessible(page);
      await context.close();
    });
  }

  it('with JavaScript, suggestions appear while typing', async () => {
    const context = await env.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${env.server.url}/leistungen`);
    await page.getByLabel('Wonach suchen Sie?').pressSequentially('sperrm', { delay: 30 });
    await page.waitForFunction(() => document.querySelectorAll('#catalog-suggestions option').length > 0);
    assert.equal(await page.locator('#catalog-suggestions option').first().getAttribute('value'), 'Sperrmüll anmelden');
    await context.close();
  });

  it('an editor changes a fee, the unit lead approves it, the citizen page shows it and the history shows the diff (without JavaScript)', async () => {
    const editorContext = await scriptlessContext(env.browser);
    const editor = await editorContext.newPage();
    await staffSignIn(editor, env.server.url, 'redaktion@hennef.example', false);
    await editor.goto(`${env.server.url}/bo/katalog?art=service`);
    await assertAccessible(editor);
    await editor.getByRole('link', { name: 'Meldebescheinigung (erweitert)' }).click();
    await assertAccessible(editor);
    await editor.getByLabel('Betrag in Euro', { exact: true }).fill('14');
    await clickAndLoad(editor, editor.getByRole('button', { name: 'Zur Freigabe geben' }));
    assert.match(await editor.getByRole('status').first().innerText(), /Zur Freigabe gegeben/);

    const leadContext = await scriptlessContext(env.browser);
    const lead = await leadContext.newPage();
    await staffSignIn(lead, env.server.url, 'leitung@hennef.example', true);
    await lead.goto(`${env.server.url}/bo/katalog?status=review`);
    await lead.getByRole('link', { name: 'Meldebescheinigung (erweitert)' }).click();
    await assertAccessible(lead);
    await lead.getByLabel('Kommentar (bei Zurückweisung Pflicht)').fill('Gebühr laut neuer Satzung');
    await clickAndLoad(lead, lead.getByRole('button', { name: 'Freigeben und veröffentlichen' }));
    assert.match(await lead.getByRole('status').first().innerText(), /Freigegeben und veröffentlicht/);
    await lead.getByRole('link', { name: 'Versionen und Änderungen' }).click();
    await assertAccessible(lead);
    const diff = lead.locator('table.diff').first();
    assert.match(await diff.locator('del').first().innerText(), /amount: 10/);
    assert.match(await diff.locator('ins').first().innerText(), /amount: 14/);

    const citizen = await env.browser.newPage();
    await citizen.goto(`${env.server.url}/leistungen/meldebescheinigung-erweitert`);
    assert.match(await citizen.locator('.at-a-glance').innerText(), /14,00\s€/);
    await Promise.all([editorContext.close(), leadContext.close(), citizen.close()]);
  });

  it("the finance lead approves the tax office's entry; another unit's lead only reads it and sees no buttons", async () => {
    const editorContext = await env.browser.newContext();
    const editor = await editorContext.newPage();
    await staffSignIn(editor, env.server.url, 'redaktion@hennef.example', false);
    await editor.goto(`${env.server.url}/bo/katalog?art=service`);
    await editor.getByRole('link', { name: 'Hund anmelden (Hundesteuer)' }).click();
    await editor
      .getByLabel('Kurztext', { exact: true })
      .fill('Wer in Hennef einen Hund hält, meldet ihn innerhalb von zwei Wochen an und erhält Steuerbescheid und Hundemarke.');
    await editor.getByRole('button', { name: 'Zur Freigabe geben' }).click();

    const otherContext = await env.browser.newContext();
    const other = await otherContext.newPage();
    await staffSignIn(other, env.server.url, 'leitung@hennef.example', true);
    await other.goto(`${env.server.url}/bo/katalog?status=review`);
    await other.getByRole('link', { name: 'Hund anmelden (Hundesteuer)' }).click();
    assert.equal(
      await other.getByRole('button', { name: /Freigeben|Entwurf speichern|Zur Freigabe geben/ }).count(),
      0,
      'a lead of another unit is offered no action',
    );

    const leadContext = await env.browser.newContext();
    const lead = await leadContext.newPage();
    await staffSignIn(lead, env.server.url, 'finanzen-leitung@hennef.example', true);
    await lead.goto(`${env.server.url}/bo/katalog`);
    await lead.getByRole('link', { name: 'Zur Freigabe (1)' }).click();
    await lead.getByRole('link', { name: 'Hund anmelden (Hundesteuer)' }).click();
    await assertAccessible(lead);
    await clickAndLoad(lead, lead.getByRole('button', { name: 'Freigeben und veröffentlichen' }));
    assert.match(await lead.getByRole('status').first().innerText(), /Freigegeben und veröffentlicht/);
    await Promise.all([editorContext.close(), otherContext.close(), leadContext.close()]);
  });

  it('the freshness job e-mails the unit lead the overdue entries (captured mail)', async () => {
    await sql`update catalog_entry set last_reviewed_at = now() - interval '13 months' where slug in ('wahlhelfer', 'eheschliessung')`.execute(
      env.server.db,
    );
    await enqueue(env.server.db, { name: FRESHNESS_JOB });
    for (let round = 0; round < 3; round++) await env.server.jobs.runDue();
    const context = await env.browser.newContext();
    const page = await context.newPage();
    await staffSignIn(page, env.server.url, 'admin@hennef.example', true);
    await page.goto(`${env.server.url}/admin/mail`);
    await assertAccessible(page);
    await page
      .getByRole('link', { name: /Leistungskatalog: 2 Einträge/ })
      .first()
      .click();
    const text = await page.locator('main').innerText();
    assert.match(text, /leitung@hennef\.example/);
    assert.match(text, /Wahlhelferin oder Wahlhelfer werden: Prüfung seit/);
    assert.match(text, /Eheschließung anmelden: Prüfung seit/);
    await context.close();
  });
});
