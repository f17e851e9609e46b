-- Notices (Bescheide): templates per service, every notice issued with its PDF, fingerprint and verification
-- code, its delivery and first access, and the one-time pickup for applicants without an account.
create table notice_template (
  tenant_id uuid not null references tenant(id) on delete cascade,
  service text not null,
  body text not null,
  legal_remedy text not null,
  updated_at timestamptz not null default now(),
  updated_by uuid,
  primary key (tenant_id, service)
);

create sequence notice_number_seq;

create table notice (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenant(id) on delete cascade,
  number text not null unique,
  case_kind text not null,
  case_id text not null,
  service text not null,
  subject text not null,
  issued_at timestamptz not null default now(),
  issued_by uuid,
  issued_by_name text not null,
  file_id uuid not null references stored_file(id),
  sha256 text not null,
  verify_code text not null unique,
  recipient_user_id uuid references app_user(id) on delete set null,
  delivered_via text not null check (delivered_via in ('postfach', 'email', 'none')),
  delivered_at timestamptz,
  mailbox_item_id uuid,
  first_accessed_at timestamptz
);
create index notice_case_idx on notice (tenant_id, case_kind, case_id);

create table notice_pickup (
  notice_id uuid primary key references notice(id) on delete cascade,
  token_hash text not null unique,
  code_hash text not null,
  attempts integer not null default 0,
  expires_at timestamptz not null,
  used_at timestamptz
);
