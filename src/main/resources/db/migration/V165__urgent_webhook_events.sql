-- A customer's message is applied before the backlog of delivery statuses a broadcast brings (three per message):
-- someone is waiting for it in an open inbox. Statuses keep their order among themselves, messages among theirs.
alter table webhook_events add column urgent boolean not null default false;
create index webhook_events_due on webhook_events (urgent desc, id) where state = 'pending';
