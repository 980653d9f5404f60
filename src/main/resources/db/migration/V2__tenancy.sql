create table workspaces (
    id             uuid        primary key,
    name           text        not null check (length(name) between 1 and 120),
    default_region text        not null default 'IN',
    data_region    text        not null default 'IN',
    created_at     timestamptz not null
);

create table business_users (
    id                uuid        primary key,
    workspace_id      uuid        not null references workspaces (id),
    email             text        not null,
    display_name      text        not null,
    password_hash     text        not null,
    role              text        not null check (role in ('owner', 'admin', 'agent', 'analyst')),
    adult_attested_at timestamptz not null,
    created_at        timestamptz not null
);
create unique index business_users_email on business_users (lower(email));
create index business_users_workspace on business_users (workspace_id, created_at);

-- Only a SHA-256 of each key is kept: the key itself is shown once, at creation.
create table api_keys (
    id           uuid        primary key,
    workspace_id uuid        not null references workspaces (id),
    name         text        not null,
    hint         text        not null,
    key_hash     bytea       not null unique,
    created_by   uuid        references business_users (id),
    created_at   timestamptz not null,
    last_used_at timestamptz,
    revoked_at   timestamptz
);
create index api_keys_workspace on api_keys (workspace_id, created_at);

create table member_invitations (
    id           uuid        primary key,
    workspace_id uuid        not null references workspaces (id),
    email        text        not null,
    role         text        not null check (role in ('admin', 'agent', 'analyst')),
    token_hash   bytea       not null unique,
    invited_by   uuid        not null references business_users (id),
    created_at   timestamptz not null,
    expires_at   timestamptz not null,
    accepted_at  timestamptz
);
create index member_invitations_workspace on member_invitations (workspace_id, created_at);
