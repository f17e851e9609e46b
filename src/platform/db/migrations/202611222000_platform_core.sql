-- Tenants, units, users, sessions: the identity spine every module relies on.
create table tenant (
  id uuid primary key default gen_random_uuid(),
  slug text not null unique,
  name text not null,
  hosts text[] not null default '{}',
  settings jsonb not null default '{}',
  created_at timestamptz not null default now()
);

create table unit (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenant(id) on delete cascade,
  parent_id uuid references unit(id) on delete restrict,
  name text not null,
  short_name text,
  created_at timestamptz not null default now()
);
create index unit_tenant_idx on unit (tenant_id, parent_id);

create table app_user (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenant(id) on delete cascade,
  kind text not null check (kind in ('staff', 'citizen', 'business')),
  email text,
  display_name text not null,
  password_hash text,
  totp_secret text,
  totp_enabled boolean not null default false,
  failed_logins integer not null default 0,
  locked_until timestamptz,
  platform_admin boolean not null default false,
  oidc_issuer text,
  oidc_subject text,
  claims jsonb,
  trust_level text,
  created_at timestamptz not null default now(),
  last_login_at timestamptz
);
create unique index app_user_staff_email_idx on app_user (tenant_id, lower(email)) where kind = 'staff';
create unique index app_user_oidc_idx on app_user (tenant_id, oidc_issuer, oidc_subject) where oidc_subject is not null;

create table unit_membership (
  tenant_id uuid not null references tenant(id) on delete cascade,
  user_id uuid not null references app_user(id) on delete cascade,
  unit_id uuid not null references unit(id) on delete cascade,
  role text not null check (role in ('clerk', 'unit_lead', 'editor', 'cdo', 'tenant_admin')),
  primary key (user_id, unit_id, role)
);
create index unit_membership_tenant_idx on unit_membership (tenant_id, unit_id);

create table session (
  id_hash text primary key,
  tenant_id uuid not null references tenant(id) on delete cascade,
  user_id uuid references app_user(id) on delete cascade,
  data jsonb not null default '{}',
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at timestamptz not null
);
create index session_user_idx on session (user_id);
create index session_expiry_idx on session (expires_at);

create table password_reset (
  token_hash text primary key,
  tenant_id uuid not null references tenant(id) on delete cascade,
  user_id uuid not null references app_user(id) on delete cascade,
  expires_at timestamptz not null,
  used_at timestamptz
);

-- Secrets the platform generates itself (cookie signing, IdP keys), shared by all instances through the database.
create table platform_secret (
  name text primary key,
  value text not null,
  created_at timestamptz not null default now()
);
