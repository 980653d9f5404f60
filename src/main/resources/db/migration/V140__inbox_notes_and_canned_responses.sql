-- Internal notes agents leave on a conversation (issue 14). They are personal data like the messages beside them:
-- the text is encrypted, and they go with the conversation (its traffic-metadata purge) or the contact (erasure).
-- They are never sent to the customer.
create table conversation_notes (
    id              uuid        primary key,
    workspace_id    uuid        not null references workspaces (id),
    conversation_id uuid        not null references conversations (id) on delete cascade,
    contact_id      uuid        not null references contacts (id) on delete cascade,
    author_id       uuid,
    text            bytea,
    idempotency_key text,
    created_at      timestamptz not null
);
create index conversation_notes_conversation on conversation_notes (workspace_id, conversation_id, created_at);
create index conversation_notes_contact on conversation_notes (workspace_id, contact_id);
create unique index conversation_notes_once on conversation_notes (workspace_id, idempotency_key)
    where idempotency_key is not null;

-- Canned responses: a workspace's saved replies, typed as /shortcut in the composer. The business's own wording,
-- not anyone's personal data.
create table canned_responses (
    id           uuid        primary key,
    workspace_id uuid        not null references workspaces (id),
    shortcut     text        not null check (shortcut ~ '^[a-z0-9_-]{1,32}$'),
    text         text        not null check (length(text) between 1 and 4096),
    created_at   timestamptz not null,
    unique (workspace_id, shortcut)
);
