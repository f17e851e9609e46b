-- The cases of one source kind created since a day (the Mängelmelder statistics' closings), without reading every
-- case of the tenant.
create index case_record_source_created_idx on case_record (tenant_id, source_kind, created_at);
