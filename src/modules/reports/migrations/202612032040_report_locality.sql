-- The village (Ortsteil) nearest to a report, kept on the report when it is made: the statistics count reports per
-- village with one grouped pass instead of finding the nearest village for every report on every look.
alter table report add column locality text;
update report r set locality = (
  select l->>'name' from tenant t, jsonb_array_elements(coalesce(t.settings->'geo'->'localities', '[]'::jsonb)) l
  where t.id = r.tenant_id
  order by ((l->>'lat')::float8 - r.lat) ^ 2 + ((l->>'lng')::float8 - r.lng) ^ 2 limit 1);
