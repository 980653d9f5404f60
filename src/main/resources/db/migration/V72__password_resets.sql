-- One-time links to set a new password: issued by an owner or admin for a member (shown to them once, like an
-- invitation link), or mailed to a person who asked. Only a SHA-256 of the token is kept.
create table password_resets (
    id           uuid        primary key,
    workspace_id uuid        not null references workspaces (id),
    user_id      uuid        not null references business_users (id),
    token_hash   bytea       not null unique,
    issued_by    text        not null,
    created_at   timestamptz not null,
    expires_at   timestamptz not null,
    used_at      timestamptz
);
create index password_resets_user on password_resets (user_id) where used_at is null;
