-- Media files of messages, both ways, kept under the data directory as AES-256-GCM ciphertext; this table
-- says whose they are, so erasure and the retention purge can remove them.
create table media_files (
    id            uuid        primary key,
    workspace_id  uuid        not null references workspaces (id),
    contact_id    uuid,
    message_id    uuid,
    meta_media_id text,
    mime_type     text        not null,
    size_bytes    bigint      not null,
    sha256        bytea       not null,
    created_at    timestamptz not null
);
create index media_files_contact on media_files (workspace_id, contact_id);
create index media_files_message on media_files (message_id);
