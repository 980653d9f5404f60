-- Per-workspace data keys (P5), kept only wrapped (AES-256-GCM) under a master key that never reaches the
-- database; kek_id names that master key so a rotated one can still unwrap until re-wrapping catches up.
-- No foreign key to workspaces: privacy depends on no other module, and a workspace's erasure may delete
-- its keys first, which makes whatever is left of its data unreadable.
create table workspace_data_keys (
    workspace_id uuid        not null,
    version      integer     not null check (version > 0),
    wrapped_key  bytea       not null,
    kek_id       text        not null,
    created_at   timestamptz not null,
    primary key (workspace_id, version)
);

-- The one root secret of all blind indexes, wrapped like the data keys. It must outlive master-key
-- rotations unchanged, or every stored index would stop matching.
create table privacy_index_keys (
    id          integer     primary key default 1 check (id = 1),
    wrapped_key bytea       not null,
    kek_id      text        not null,
    created_at  timestamptz not null
);
