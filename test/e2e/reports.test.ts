// The Mängelmelder journey on a desktop and on a phone-sized screen: a citizen reports a pothole with a photo and
// a pin on the map; a neighbour sees the duplicate hint and supports it instead; the Stadtbetriebe clerk answers
// publicly, publishes the description edited by hand and closes it; the reporter gets the e-mail; the public map
// shows it as erledigt without personal data; the stored photo carries no GPS data.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import sharp from 'sharp';
import type { Browser } from 'playwright-core';
import { assertAccessible, assertWithinBudget, scriptlessContext, serverAndBrowser, staffSignIn, watchBytes } from './browser.js';

const phone = { viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

const photoWithGps = () =>
  sharp({ create: { width: 800, height: 600, channels: 3, background: '#5a5a5a' } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'Rathausfon' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '50/1 46/1 33/1', GPSLongitudeRef: 'E', GPSLongitude: '7/1 17/1 1/1' },
    })
    .toBuffer();

async function reportPothole(browser: Browser, base: string, options: { mobile: boolean; description: string; email: string }) {
  const context = await browser.newContext(options.mobile ? phone : {});
  const page = await context.newPage();
  const bytes = watchBytes(page);
  await page.goto(`${base}/maengelmelder`);
  await assertWithinBudget(page, bytes);
  await assertAccessible(page);
  await page.getByLabel('Was ist das Problem?').selectOption('schlagloch');
  await page.locator('svg[data-pick-for="coordinates"]').click({ position: { x: 200, y: 120 } });
  assert.match(await page.getByLabel(/Koordinaten/).inputValue(), /^50\.\d+, 7\.\d+$/, 'the pin fills the coordinates');
  await page.getByLabel('Beschreibung').fill(options.description);
  await page.getByLabel(/Ihre E-Mail-Adresse/).fill(options.email);
  await page.getByLabel(/Fotos/).setInputFiles({ name: 'schlagloch.jpg', mimeType: 'image/jpeg', buffer: await photoWithGps() });
  await page.getByRole('button', { name: 'Meldung absenden' }).click();
  return { context, page };
}

describe('Mängelmelder in the browser', () => {
  const env = serverAndBrowser();

  for (const mobile of [false, true]) {
    it(`report, duplicate hint and support, public answer, e-mail and public map (${mobile ? 'phone' : 'desktop'})`, async () => {
      const base = env.server.url;
      const tag = mobile ? 'Handy' : 'Desktop';
      const first = await reportPothole(env.browser, base, {
        mobile,
        description: `Tiefes Loch (${tag})`,
        email: `melderin-${tag}@example.org`,
      });
      await first.page.getByText('Danke! Ihre Meldung ist eingegangen').waitFor();
      await assertAccessible(first.page);
      const number = /M\d{4}-\d{6}/.exec(await first.page.locator('h1').innerText())![0];

      const second = await reportPothole(env.browser, base, { mobile, description: `Loch in der Fahrbahn (${tag})`, email: '' });
      await second.page.getByRole('heading', { name: 'Schon gemeldet?' }).waitFor();
      await assertAccessible(second.page);
      const hint = second.page.locator('section', { has: second.page.getByRole('heading', { name: 'Schon gemeldet?' }) });
      await hint.getByLabel(/Ihre E-Mail-Adresse/).fill(`nachbar-${tag}@example.org`);
      await hint.getByRole('button', { name: `Meldung ${number} unterstützen` }).click();
      await second.page.getByText('Danke für Ihre Unterstützung').waitFor();

      const clerkContext = await env.browser.newContext(mobile ? phone : {});
      const clerk = await clerkContext.newPage();
      await staffSignIn(clerk, base, 'stadtbetriebe@hennef.example', true);
      await clerk.goto(`${base}/bo/vorgaenge?ansicht=new`);
      await clerk.getByRole('link', { name: number }).click();
      await assertAccessible(clerk);
      assert.match(await clerk.locator('main').innerText(), new RegExp(`Tiefes Loch \\(${tag}\\)`));
      await clerk.getByRole('button', { name: 'In Bearbeitung nehmen' }).click();
      await clerk.locator('summary', { hasText: 'Als behoben melden' }).click();
      await clerk.getByLabel('Öffentliche Antwort an die Meldenden').first().fill('Das Schlagloch ist verfüllt.');
      await clerk.locator('details[open]').getByRole('button', { name: 'Als behoben melden' }).click();
      assert.match(await clerk.locator('main').innerText(), /Erledigt \(behoben\)/);
      await clerk.getByLabel(/Öffentliche Beschreibung/).fill(`Schlagloch auf der Fahrbahn (${tag})`);
      await clerk.getByRole('button', { name: 'Beschreibung veröffentlichen' }).click();
      await clerk.getByText('Die Beschreibung ist veröffentlicht.').waitFor();
      await assertAccessible(clerk);
      await env.server.jobs.runDue();

      const mails = await sql<{
        recipient: string;
      }>`select recipient from mail_message where subject = ${`Meldung ${number}: erledigt`}`.execute(env.server.db);
      assert.deepEqual(mails.rows.map((row) => row.recipient).sort(), [`melderin-${tag}@example.org`, `nachbar-${tag}@example.org`].sort());

      const publicContext = await scriptlessContext(env.browser);
      const visitor = await publicContext.newPage();
      await visitor.goto(`${base}/maengelmelder/meldungen?status=fixed`);
      await assertAccessible(visitor);
      const list = await visitor.locator('main').innerText();
      assert.match(list, new RegExp(`${number}[\\s\\S]*erledigt`));
      assert.doesNotMatch(list, /melderin|nachbar|Tiefes Loch/);
      await visitor.getByRole('link', { name: number }).first().click();
      const reportPage = await visitor.locator('main').innerText();
      assert.match(reportPage, /Das Schlagloch ist verfüllt\./);
      assert.match(reportPage, new RegExp(`Schlagloch auf der Fahrbahn \\(${tag}\\)`), 'the description as the moderator published it');
      assert.doesNotMatch(reportPage, /Tiefes Loch/, 'not the reporter’s own words');
      await assertAccessible(visitor);

      const stored = (
        await sql<{
          content_hash: string;
        }>`select f.content_hash from report_photo p join report r on r.id = p.report_id join stored_file f on f.id = p.file_id where r.number = ${number}`.execute(
          env.server.db,
        )
      ).rows[0]!;
      const photo = await env.server.deps.store.get(stored.content_hash);
      assert.equal((await sharp(photo).metadata()).exif, undefined, 'no EXIF, no GPS in the stored copy');
      await Promise.all([first.context.close(), second.context.close(), clerkContext.close(), publicContext.close()]);
    });
  }

  it('on request, the public map becomes interactive (Leaflet, offline outline, markers from GeoJSON)', async () => {
    const context = await env.browser.newContext();
    const page = await context.newPage();
    const bytes = watchBytes(page);
    await page.goto(`${env.server.url}/maengelmelder/meldungen`);
    await assertWithinBudget(page, bytes);
    await page.getByRole('button', { name: /Interaktive Karte laden/ }).click();
    await page.locator('.leaflet-container').waitFor();
    await page.locator('.live-map-marker, .live-map-cluster').first().waitFor();
    assert.ok(
      (await page.locator('path.leaflet-interactive, .leaflet-overlay-pane path').count()) >= 1,
      'the town outline is drawn without any tile server',
    );
    await assertAccessible(page);
    await context.close();
  });

  it('the map is keyboard-usable: arrow keys move the pin and fill the coordinates', async () => {
    const context = await env.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${env.server.url}/maengelmelder`);
    await page.locator('svg[data-pick-for="coordinates"]').focus();
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Shift+ArrowRight');
    assert.match(await page.getByLabel(/Koordinaten/).inputValue(), /^50\.\d+, 7\.\d+$/);
    await context.close();
  });
});
