// The editorial life cycle of catalog entries: an editor writes a draft, submits it for review, the unit lead
// publishes or returns it; every published version is kept. Plain functions over a transaction; no HTTP.
import type { Db } from '../../platform/db/database.js';
import { recordAudit } from '../../platform/audit/audit-log.js';
import { Conflict, Invalid, NotFound } from '../../platform/http/errors.js';
import type { EntryKind } from './constants.js';
import type { AnyContent, EntrySettings } from './schema.js';
import {
  findEntry,
  findEntryBySlug,
  findOpenRevision,
  insertEntry,
  insertRevision,
  markReviewed,
  publishEntry,
  rebuildLexicon,
  supersedePublished,
  unpublishEntry,
  updateEntrySettings,
  updateRevision,
  type EntryRow,
} from './repo.js';
import { catalogChanged } from './search-cache.js';
import { vocabulary, weightedText } from './search-text.js';

/** Who acts, for the revision rows and the audit log. */
export type Author = { tenantId: string; userId: string | null; label: string; requestId?: string };

function audit(
  db: Db,
  author: Author,
  action: string,
  entry: Pick<EntryRow, 'id' | 'kind' | 'slug'>,
  summary: Record<string, unknown> = {},
) {
  return recordAudit(db, {
    tenantId: author.tenantId,
    actorId: author.userId,
    actorLabel: author.label,
    action,
    objectType: `catalog_${entry.kind}`,
    objectId: entry.id,
    summary: { slug: entry.slug, ...summary },
    requestId: author.requestId,
  });
}

export async function entryOrThrow(db: Db, tenantId: string, id: string): Promise<EntryRow> {
  const entry = /^[0-9a-f-]{36}$/i.test(id) ? await findEntry(db, tenantId, id) : undefined;
  if (!entry) throw new NotFound('catalog entry');
  return entry;
}

/** Creates the entry; with `draft` (the editor's case) its first content waits as a draft, otherwise the caller publishes it. */
export async function createEntry(
  db: Db,
  author: Author,
  kind: EntryKind,
  settings: EntrySettings,
  content: AnyContent,
  options = { draft: true },
) {
  if (await findEntryBySlug(db, author.tenantId, kind, settings.slug)) throw new Conflict('slug', 'invalid.slugTaken');
  const entry = await insertEntry(db, {
    tenant_id: author.tenantId,
    kind,
    slug: settings.slug,
    unit_id: settings.unitId,
    owner_user_id: settings.ownerUserId ?? null,
    review_months: settings.reviewMonths,
    name: content.name,
  });
  if (options.draft)
    await insertRevision(db, { tenant_id: author.tenantId, entry_id: entry.id, status: 'draft', content, author_id: author.userId });
  await audit(db, author, 'catalog.created', entry);
  return entry;
}

/** Saves the editor's changes as the open draft; a revision that was waiting for review goes back to draft. */
export async function saveDraft(db: Db, author: Author, entry: EntryRow, content: AnyContent, settings?: Omit<EntrySettings, 'slug'>) {
  const open = await findOpenRevision(db, author.tenantId, entry.id);
  if (open) await updateRevision(db, author.tenantId, open.id, { content, status: 'draft', author_id: author.userId });
  else await insertRevision(db, { tenant_id: author.tenantId, entry_id: entry.id, status: 'draft', content, author_id: author.userId });
  if (settings) {
    await updateEntrySettings(db, author.tenantId, entry.id, {
      unit_id: settings.unitId,
      owner_user_id: settings.ownerUserId ?? null,
      review_months: settings.reviewMonths,
    });
  }
  await audit(db, author, 'catalog.draft_saved', entry);
}

async function openRevisionIn(db: Db, tenantId: string, entry: EntryRow, status: 'draft' | 'review') {
  const open = await findOpenRevision(db, tenantId, entry.id);
  if (!open || open.status !== status) throw new Invalid({ revision: status });
  return open;
}

export async function submitForReview(db: Db, author: Author, entry: EntryRow) {
  const open = await openRevisionIn(db, author.tenantId, entry, 'draft');
  await updateRevision(db, author.tenantId, open.id, { status: 'review' });
  await audit(db, author, 'catalog.submitted', entry);
}

export async function rejectRevision(db: Db, author: Author, entry: EntryRow, comment: string) {
  const open = await openRevisionIn(db, author.tenantId, entry, 'review');
  await updateRevision(db, author.tenantId, open.id, { status: 'rejected', reviewer_id: author.userId, comment, decided_at: new Date() });
  await audit(db, author, 'catalog.rejected', entry, { comment });
}

export async function approveRevision(db: Db, author: Author, entry: EntryRow, comment: string | null) {
  const open = await openRevisionIn(db, author.tenantId, entry, 'review');
  const version = await publish(db, author, entry, open.content);
  await updateRevision(db, author.tenantId, open.id, {
    status: 'published',
    version,
    reviewer_id: author.userId,
    comment,
    decided_at: new Date(),
  });
  await audit(db, author, 'catalog.published', entry, { version });
}

/** Publishes content without the review step: for seeding and for imports from an editorial office. An editor's open draft stays open. */
export async function publishDirectly(db: Db, author: Author, entry: EntryRow, content: AnyContent, options = { rebuildLexicon: true }) {
  const version = await publish(db, author, entry, content, options.rebuildLexicon);
  await insertRevision(db, {
    tenant_id: author.tenantId,
    entry_id: entry.id,
    status: 'published',
    version,
    content,
    author_id: author.userId,
    reviewer_id: author.userId,
    decided_at: new Date(),
  });
  await audit(db, author, 'catalog.published', entry, { version, direct: true });
}

async function publish(db: Db, author: Author, entry: EntryRow, content: AnyContent, withLexicon = true): Promise<number> {
  const version = (entry.published_version ?? 0) + 1;
  await supersedePublished(db, author.tenantId, entry.id);
  await publishEntry(db, author.tenantId, entry.id, {
    content,
    version,
    name: content.name,
    weighted: weightedText(entry.kind, content),
    words: vocabulary(entry.kind, content),
  });
  if (withLexicon) await rebuildLexicon(db, author.tenantId);
  catalogChanged(author.tenantId);
  return version;
}

/** Withdraws a published entry (an editorial office deleted it): off the public pages, its history kept. */
export async function withdrawPublication(db: Db, author: Author, entry: EntryRow) {
  await supersedePublished(db, author.tenantId, entry.id);
  await unpublishEntry(db, author.tenantId, entry.id);
  catalogChanged(author.tenantId);
  await audit(db, author, 'catalog.withdrawn', entry);
}

/** The owner confirms the published text is still right: resets the review clock without a new version. */
export async function confirmReviewed(db: Db, author: Author, entry: EntryRow) {
  await markReviewed(db, author.tenantId, entry.id);
  await audit(db, author, 'catalog.reviewed', entry);
}
