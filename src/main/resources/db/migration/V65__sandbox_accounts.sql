-- What the built-in sandbox opened for a workspace: test numbers (each with its WhatsApp Business Account)
-- and Facebook Pages (each with one lead form). The sandbox acts only on these, and only for their workspace.
-- Of each access token only a SHA-256 is kept (256 random bits: nothing to brute-force); the platform holds
-- the token itself, encrypted, as it holds a real number's. Ids are the sandbox's own, never a real number's.
create table sandbox_accounts (
    object_id            text        primary key,
    workspace_id         uuid        not null references workspaces (id),
    kind                 text        not null check (kind in ('number', 'page')),
    waba_id              text,
    display_phone_number text,
    form_id              text,
    token_hash           bytea       not null unique,
    created_at           timestamptz not null,
    check (kind = 'number' and waba_id is not null and display_phone_number is not null and form_id is null
        or kind = 'page' and form_id is not null and waba_id is null and display_phone_number is null)
);
create index sandbox_accounts_workspace on sandbox_accounts (workspace_id, kind, created_at);
create index sandbox_accounts_waba on sandbox_accounts (waba_id) where waba_id is not null;
create unique index sandbox_accounts_form on sandbox_accounts (form_id) where form_id is not null;
