-- Running numbers per service and year that a notice assigns (dog tags, permit numbers).
create table notice_running_number (
  tenant_id uuid not null references tenant (id) on delete cascade,
  service text not null,
  year int not null,
  last int not null,
  primary key (tenant_id, service, year)
);
