-- One person, one contact (issue 13): when one person's identities are found on two contacts, the younger is
-- merged into the older. The merged contact's row is kept here as it was (ciphertext and blind indexes, as in
-- contacts), with what moved to the survivor, so that the merge can be undone for 30 days. Erasing the survivor
-- erases its merges (cascade); an undo, or the end of the undo window, deletes the row (ContactMerges).
create table contact_merges (
    id                     uuid        primary key,
    workspace_id           uuid        not null references workspaces (id),
    survivor_id            uuid        not null references contacts (id) on delete cascade,
    absorbed_id            uuid        not null,
    merged_at              timestamptz not null,
    undo_until             timestamptz not null,
    -- The absorbed contact as it was.
    phone                  bytea,
    phone_index            bytea,
    wa_id                  bytea,
    wa_id_index            bytea,
    whatsapp_user_id       bytea,
    whatsapp_user_id_index bytea,
    name                   bytea,
    email                  bytea,
    email_index            bytea,
    attributes             bytea,
    last_inbound_at        timestamptz,
    last_import_id         uuid,
    last_import_row        bigint,
    lead_restricted        boolean     not null,
    created_at             timestamptz not null,
    updated_at             timestamptz not null,
    -- What the survivor took: the columns it lacked, the tags and lists it was not in, its lead restriction before.
    taken_columns          text[]      not null,
    survivor_lead_restricted boolean   not null,
    tags                   text[]      not null,
    tags_added             text[]      not null,
    lists                  uuid[]      not null,
    lists_added            uuid[]      not null,
    -- What moved, by kind (consent_events, conversations, leads...): the ids, so that an undo moves them back.
    moved                  jsonb       not null
);
create index contact_merges_survivor on contact_merges (workspace_id, survivor_id);
create index contact_merges_undo_until on contact_merges (undo_until);

-- The consent ledger stays append-only, with one exception: a merge moves a person's entries, unchanged, to the
-- contact that survives (and an undo moves them back). The merge says so for its transaction, and may change
-- nothing but contact_id.
create or replace function consent_events_append_only() returns trigger language plpgsql as $$
begin
    if current_setting('maxmysales.contact_merge', true) = 'on'
            and (to_jsonb(new) - 'contact_id') = (to_jsonb(old) - 'contact_id') then
        return new;
    end if;
    raise exception 'consent_events is append-only';
end;
$$;
