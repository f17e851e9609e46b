-- The published address comes from the street directory only; what the reporter typed is kept internal.
alter table report add column address_note text;
alter table report add column address_approximate boolean not null default false;
