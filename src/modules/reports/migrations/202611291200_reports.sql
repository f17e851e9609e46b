-- Mängelmelder: categories (with sub-categories and the responsible unit) and reports of problems in public
-- space. A report keeps only what it needs: the place, the description, and an e-mail address only when the
-- reporter wants feedback. Anonymous reporters follow their report through a private link (hash of its key).
create table report_category (
  tenant_id uuid not null references tenant(id) on delete cascade,
  code text not null check (code ~ '^[a-z0-9-]{1,60}$'),
  parent_code text,
  name_de text not null,
  name_en text not null,
  unit text not null,
  target_days integer not null default 14,
  position integer not null default 0,
  active boolean not null default true,
  primary key (tenant_id, code)
);

create table report (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenant(id) on delete cascade,
  number text not null,
  category_code text not null,
  status text not null default 'new' check (status in ('new', 'in_progress', 'fixed', 'closed', 'not_responsible', 'duplicate')),
  lat double precision not null,
  lng double precision not null,
  address text,
  description text not null,
  reporter_name text,
  reporter_email text,
  user_id uuid references app_user(id) on delete set null,
  key_hash text not null,
  supporters integer not null default 0,
  public_answer text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (tenant_id, number)
);
create index report_public_idx on report (tenant_id, status, category_code, created_at desc);
create index report_user_idx on report (tenant_id, user_id);
create sequence report_number_seq;
