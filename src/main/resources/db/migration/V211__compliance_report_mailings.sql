-- The monthly compliance report mailed to each workspace's owners: one row per workspace and month, taken by the node
-- that sends it, so that several nodes never mail it twice.
create table compliance_report_mailings (
    workspace_id uuid        not null references workspaces (id),
    month        date        not null,
    sent_at      timestamptz not null,
    recipients   integer     not null default 0,
    primary key (workspace_id, month)
);
