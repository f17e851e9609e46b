// Browser journeys of the catalog: citizens find the service in their own words, without JavaScript.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { startServer, type TestServer } from '../support/server.js';
import { assertAccessible, launch, scriptlessContext } from './browser.js';

describe('catalog journeys', () => {
  let server: TestServer;
  let browser: Browser;
  before(async () => {
    server = await startServer();
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const [typed, expected] of [['hund anmelden', 'Hund anmelden (Hundesteuer)'], ['perso verloren', 'Personalausweis verloren oder gestohlen – Verlust melden']] as const) {
    it(`a citizen types "${typed}" and reaches "${expected}" in one click (without JavaScript)`, async () => {
      const context = await scriptlessContext(browser);
      const page = await context.newPage();
      await page.goto(server.url);
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
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/leistungen`);
    await page.getByLabel('Wonach suchen Sie?').pressSequentially('sperrm', { delay: 30 });
    await page.waitForFunction(() => document.querySelectorAll('#catalog-suggestions option').length > 0);
    assert.equal(await page.locator('#catalog-suggestions option').first().getAttribute('value'), 'Sperrmüll anmelden');
    await context.close();
  });
});
