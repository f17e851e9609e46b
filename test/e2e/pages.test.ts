// Every page, in German and English, as the role that may see it: zero axe violations, within the page budget.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext } from 'playwright-core';
import { README_DEFAULTS, startServer, type TestServer } from '../support/server.js';
import { DEMO_PASSWORD } from '../../seed/hennef.js';
import { freshTotp } from '../support/totp.js';
import { sql } from 'kysely';
import { ISO_DATE, RAW_KEY } from '../support/reading.js';
import { assertAccessible, assertWithinBudget, citizenSignIn, launch, watchBytes } from './browser.js';

const GERMAN_WORDS = /\b(?:und|oder|nicht|Sie|Ihre?|bitte|Bitte|für|mit|werden|wird|ist|sind|Antrag|Gebühr)\b/;

/**
 * What a reader would stumble over: raw keys, ISO dates, a page wider than the screen, and on citizen-facing pages
 * German in an English page outside the parts marked lang="de" (the back office shows the town's German data).
 */
async function readingProblems(page: import('playwright-core').Page, lang: 'de' | 'en', citizenFacing: boolean): Promise<string[]> {
  const { text, foreign, overflow } = await page.evaluate(() => {
    const body = document.body.cloneNode(true) as HTMLElement;
    for (const element of body.querySelectorAll('[lang]:not([lang="en"]), script, style, svg')) element.remove();
    return {
      text: document.body.innerText,
      foreign: body.textContent ?? '',
      overflow: document.documentElement.scrollWidth - window.innerWidth,
    };
  });
  const found: string[] = [];
  const key = RAW_KEY.exec(text);
  if (key) found.push(`raw key "${key[0]}"`);
  const iso = ISO_DATE.exec(text);
  if (iso) found.push(`ISO date "${iso[0]}"`);
  if (lang === 'en' && citizenFacing) {
    const german = GERMAN_WORDS.exec(foreign);
    if (german) found.push(`German "${foreign.slice(Math.max(0, german.index - 40), german.index + 40).replace(/\s+/g, ' ')}"`);
  }
  if (overflow > 0) found.push(`${overflow} px wider than the ${lang === 'de' ? 320 : 1280} px screen`);
  return found;
}

describe('every page is accessible and light', () => {
  let server: TestServer;
  let browser: Browser;
  let admin: BrowserContext;
  let citizen: BrowserContext;
  before(async () => {
    server = await startServer(README_DEFAULTS);
    browser = await launch();
    admin = await browser.newContext();
    const page = await admin.newPage();
    await page.goto(`${server.url}/bo/anmelden`);
    await page.getByLabel('E-Mail-Adresse').fill('admin@hennef.example');
    await page.getByLabel('Passwort', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page.getByLabel('Sechsstelliger Code').fill(await freshTotp(server.url, 'admin@hennef.example'));
    await page.getByRole('button', { name: 'Bestätigen' }).click();
    await page.waitForURL(/\/bo$/);
    await page.close();
    citizen = await browser.newContext();
    await citizenSignIn(await citizen.newPage(), server.url, 'Erika Mustermann, Frankfurter Straße 97', 'substanziell (ELSTER-Zertifikat)');
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('all pages without parameters, in both languages', async () => {
    const anonymous = await browser.newContext();
    const paths = server.routes
      .filter(
        (r) =>
          r.method === 'GET' &&
          r.access !== 'apiKey' &&
          !r.url.includes(':') &&
          !r.url.includes('*') &&
          !/\.(xml|json|csv)$/.test(r.url) &&
          !['/healthz', '/readyz', '/metrics', '/tenant.css', '/konto/anmelden', '/konto/callback'].includes(r.url),
      )
      .map((r) => ({
        path: r.url,
        context: r.access === 'public' ? anonymous : Array.isArray(r.access) && r.access.includes('citizen') ? citizen : admin,
      }));
    assert.ok(paths.length >= 15);
    const dogs = (await sql<{ id: string }>`select id from catalog_entry where slug = 'hundeanmeldung'`.execute(server.db)).rows[0]!.id;
    const withParameters = [
      '/leistungen/hundeanmeldung',
      '/leistungen/lebenslagen/tiere',
      '/leistungen/unternehmen/gruendung',
      '/behoerden/buergeramt',
      '/leistungen/suche?q=hund+anmelden',
      '/leistungen/suche?q=und',
    ];
    paths.push(
      ...withParameters.map((path) => ({ path, context: anonymous })),
      { path: `/bo/katalog/${dogs}`, context: admin },
      { path: `/bo/katalog/${dogs}/verlauf`, context: admin },
    );
    const problems: string[] = [];
    for (const lang of ['de', 'en'] as const) {
      for (const { path, context } of paths) {
        const page = await context.newPage();
        // German on a phone (320 px), English on a desktop: every page is seen at both widths across the run.
        await page.setViewportSize(lang === 'de' ? { width: 320, height: 640 } : { width: 1280, height: 800 });
        const bytes = watchBytes(page);
        const response = await page.goto(`${server.url}${path}${path.includes('?') ? '&' : '?'}lang=${lang}`);
        assert.ok(response && response.status() < 400, `${path} answers ${response?.status()}`);
        if (!(response.headers()['content-type'] ?? '').includes('text/html')) {
          await page.close();
          continue;
        }
        assert.equal(await page.locator('html').getAttribute('lang'), lang);
        problems.push(...(await readingProblems(page, lang, context !== admin)).map((problem) => `${path}?lang=${lang}: ${problem}`));
        await assertAccessible(page);
        await assertWithinBudget(page, bytes);
        await page.close();
      }
    }
    await anonymous.close();
    assert.deepEqual(problems, [], 'pages a person would stumble over');
  });

  it('error pages are accessible too', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const response = await page.goto(`${server.url}/gibt-es-nicht`);
    assert.equal(response?.status(), 404);
    await assertAccessible(page);
    await context.close();
  });
});
