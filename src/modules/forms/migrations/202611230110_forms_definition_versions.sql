-- Every published version of every online-service definition, as it was: submissions and old drafts are read
-- with the version they were made with, and a changed definition without a new version number is refused.
create table form_definition (
  service text not null,
  version integer not null,
  checksum text not null,
  definition jsonb not null,
  published_at timestamptz not null default now(),
  primary key (service, version)
);
