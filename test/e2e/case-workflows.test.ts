// The street-opening permit in the back office, in the browser: the clerk finds the application by what the
// applicant wrote, previews the site plan, sets the conditions and links the second application; only the lead
// can approve, and the approval issues the notice.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { assertAccessible, clickAndLoad, serverAndBrowser, staffSignIn } from './browser.js';
import { Visitor } from '../support/visitor.js';
import { citizenLogin } from '../support/journeys.js';
import { applyForStreetOpening } from '../support/street-opening.js';

describe('case workflows in the browser', () => {
  const env = serverAndBrowser();

  it('search, preview, conditions, linked case; four eyes: the lead approves and the notice goes out', async () => {
    const base = env.server.url;
    const business = new Visitor(base);
    await citizenLogin(business, 'siegtal-baeckerei', 'substantial');
    await applyForStreetOpening(business, 'Tiefbau Sieg GmbH');
    await applyForStreetOpening(business, 'Kabelbau Rhein KG');
    const numbers = (await sql<{ number: string }>`select number from case_record order by number`.execute(env.server.db)).rows.map(
      (row) => row.number,
    );

    const clerkContext = await env.browser.newContext();
    const clerk = await clerkContext.newPage();
    await staffSignIn(clerk, base, 'ordnungsamt@hennef.example', true);
    await clerk.goto(`${base}/bo/vorgaenge`);
    await clerk.getByLabel(/^Suche/).fill('Tiefbau Sieg');
    await clerk.getByRole('button', { name: 'Anzeigen' }).click();
    assert.equal(await clerk.locator('main table tbody tr').count(), 1, 'the contractor named in the application finds it');
    await assertAccessible(clerk);
    await clerk.getByLabel('Eingegangen ab (TT.MM.JJJJ oder JJJJ-MM-TT)').fill('31.02.2026');
    await clerk.getByRole('button', { name: 'Anzeigen' }).click();
    assert.match(await clerk.locator('.error-summary').innerText(), /Bitte geben Sie ein Datum an/);
    assert.equal(await clerk.getByLabel(/^Suche/).inputValue(), 'Tiefbau Sieg', 'the filter keeps what was typed');

    await clerk.goto(`${base}/bo/vorgaenge?suche=Tiefbau`);
    await clerk.getByRole('link', { name: numbers[0]! }).click();
    await clerk.locator('iframe[title="Vorschau: lageplan.pdf"]').waitFor({ state: 'attached' });
    await clickAndLoad(clerk, clerk.getByRole('button', { name: 'Prüfung beginnen' }));
    await clerk.locator('summary', { hasText: 'Zur Freigabe vorlegen' }).click();
    await clerk.getByLabel('Auflagen (Verkehrssicherung, Wiederherstellung)').fill('Verkehrssicherung nach RSA 21');
    await clickAndLoad(clerk, clerk.locator('details[open]').getByRole('button', { name: 'Zur Freigabe vorlegen' }));
    assert.match(await clerk.locator('dl.facts').innerText(), /Zur Freigabe bei der Leitung/);
    assert.equal(await clerk.getByRole('button', { name: 'Genehmigen' }).count(), 0, 'the clerk is not offered the approval');
    await clerk.getByLabel('Nummer des Vorgangs, der verknüpft werden soll').fill(numbers[1]!);
    await clickAndLoad(clerk, clerk.getByRole('button', { name: 'Verknüpfen' }));
    assert.match(await clerk.locator('#links').locator('..').innerText(), new RegExp(numbers[1]!));
    await assertAccessible(clerk);
    const caseUrl = clerk.url().replace(/#.*$/, '');

    const leadContext = await env.browser.newContext();
    const lead = await leadContext.newPage();
    await staffSignIn(lead, base, 'ordnung-leitung@hennef.example', true);
    await lead.goto(caseUrl);
    await clickAndLoad(lead, lead.getByRole('button', { name: 'Genehmigen' }));
    assert.match(await lead.locator('dl.facts').innerText(), /Genehmigt/);
    await env.server.jobs.runDue();
    await lead.reload();
    assert.match(await lead.locator('main').innerText(), /Bescheid automatisch erstellt/);
    await assertAccessible(lead);
    assert.match((await business.get('/postfach')).html, /Bescheid [^<]*Aufbruchgenehmigung/, 'the notice reached the applicant');
    await Promise.all([clerkContext.close(), leadContext.close()]);
  });
});
