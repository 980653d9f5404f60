-- Message counts waiting to be applied to analytics_message_days, _failure_days and _pricing_days in batches
-- (analytics.PendingCounts): a listener adds its event's counts here with one insert, and one statement applies
-- thousands of them at a time, deduplicated against analytics_seen_events and summed per workspace, day and number.
-- event_key is the one-way key of the event's identity (SeenEvents.key), never an id; a row lives until the next
-- batch (under a second).
create table analytics_pending_counts (
    workspace_id uuid        not null,
    event_key    uuid        not null,
    day          date        not null,
    channel_id   uuid        not null,
    kind         varchar(16) not null check (kind in ('inbound', 'sent', 'delivered', 'read', 'replied', 'failed', 'pricing')),
    error_code   integer,
    category     varchar(32) check (category ~ '^[a-z_]{1,32}$'),
    primary key (workspace_id, event_key)
);
