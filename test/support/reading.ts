// What a reader stumbles over in a text we send or show: a translation key that was never translated, an ISO date
// instead of 20.11.2026, a placeholder left unfilled, "undefined"/"null" where a value belonged.
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import type { Db } from '../../src/platform/db/database.js';

/** Prefixes of our translation keys: a text like "bo.saveDraft" is a key that was never translated. */
export const RAW_KEY =
  /\b(?:site|legal|account|admin|bo|edit|error|status|level|field|view|event|home|receipt|pay|start|summary|idp|role|costs|service|search|fresh|map|nearby|support|photo|mail|syn|kind|filter|col|facts|history|links|bulk|absence|exchange|templates|method|stats|button|progress|draft)\.[a-z][A-Za-z]*(?:\.[A-Za-z]+)*\b/;
export const ISO_DATE = /\b\d{4}-\d{2}-\d{2}\b/;
const UNFILLED = /\{\{?\s*[a-zA-Z][\w.]*\s*\}\}?|\bundefined\b|\bnull\b|\[object Object\]/;

export function textProblems(text: string): string[] {
  const found: string[] = [];
  for (const [name, pattern] of [
    ['raw key', RAW_KEY],
    ['ISO date', ISO_DATE],
    ['unfilled value', UNFILLED],
  ] as const) {
    const match = pattern.exec(text);
    if (match) found.push(`${name} "${match[0]}"`);
  }
  return found;
}

/** Every e-mail and Postfach item in this server's database reads right. */
export async function assertSentTextsReadable(db: Db) {
  const mails = (await sql<{ subject: string; body_text: string }>`select subject, body_text from mail_message`.execute(db)).rows;
  const items = (await sql<{ subject: string; body: string }>`select subject, body from mailbox_item`.execute(db)).rows;
  const texts = [
    ...mails.map((mail) => ({ where: `mail "${mail.subject}"`, text: `${mail.subject}\n${mail.body_text}` })),
    ...items.map((item) => ({ where: `Postfach "${item.subject}"`, text: `${item.subject}\n${item.body}` })),
  ];
  assert.ok(texts.length > 0, 'the journey sent something');
  const problems = texts.flatMap(({ where, text }) => textProblems(text).map((problem) => `${where}: ${problem}`));
  assert.deepEqual(problems, [], 'texts a citizen or clerk would stumble over');
}
