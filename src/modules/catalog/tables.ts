// Row types of the catalog tables, as Kysely sees them.
import type { ColumnType, Generated } from 'kysely';
import type { EntryKind, RevisionStatus } from './constants.js';
import type { AnyContent } from './schema.js';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, string, string>;

export interface CatalogEntryTable {
  id: Generated<string>;
  tenant_id: string;
  kind: EntryKind;
  slug: string;
  unit_id: string | null;
  owner_user_id: string | null;
  review_months: Generated<number>;
  last_reviewed_at: Timestamp | null;
  name: string;
  published: Json<AnyContent> | null;
  published_version: number | null;
  published_at: Timestamp | null;
  search: ColumnType<string | null, never, never>;
  search_words: Generated<string>;
  created_at: Generated<Date>;
}

export interface CatalogRevisionTable {
  id: Generated<string>;
  tenant_id: string;
  entry_id: string;
  status: RevisionStatus;
  version: number | null;
  content: Json<AnyContent>;
  author_id: string | null;
  reviewer_id: string | null;
  comment: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  decided_at: Timestamp | null;
}

export type CatalogTables = {
  catalog_entry: CatalogEntryTable;
  catalog_revision: CatalogRevisionTable;
  catalog_synonym: { tenant_id: string; term: string; expansion: string };
  catalog_lexicon: { tenant_id: string; word: string };
};
