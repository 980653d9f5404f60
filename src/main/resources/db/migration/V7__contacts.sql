-- Customers of a workspace. Every personal value is AES-256-GCM ciphertext (privacy module); the *_index
-- columns are keyed HMACs (blind indexes) that find a contact by exact value without storing it.
-- WhatsApp ids: wa_id is absent for users with a username (2026), so the business-scoped user id is kept too.
create table contacts (
    id                     uuid        primary key,
    workspace_id           uuid        not null references workspaces (id),
    phone                  bytea,
    phone_index            bytea,
    wa_id                  bytea,
    wa_id_index            bytea,
    whatsapp_user_id       bytea,
    whatsapp_user_id_index bytea,
    name                   bytea,
    email                  bytea,
    email_index            bytea,
    created_at             timestamptz not null,
    updated_at             timestamptz not null
);
create unique index contacts_phone on contacts (workspace_id, phone_index) where phone_index is not null;
create unique index contacts_wa_id on contacts (workspace_id, wa_id_index) where wa_id_index is not null;
create unique index contacts_whatsapp_user on contacts (workspace_id, whatsapp_user_id_index)
    where whatsapp_user_id_index is not null;
create index contacts_email on contacts (workspace_id, email_index) where email_index is not null;
create index contacts_created on contacts (workspace_id, created_at);
