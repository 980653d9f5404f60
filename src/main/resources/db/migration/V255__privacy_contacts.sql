-- A workspace's own Data Protection Officer / grievance contact, named in its breach reports and notices instead of
-- the operator's (which stays the fallback while a workspace has none).
create table privacy_contacts (
    workspace_id uuid        primary key references workspaces (id),
    name         text        not null,
    email        text        not null,
    phone        text,
    updated_at   timestamptz not null,
    updated_by   text        not null
);
