-- The service's name for the finance staff's lists, kept with the payment as it was when paid.
alter table payment add column service_title text;
