-- What a workspace knows about a contact beyond their identities. Attribute values are what customers or
-- the business entered about a person, so they are ciphertext (a JSON object under FieldCipher).
alter table contacts
    add column attributes      bytea,
    add column last_inbound_at timestamptz,
    -- Which import and row last wrote the contact: tells a duplicate row of the same file from the same row
    -- read again after a restart.
    add column last_import_id  uuid,
    add column last_import_row bigint;
create index contacts_last_inbound on contacts (workspace_id, last_inbound_at);

-- Typed custom attributes: the workspace declares a key and its type; values are checked against it.
create table contact_attribute_definitions (
    workspace_id uuid        not null references workspaces (id),
    key          text        not null check (key ~ '^[a-z][a-z0-9_]{0,39}$'),
    type         text        not null check (type in ('text', 'number', 'date', 'boolean')),
    created_at   timestamptz not null,
    primary key (workspace_id, key)
);

-- Tags are the workspace's own labels ("vip", "diwali-2026"), not values that identify a person, so they
-- stay plaintext and can be filtered on in SQL.
create table contact_tags (
    workspace_id uuid not null references workspaces (id),
    contact_id   uuid not null references contacts (id) on delete cascade,
    tag          text not null check (length(tag) between 1 and 60),
    primary key (workspace_id, contact_id, tag)
);
create index contact_tags_tag on contact_tags (workspace_id, tag);

-- Static lists: contacts added by hand or by API.
create table contact_lists (
    id           uuid        primary key,
    workspace_id uuid        not null references workspaces (id),
    name         text        not null check (length(name) between 1 and 120),
    created_at   timestamptz not null
);
create index contact_lists_workspace on contact_lists (workspace_id, created_at);
create table contact_list_members (
    workspace_id uuid        not null references workspaces (id),
    list_id      uuid        not null references contact_lists (id) on delete cascade,
    contact_id   uuid        not null references contacts (id) on delete cascade,
    added_at     timestamptz not null,
    primary key (list_id, contact_id)
);
create index contact_list_members_contact on contact_list_members (workspace_id, contact_id);

-- Dynamic segments: a saved filter, evaluated whenever the segment is read.
create table contact_segments (
    id           uuid        primary key,
    workspace_id uuid        not null references workspaces (id),
    name         text        not null check (length(name) between 1 and 120),
    filter       jsonb       not null,
    created_at   timestamptz not null
);
create index contact_segments_workspace on contact_segments (workspace_id, created_at);

-- The consent ledger (P6): every grant and withdrawal per contact and purpose, never updated. The entry
-- recorded last per purpose is the contact's current answer: decisions count in the order we learned them
-- (Meta's timestamps have whole seconds only); occurred_at is when the person acted, for processing times. Evidence (message id, email
-- id, file and row, the business's stated basis) is ciphertext: it can quote a person's message or email.
-- dedupe_key makes recording the same fact twice (a redelivered webhook, an import row read again after a
-- restart) a no-op.
create table consent_events (
    id             bigint      generated always as identity primary key,
    workspace_id   uuid        not null references workspaces (id),
    contact_id     uuid        not null references contacts (id),
    purpose        text        not null check (purpose in ('marketing', 'service', 'lead_follow_up')),
    status         text        not null check (status in ('granted', 'withdrawn')),
    source         text        not null check (source in ('import', 'whatsapp_keyword', 'button',
                                   'meta_user_preferences', 'error_131050', 'email', 'api', 'web_form', 'lead_form',
                                   'agent')),
    occurred_at    timestamptz not null,
    recorded_at    timestamptz not null,
    notice_version text,
    evidence       bytea,
    dedupe_key     text
);
create index consent_events_latest on consent_events (workspace_id, contact_id, purpose, recorded_at desc, id desc);
create unique index consent_events_dedupe on consent_events (workspace_id, contact_id, purpose, dedupe_key)
    where dedupe_key is not null;
create index consent_events_recorded on consent_events (workspace_id, recorded_at);

-- History is never overwritten: an entry may be erased with its contact (P6 erasure), never changed.
create function consent_events_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'consent_events is append-only';
end;
$$;
create trigger consent_events_no_update before update on consent_events
    for each row execute function consent_events_append_only();

-- Why a message is sent decides whose consent it needs: marketing, service (replies, utility) or a lead's
-- follow-up. Inbound messages have none.
alter table messages
    add column purpose text check (purpose in ('marketing', 'service', 'lead_follow_up'));
