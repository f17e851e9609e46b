-- Indexes for the dashboard with years of history: finishing events by tenant and time (the weeks and medians
-- read only the recent ones), and a case's events by phase.
create index case_event_finish_idx on case_event (tenant_id, at) where to_phase in ('decided', 'closed');
create index case_event_case_phase_idx on case_event (case_id, to_phase, at);
