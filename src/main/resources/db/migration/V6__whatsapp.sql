-- WhatsApp numbers connected to workspaces. The access token is AES-256-GCM ciphertext (privacy module);
-- the business's own display number is not personal data.
create table channels (
    id                   uuid        primary key,
    workspace_id         uuid        not null references workspaces (id),
    phone_number_id      text        not null unique,
    waba_id              text        not null,
    display_phone_number text        not null,
    access_token         bytea       not null,
    graph_base_url       text,
    graph_version        text,
    messages_per_second  integer     not null default 80 check (messages_per_second between 1 and 1000),
    sandbox              boolean     not null default false,
    created_at           timestamptz not null
);
create index channels_workspace on channels (workspace_id, created_at);

-- Every webhook POST Meta made, exactly as received, encrypted; unique on the SHA-256 of the body so a
-- redelivery is a no-op. Workers claim pending rows with FOR UPDATE SKIP LOCKED.
create table webhook_events (
    id            bigint      generated always as identity primary key,
    body_hash     bytea       not null unique,
    body          bytea,
    received_at   timestamptz not null,
    state         text        not null default 'pending'
                  check (state in ('pending', 'processed', 'unroutable', 'failed')),
    attempts      integer     not null default 0,
    next_attempt_at timestamptz not null,
    processed_at  timestamptz,
    failure       text
);
create index webhook_events_pending on webhook_events (next_attempt_at) where state = 'pending';
create index webhook_events_received on webhook_events (received_at);
