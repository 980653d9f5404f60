-- A workspace's own, shorter content retention (P4); without a row the operator's
-- maxmysales.privacy.retention.content applies. Never longer: the application refuses it.
create table workspace_retention (
    workspace_id    uuid        primary key,
    content_seconds bigint      not null check (content_seconds > 0),
    updated_at      timestamptz not null,
    updated_by      text        not null
);

-- Legal holds (P4): a named record that no purge may touch until released. The reason may name people,
-- so it is AES-256-GCM ciphertext; who placed and released a hold is an actor id.
create table legal_holds (
    id           uuid        primary key,
    workspace_id uuid        not null,
    record_type  text        not null check (record_type in ('contact', 'conversation')),
    record_id    uuid        not null,
    reason       bytea       not null,
    placed_by    text        not null,
    placed_at    timestamptz not null,
    released_by  text,
    released_at  timestamptz
);
create index legal_holds_active on legal_holds (workspace_id, record_type, record_id) where released_at is null;
create index legal_holds_workspace on legal_holds (workspace_id, placed_at);

-- Each run of the retention purge, scheduled or asked for, real or rehearsed (dry run), and what it removed
-- per workspace, retention class and holder: counts only, never content.
create table purge_runs (
    id           uuid        primary key,
    started_at   timestamptz not null,
    finished_at  timestamptz not null,
    dry_run      boolean     not null,
    trigger      text        not null,
    workspace_id uuid,
    failures     integer     not null default 0
);
create index purge_runs_started on purge_runs (started_at);

create table purge_counts (
    run_id          uuid    not null references purge_runs (id) on delete cascade,
    workspace_id    uuid,
    retention_class text    not null,
    category        text    not null,
    purged          integer not null,
    held            integer not null
);
create index purge_counts_workspace on purge_counts (workspace_id, run_id);
create index purge_counts_run on purge_counts (run_id);
