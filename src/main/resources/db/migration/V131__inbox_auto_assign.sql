-- Whether a customer's new conversation goes to the next agent online (round robin) or waits, unassigned, for
-- someone to take it. On by default: a small team answers faster when nobody has to pick.
alter table inbox_settings add column auto_assign boolean not null default true;
