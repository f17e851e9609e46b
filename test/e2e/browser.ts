// Chromium (Debian's package) driven by playwright-core, with axe-core checking every page a journey visits.
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import { README_DEFAULTS, startServer, type TestServer } from '../support/server.js';
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { DEMO_PASSWORD } from '../../seed/hennef.js';
import { freshTotp } from '../support/totp.js';

const PAGE_BUDGET_BYTES = 50 * 1024;

export async function launch(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find(existsSync);
  if (!executablePath) throw new Error('Chromium not found: install Debian package chromium (.ci/run does) or set CHROMIUM_PATH');
  return chromium.launch({
    executablePath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Counts the bytes a page loads (HTML, CSS, JS, images): the citizen's budget on a slow rural line. The count
 * waits for the bodies still being read. */
export function watchBytes(page: Page): () => Promise<number> {
  let total = 0;
  const pending = new Set<Promise<void>>();
  page.on('response', (response) => {
    const read: Promise<void> = response
      .body()
      .then(
        (body) => void (total += body.length),
        () => undefined,
      )
      .finally(() => pending.delete(read));
    pending.add(read);
  });
  return async () => {
    await Promise.all([...pending]);
    return total;
  };
}

const scriptless = new WeakSet<BrowserContext>();

/** A browser context with JavaScript switched off: every page must work without it. */
export async function scriptlessContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext({ javaScriptEnabled: false });
  scriptless.add(context);
  return context;
}

/** axe needs JavaScript: a page visited without it is checked as a copy of its DOM in a page that has it. */
export async function assertAccessible(page: Page) {
  const target = scriptless.has(page.context()) ? await copyWithScripts(page) : page;
  const result = await new AxeBuilder({ page: target }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  if (target !== page) await target.close();
  const summary = result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  assert.deepEqual(summary, [], `axe violations on ${page.url()}`);
}

async function copyWithScripts(page: Page): Promise<Page> {
  const origin = new URL(page.url()).origin;
  const html = (await page.content()).replace('<head>', `<head><base href="${origin}/">`);
  const context = await page.context().browser()!.newContext();
  const copy = await context.newPage();
  copy.on('close', () => void context.close());
  await copy.setContent(html, { waitUntil: 'load' });
  return copy;
}

/** The page's bytes once it has loaded (pages fetch nothing more by themselves: the live map loads only on request). */
export async function assertWithinBudget(page: Page, bytes: () => Promise<number>) {
  await page.waitForLoadState('load');
  const loaded = await bytes();
  assert.ok(loaded <= PAGE_BUDGET_BYTES, `${page.url()} loads ${loaded} bytes, budget ${PAGE_BUDGET_BYTES}`);
}

/** Staff login in the browser: password, and the demo TOTP code when the account has one. */
export async function staffSignIn(page: Page, base: string, email: string, withTotp: boolean) {
  await page.goto(`${base}/bo/anmelden`);
  await assertAccessible(page);
  await page.getByLabel('E-Mail-Adresse').fill(email);
  await page.getByLabel('Passwort', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Anmelden' }).click();
  if (!withTotp) return;
  await page.getByLabel('Sechsstelliger Code').fill(await freshTotp(base, email));
  await page.getByRole('button', { name: 'Bestätigen' }).click();
}

/** Citizen login through the demo identity provider: the persona by its label, the trust level by its label. */
export async function citizenSignIn(page: Page, base: string, persona: string, level: string) {
  await page.goto(`${base}/konto`);
  await page.getByRole('button', { name: 'Weiter zum Bürgerkonto' }).click();
  await page.getByLabel(persona).check();
  await page.getByLabel(level).check();
  await page.getByRole('button', { name: 'Anmelden und Daten übermitteln' }).click();
  await page.waitForURL(/\/konto$/);
}

/** A server and a browser for one describe block: started before its tests, closed after them. */
export function serverAndBrowser(env: () => Promise<Record<string, string>> | Record<string, string> = () => ({})): {
  server: TestServer;
  browser: Browser;
} {
  const state = {} as { server: TestServer; browser: Browser };
  before(async () => {
    state.server = await startServer({ ...README_DEFAULTS, ...(await env()) });
    state.browser = await launch();
  });
  after(async () => {
    await state.browser?.close();
    await state.server?.close();
  });
  return state;
}

/** Clicks what submits a form or follows a link and waits until the next page's document is there, so that what
 * is read next is the new page (a redirect to the same address included), never the old one. Not until "load":
 * that waits for every frame, and a case page's PDF preview can take long in a busy headless browser. */
export async function clickAndLoad(page: Page, target: Locator): Promise<void> {
  await Promise.all([page.waitForNavigation({ waitUntil: 'domcontentloaded' }), target.click()]);
}
