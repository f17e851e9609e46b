-- The service catalog: services (Leistungen), offices (Organisationseinheiten) and contact persons share one
-- life cycle (draft → review → published, with every published version kept), so they share one table pair.
create extension if not exists pg_trgm;

create table catalog_entry (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenant(id) on delete cascade,
  kind text not null check (kind in ('service', 'office', 'contact')),
  slug text not null,
  unit_id uuid references unit(id) on delete set null,
  owner_user_id uuid references app_user(id) on delete set null,
  review_months integer not null default 12 check (review_months between 1 and 60),
  last_reviewed_at timestamptz,
  name text not null,
  published jsonb,
  published_version integer,
  published_at timestamptz,
  search tsvector,
  search_words text not null default '',
  created_at timestamptz not null default now(),
  unique (tenant_id, kind, slug)
);
create index catalog_entry_search_idx on catalog_entry using gin (search);
create index catalog_entry_name_trgm_idx on catalog_entry using gin (search_words gin_trgm_ops);

create table catalog_revision (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenant(id) on delete cascade,
  entry_id uuid not null references catalog_entry(id) on delete cascade,
  status text not null check (status in ('draft', 'review', 'published', 'superseded', 'rejected')),
  version integer,
  content jsonb not null,
  author_id uuid references app_user(id) on delete set null,
  reviewer_id uuid references app_user(id) on delete set null,
  comment text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  decided_at timestamptz
);
create unique index catalog_revision_open_idx on catalog_revision (entry_id) where status in ('draft', 'review');
create index catalog_revision_entry_idx on catalog_revision (tenant_id, entry_id, created_at);

-- Words people use for a service ("Perso") mapped to the words the catalog uses ("Personalausweis").
create table catalog_synonym (
  tenant_id uuid not null references tenant(id) on delete cascade,
  term text not null,
  expansion text not null,
  primary key (tenant_id, term)
);

-- Every word of published names and keywords: the vocabulary that typo correction compares against.
create table catalog_lexicon (
  tenant_id uuid not null references tenant(id) on delete cascade,
  word text not null,
  primary key (tenant_id, word)
);
create index catalog_lexicon_trgm_idx on catalog_lexicon using gin (word gin_trgm_ops);
