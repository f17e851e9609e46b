-- A submission whose fee is paid online waits for the payment before it counts as received; a notice decides it.
alter table form_submission add column status text not null default 'received' check (status in ('payment_pending', 'received', 'decided'));
