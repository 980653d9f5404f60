-- Lanes: which outbound message goes first on its number. 0 a reply in a conversation, 1 a bot's answer,
-- 2 a lead follow-up or a verification code, 3 a campaign. The outbox claims each number's due rows lowest
-- lane first, so a broadcast's backlog never stands in front of a reply. Inbound rows have none.
alter table messages add column lane smallint check (lane between 0 and 3);
update messages set lane = case purpose when 'marketing' then 3 when 'lead_follow_up' then 2 else 0 end
where direction = 'outbound' and status in ('queued', 'sending');

-- Per number, by lane, oldest first: the claim reads it per number, and finds the numbers that have work by
-- skipping through its first column.
create index messages_outbox on messages (channel_id, lane, next_attempt_at) where status = 'queued';
drop index messages_due;

-- Each number's next send slot, shared by every node: a claim takes a number's due rows only for the slots that
-- have come, and moves the slot on by one per row at the number's rate (Meta's messages per second).
create table send_slots (
    channel_id   uuid        primary key references channels (id) on delete cascade,
    workspace_id uuid        not null references workspaces (id),
    per_second   integer     not null check (per_second between 1 and 1000),
    next_slot_at timestamptz not null
);
create index send_slots_next on send_slots (next_slot_at);
insert into send_slots (channel_id, workspace_id, per_second, next_slot_at)
select id, workspace_id, messages_per_second, now() from channels;
