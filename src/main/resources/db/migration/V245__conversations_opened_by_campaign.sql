-- A conversation a campaign's message opened stays out of the team inbox, its counts and the dashboard's open
-- count until the customer writes in it (last_inbound_at is set): a broadcast to 100,000 people must not put
-- 100,000 unassigned conversations in front of the agents. A fact about how it began, set by the campaign's feed
-- in the transaction that queues its messages; the inbox reads it with last_inbound_at.
alter table conversations add column opened_by_campaign boolean not null default false;

-- The inbox's list index, without the conversations it does not show (a campaign's, before any reply).
drop index conversations_inbox;
create index conversations_inbox on conversations (workspace_id, last_message_at desc, id desc)
    where not superseded and (not opened_by_campaign or last_inbound_at is not null);
