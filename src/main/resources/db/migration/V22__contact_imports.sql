-- CSV imports of contacts. The file is kept in the database, in encrypted 1 MiB chunks, only until its
-- import ends, so any node can run or resume the import. Rows are committed in batches together with
-- processed_rows, so a restarted import continues after the last committed batch and never half-writes one.
create table contact_imports (
    id              uuid        primary key,
    workspace_id    uuid        not null references workspaces (id),
    file_name       text        not null,
    size_bytes      bigint      not null,
    columns         jsonb       not null,
    total_rows      bigint      not null,
    status          text        not null check (status in ('uploaded', 'queued', 'running', 'completed', 'failed')),
    settings        jsonb,
    processed_rows  bigint      not null default 0,
    created_rows    bigint      not null default 0,
    updated_rows    bigint      not null default 0,
    error_rows      bigint      not null default 0,
    lease_until     timestamptz,
    created_at      timestamptz not null,
    started_at      timestamptz,
    finished_at     timestamptz,
    failure         text
);
create index contact_imports_workspace on contact_imports (workspace_id, created_at);
create index contact_imports_due on contact_imports (lease_until) where status in ('queued', 'running');

create table contact_import_chunks (
    import_id uuid    not null references contact_imports (id) on delete cascade,
    seq       integer not null,
    data      bytea   not null,
    primary key (import_id, seq)
);

-- The per-row error report: the row as it was in the file (ciphertext), why it was refused, and blind
-- indexes of its phone and email so that a person's erasure or access request reaches it.
create table contact_import_errors (
    import_id    uuid    not null references contact_imports (id) on delete cascade,
    workspace_id uuid    not null references workspaces (id),
    row_number   bigint  not null,
    reason       text    not null,
    row_values   bytea   not null,
    phone_index  bytea,
    email_index  bytea,
    primary key (import_id, row_number)
);
create index contact_import_errors_phone on contact_import_errors (workspace_id, phone_index) where phone_index is not null;
create index contact_import_errors_email on contact_import_errors (workspace_id, email_index) where email_index is not null;
