-- The citizen's Postfach: receipts, notices and messages from the town, and the citizen's answers, each
-- linked to the case it belongs to. A citizen deletes an item only from their view (deleted_at); notices stay
-- in the case file regardless.
create table mailbox_item (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenant(id) on delete cascade,
  user_id uuid not null references app_user(id) on delete cascade,
  direction text not null check (direction in ('to_citizen', 'from_citizen')),
  kind text not null check (kind in ('receipt', 'notice', 'message', 'request', 'reply')),
  subject text not null,
  body text not null,
  case_kind text,
  case_id text,
  sender_label text not null,
  attachments jsonb not null default '[]',
  reply_to uuid references mailbox_item(id) on delete set null,
  created_at timestamptz not null default now(),
  read_at timestamptz,
  deleted_at timestamptz
);
create index mailbox_item_owner_idx on mailbox_item (tenant_id, user_id, created_at desc);
create index mailbox_item_case_idx on mailbox_item (tenant_id, case_kind, case_id, created_at);

create table mailbox_setting (
  tenant_id uuid not null references tenant(id) on delete cascade,
  user_id uuid not null references app_user(id) on delete cascade,
  notify_by_email boolean not null default true,
  primary key (tenant_id, user_id)
);
