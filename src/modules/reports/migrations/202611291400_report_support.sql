-- Support for an existing report instead of a duplicate: it raises the report's counter, and with an e-mail
-- address the supporter hears of each public change too (once per address).
create table report_support (
  report_id uuid not null references report(id) on delete cascade,
  email text,
  created_at timestamptz not null default now()
);
create unique index report_support_email_idx on report_support (report_id, lower(email)) where email is not null;
