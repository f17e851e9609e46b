-- With years of reports: the newest of a tenant (the public list, the map, Open311) without sorting all of them,
-- and a report found by its number.
create index report_created_idx on report (tenant_id, created_at desc, number desc);
create index report_number_idx on report (tenant_id, number);
