-- When a report was first closed (fixed, closed, not responsible, duplicate), kept on the report itself, so the
-- statistics' days-to-closing are one aggregate over the year's reports instead of a join over every case's
-- history. Reports closed before this column existed take their last change as the closing time.
alter table report add column closed_at timestamptz;
update report set closed_at = updated_at where status in ('fixed', 'closed', 'not_responsible', 'duplicate');
