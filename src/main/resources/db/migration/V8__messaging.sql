-- A conversation is a contact talking to a workspace through one of its numbers; it ends after an idle
-- timeout or when resolved, which starts the content-retention clock (P4).
create table conversations (
    id              uuid        primary key,
    workspace_id    uuid        not null references workspaces (id),
    contact_id      uuid        not null references contacts (id),
    channel_id      uuid        not null references channels (id),
    state           text        not null default 'open' check (state in ('open', 'ended')),
    opened_at       timestamptz not null,
    last_inbound_at timestamptz,
    last_message_at timestamptz not null,
    ended_at        timestamptz
);
create unique index conversations_one_open on conversations (workspace_id, contact_id, channel_id) where state = 'open';
create index conversations_contact on conversations (workspace_id, contact_id, opened_at);
create index conversations_idle on conversations (last_message_at) where state = 'open';

-- Messages both ways. Text and the type's payload are ciphertext. Outbound rows are also the outbox:
-- the dispatcher claims 'queued' rows that are due; 'sending' marks a row whose Graph call may be under
-- way, so that a crash never sends it twice.
create table messages (
    id              uuid        primary key,
    workspace_id    uuid        not null references workspaces (id),
    conversation_id uuid        not null references conversations (id),
    channel_id      uuid        not null references channels (id),
    contact_id      uuid        not null references contacts (id),
    direction       text        not null check (direction in ('inbound', 'outbound')),
    type            text        not null,
    text            bytea,
    payload         bytea,
    reply_to_wamid  text,
    wamid           text,
    status          text        not null check (status in ('received', 'queued', 'sending', 'sent', 'delivered',
                                                           'read', 'played', 'failed')),
    error_code      integer,
    error_detail    text,
    idempotency_key text,
    attempts        integer     not null default 0,
    next_attempt_at timestamptz,
    lease_until     timestamptz,
    created_at      timestamptz not null,
    sent_at         timestamptz,
    delivered_at    timestamptz,
    read_at         timestamptz,
    failed_at       timestamptz
);
create unique index messages_wamid on messages (wamid) where wamid is not null;
create unique index messages_idempotency on messages (workspace_id, idempotency_key) where idempotency_key is not null;
create index messages_conversation on messages (workspace_id, conversation_id, created_at);
create index messages_due on messages (next_attempt_at) where status = 'queued';
create index messages_in_flight on messages (lease_until) where status = 'sending';
