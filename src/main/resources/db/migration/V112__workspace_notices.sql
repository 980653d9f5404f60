-- Things the workspace's owners must know and act on (a banned or restricted WhatsApp number...): shown on the
-- dashboard until resolved, and mailed to the owners when opened. One open notice per key and workspace.
create table workspace_notices (
    id           uuid        primary key,
    workspace_id uuid        not null references workspaces (id),
    notice_key   text        not null,
    severity     text        not null check (severity in ('warning', 'critical')),
    title        text        not null,
    body         text        not null,
    opened_at    timestamptz not null,
    resolved_at  timestamptz
);
create unique index workspace_notices_open on workspace_notices (workspace_id, notice_key) where resolved_at is null;
