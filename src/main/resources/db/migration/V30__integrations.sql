-- The business's own endpoints that hear about messages received and statuses changed, each with the
-- secret (encrypted) that signs what we send them.
create table webhook_subscriptions (
    id           uuid        primary key,
    workspace_id uuid        not null references workspaces (id),
    url          text        not null,
    secret       bytea       not null,
    events       text[]      not null,
    created_at   timestamptz not null,
    disabled_at  timestamptz
);
create index webhook_subscriptions_workspace on webhook_subscriptions (workspace_id) where disabled_at is null;

-- One row per event per subscription: the delivery log and the retry queue. The payload can hold message
-- text, so it is ciphertext, and contact_id lets an erasure remove it.
create table webhook_deliveries (
    id               uuid        primary key,
    workspace_id     uuid        not null references workspaces (id),
    subscription_id  uuid        not null references webhook_subscriptions (id) on delete cascade,
    event_type       text        not null,
    event_key        text        not null,
    contact_id       uuid,
    payload          bytea,
    state            text        not null default 'pending' check (state in ('pending', 'delivered', 'failed')),
    attempts         integer     not null default 0,
    next_attempt_at  timestamptz not null,
    last_status_code integer,
    last_error       text,
    created_at       timestamptz not null,
    delivered_at     timestamptz,
    unique (subscription_id, event_key)
);
create index webhook_deliveries_due on webhook_deliveries (next_attempt_at) where state = 'pending';
create index webhook_deliveries_log on webhook_deliveries (workspace_id, subscription_id, created_at);
