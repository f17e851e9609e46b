// Verifying the audit chain without walking all of history on every look: the full walk from the first entry runs
// as a scheduled job (and `rathaus audit verify`), records its progress and result, and alerts the platform
// administrators when it finds a break; the admin page checks only the entries sealed after the last verified
// position (the checkpoint, signed with a platform secret so it cannot be moved past a changed row unnoticed).
// A changed recent entry is found on the next look; a changed old one by the next full run.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import { platformSecret } from '../db/secrets.js';
import { queueMail } from '../mail/mailer.js';
import { chainHash, GENESIS, type ChainFields } from './audit-log.js';

export type ChainVerdict = { ok: true; entries: number } | { ok: false; entries: number; brokenAt: number };
export type Progress = (checked: number, total: number) => void | Promise<void>;

const PAGE = 2000;
/** The most entries the admin page checks itself; more new entries wait for the next scheduled run. */
export const RECENT_LIMIT = 2000;

/** What the hash of an entry covers (ChainFields), with its position. */
const CHAIN_COLUMNS = [
  'seq',
  'tenant_id',
  'at',
  'actor_id',
  'actor_label',
  'action',
  'object_type',
  'object_id',
  'summary',
  'request_id',
] as const;

type Position = { pos: number; hash: string };
type Walk = { ok: boolean; checked: number; brokenAt?: number; last: Position; complete: boolean };

/** Walks the chain after `from` in sealing order, in pages, up to `limit` entries; stops at the first entry that
 * does not follow from its predecessor. */
async function walk(db: Db, from: Position, limit: number, progress?: Progress, total = 0): Promise<Walk> {
  let last = from;
  let checked = 0;
  while (checked < limit) {
    const rows = await db
      .selectFrom('audit_log')
      .select(CHAIN_COLUMNS)
      .select(['prev_hash', 'hash', 'chain_pos'])
      .where('chain_pos', '>', last.pos)
      .orderBy('chain_pos')
      .limit(Math.min(PAGE, limit - checked))
      .execute();
    if (rows.length === 0) return { ok: true, checked, last, complete: true };
    for (const row of rows) {
      const { seq, prev_hash, hash, chain_pos, ...fields } = row;
      if (prev_hash !== last.hash || chainHash(last.hash, fields as ChainFields) !== hash)
        return { ok: false, checked, brokenAt: seq, last, complete: false };
      last = { pos: chain_pos!, hash: hash! };
      checked++;
    }
    await progress?.(checked, total);
  }
  const more = await db.selectFrom('audit_log').select('seq').where('chain_pos', '>', last.pos).limit(1).executeTakeFirst();
  return { ok: true, checked, last, complete: !more };
}

/** A row that was never sealed (its hash removed) breaks the chain too. */
const firstUnsealed = async (db: Db) =>
  (await db.selectFrom('audit_log').select('seq').where('chain_pos', 'is', null).orderBy('seq').limit(1).executeTakeFirst())?.seq;

const sign = (secret: string, checkpoint: Position) =>
  createHmac('sha256', secret).update(`${checkpoint.pos}\n${checkpoint.hash}`).digest('hex');

/** The signing secret, read once per database (it never changes once made). */
const secrets = new WeakMap<Db, Promise<string>>();
function checkpointSecret(db: Db) {
  let secret = secrets.get(db);
  if (!secret) {
    secret = platformSecret(db, 'audit-checkpoint');
    secrets.set(db, secret);
    secret.catch(() => secrets.delete(db));
  }
  return secret;
}

/** The signed checkpoint, or the beginning of the chain when there is none or its signature does not fit. */
async function readCheckpoint(db: Db): Promise<{ position: Position; trusted: boolean }> {
  const row = await db.selectFrom('audit_checkpoint').selectAll().executeTakeFirst();
  if (!row) return { position: { pos: 0, hash: GENESIS }, trusted: true };
  const expected = Buffer.from(sign(await checkpointSecret(db), { pos: row.chain_pos, hash: row.hash }));
  const given = Buffer.from(row.signature);
  const trusted = expected.length === given.length && timingSafeEqual(expected, given);
  return { position: trusted ? { pos: row.chain_pos, hash: row.hash } : { pos: 0, hash: GENESIS }, trusted };
}

async function saveCheckpoint(db: Db, position: Position) {
  if (position.pos === 0) return;
  const signature = sign(await checkpointSecret(db), position);
  await db
    .insertInto('audit_checkpoint')
    .values({ chain_pos: position.pos, hash: position.hash, verified_at: new Date(), signature })
    .onConflict((oc) =>
      oc
        .column('id')
        .doUpdateSet({ chain_pos: position.pos, hash: position.hash, verified_at: new Date(), signature })
        .where('audit_checkpoint.chain_pos', '<', position.pos),
    )
    .execute();
}

/** The checkpoint's own entry must still carry the hash that was verified. */
async function checkpointHolds(db: Db, position: Position) {
  if (position.pos === 0) return true;
  const row = await db
    .selectFrom('audit_log')
    .select(CHAIN_COLUMNS)
    .select(['prev_hash', 'hash'])
    .where('chain_pos', '=', position.pos)
    .executeTakeFirst();
  if (!row) return false;
  const { prev_hash, hash, seq: _seq, ...fields } = row;
  return hash === position.hash && chainHash(prev_hash ?? '', fields as ChainFields) === hash;
}

async function startRun(db: Db, kind: 'full' | 'recent', total: number) {
  return (await db.insertInto('audit_verification').values({ kind, total }).returning('id').executeTakeFirstOrThrow()).id;
}

async function finishRun(db: Db, id: number, verdict: ChainVerdict) {
  await db
    .updateTable('audit_verification')
    .set({ finished_at: new Date(), checked: verdict.entries, ok: verdict.ok, broken_at: verdict.ok ? null : verdict.brokenAt })
    .where('id', '=', id)
    .execute();
}

const sealedCount = async (db: Db) =>
  Number((await sql<{ n: number }>`select count(*)::bigint as n from audit_log where chain_pos is not null`.execute(db)).rows[0]!.n);

/** The full walk from the first entry: records its progress every few thousand entries and its result; a break
 * alerts the platform administrators; an intact chain moves the checkpoint to its end. */
export async function verifyAuditChain(db: Db, progress?: Progress): Promise<ChainVerdict> {
  const total = await sealedCount(db);
  const run = await startRun(db, 'full', total);
  const walked = await walk(
    db,
    { pos: 0, hash: GENESIS },
    Number.MAX_SAFE_INTEGER,
    async (checked) => {
      await db.updateTable('audit_verification').set({ checked }).where('id', '=', run).execute();
      await progress?.(checked, total);
    },
    total,
  );
  const unsealed = walked.ok ? await firstUnsealed(db) : undefined;
  const verdict: ChainVerdict =
    walked.ok && unsealed === undefined
      ? { ok: true, entries: walked.checked }
      : { ok: false, entries: walked.checked, brokenAt: walked.brokenAt ?? unsealed! };
  await finishRun(db, run, verdict);
  if (verdict.ok) await saveCheckpoint(db, walked.last);
  else await alertBrokenChain(db, verdict.brokenAt);
  return verdict;
}

export type RecentVerdict = ChainVerdict & { complete: boolean };

/** The entries sealed after the checkpoint, at most RECENT_LIMIT of them; moves the checkpoint when they hold. */
export async function verifyRecentEntries(db: Db): Promise<RecentVerdict> {
  const { position, trusted } = await readCheckpoint(db);
  if (!trusted || !(await checkpointHolds(db, position))) return { ok: false, entries: 0, brokenAt: position.pos, complete: true };
  const walked = await walk(db, position, RECENT_LIMIT);
  if (!walked.ok) return { ok: false, entries: walked.checked, brokenAt: walked.brokenAt!, complete: true };
  const unsealed = await firstUnsealed(db);
  if (unsealed !== undefined) return { ok: false, entries: walked.checked, brokenAt: unsealed, complete: true };
  if (walked.checked > 0) await saveCheckpoint(db, walked.last);
  return { ok: true, entries: walked.checked, complete: walked.complete };
}

export type VerificationRun = {
  startedAt: Date;
  finishedAt: Date | null;
  checked: number;
  total: number;
  ok: boolean | null;
  brokenAt: number | null;
};

/** The latest full run (finished or in progress), for the admin page. */
export async function latestFullRun(db: Db): Promise<VerificationRun | undefined> {
  const row = await db
    .selectFrom('audit_verification')
    .selectAll()
    .where('kind', '=', 'full')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return (
    row && {
      startedAt: row.started_at,
      finishedAt: row.finished_at,
      checked: row.checked,
      total: row.total,
      ok: row.ok,
      brokenAt: row.broken_at,
    }
  );
}

async function alertBrokenChain(db: Db, brokenAt: number) {
  const admins = await db
    .selectFrom('app_user')
    .select(['tenant_id', 'email'])
    .where('platform_admin', '=', true)
    .where('email', 'is not', null)
    .execute();
  for (const admin of admins)
    await queueMail(db, {
      tenantId: admin.tenant_id,
      to: admin.email!,
      subject: 'Protokoll-Prüfkette verletzt / audit chain broken',
      text: `Die vollständige Prüfung des Protokolls hat eine Verletzung ab Eintrag ${brokenAt} gefunden: Einträge wurden verändert oder gelöscht. Bitte prüfen Sie die Datenbank und die Sicherungen.\n\nThe full verification of the audit log found the chain broken from entry ${brokenAt} on: entries were changed or deleted. Please check the database and the backups.`,
    });
}
