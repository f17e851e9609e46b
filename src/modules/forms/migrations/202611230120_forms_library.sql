-- Per-tenant adjustments of online services (unit, fee, texts, on/off) and definitions a tenant imported from
-- another town's package (Einer-für-Alle re-use).
create table form_tenant_override (
  tenant_id uuid not null references tenant(id) on delete cascade,
  service text not null,
  overrides jsonb not null,
  updated_at timestamptz not null default now(),
  primary key (tenant_id, service)
);

create table form_imported_definition (
  tenant_id uuid not null references tenant(id) on delete cascade,
  service text not null,
  version integer not null,
  definition jsonb not null,
  publisher text not null,
  imported_at timestamptz not null default now(),
  primary key (tenant_id, service)
);
