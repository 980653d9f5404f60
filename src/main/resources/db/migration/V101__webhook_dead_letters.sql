-- No webhook event is lost after its 200 (issue 13). An event that keeps failing is parked (a dead letter): kept
-- with its last error, counted, listed for the operator and retried when they ask, never purged while parked.
-- Events that ended 'failed' before this migration were exactly those: they are parked now.
alter table webhook_events drop constraint webhook_events_state_check;
update webhook_events set state = 'parked' where state = 'failed';
alter table webhook_events
    add constraint webhook_events_state_check check (state in ('pending', 'processed', 'unroutable', 'parked')),
    add column parked_at timestamptz;
create index webhook_events_parked on webhook_events (id) where state = 'parked';
