-- A workspace's own opt-out words on top of the built-in ones: more stop or start words per language,
-- quick-reply button payloads that mean "unsubscribe", and built-in words it does not want ("ignore").
create table optout_keywords (
    workspace_id uuid        not null references workspaces (id),
    language     text        not null check (language ~ '^[a-z]{2,3}$'),
    kind         text        not null check (kind in ('stop', 'start', 'button', 'ignore')),
    keyword      text        not null check (length(keyword) between 1 and 80),
    created_at   timestamptz not null,
    primary key (workspace_id, kind, keyword)
);

-- "Unsubscribe" emails to the operator's mailbox (P6), one row per workspace they concern: the workspaces
-- whose contacts the sender's address or a number in the body matched, or the review workspace when none
-- did. Sender and excerpt are ciphertext under that workspace's key. message_hash (SHA-256 of the
-- Message-ID) makes a mail seen again after a restart a no-op.
create table email_optout_requests (
    id                   uuid        primary key,
    workspace_id         uuid        not null references workspaces (id),
    message_hash         bytea       not null,
    sender               bytea,
    sender_index         bytea,
    excerpt              bytea,
    received_at          timestamptz not null,
    due_at               timestamptz not null,
    status               text        not null check (status in ('open', 'done', 'closed')),
    matched_contacts     integer     not null default 0,
    processed_at         timestamptz,
    resolution           text,
    confirmation_sent_at timestamptz,
    unique (workspace_id, message_hash)
);
create index email_optout_requests_open on email_optout_requests (workspace_id, status, due_at);
create index email_optout_requests_message on email_optout_requests (message_hash);
