-- What Meta tells about a message beyond its content (issue 13): forwarding, its own errors (in error_code and
-- error_detail, as for outbound ones), edits and revokes, the click-to-WhatsApp ad that started it, and the
-- price Meta charged for an outbound one. The ad referral is encrypted like the content it sits beside; the
-- pricing fields name no one.
alter table messages
    add column forwarded            boolean not null default false,
    add column frequently_forwarded boolean not null default false,
    add column edited_at            timestamptz,
    add column revoked_at           timestamptz,
    add column referral             bytea,
    add column pricing_category     text,
    add column pricing_model        text,
    add column billable             boolean,
    add column meta_conversation_id text,
    add column meta_conversation_category text;

-- The ad a conversation started from: the first message that carried a referral.
alter table conversations add column referral_message_id uuid references messages (id) on delete set null;

-- What a message said before each edit, encrypted like the message; gone with the message's content.
create table message_edits (
    id           uuid        primary key,
    workspace_id uuid        not null references workspaces (id),
    message_id   uuid        not null references messages (id) on delete cascade,
    edit_wamid   text        not null,
    text         bytea,
    payload      bytea,
    replaced_at  timestamptz not null
);
create unique index message_edits_once on message_edits (edit_wamid);
create index message_edits_message on message_edits (workspace_id, message_id, replaced_at);

-- Click-to-WhatsApp ads are a lead source of their own, one per workspace, made when the first ad lead arrives.
alter table lead_sources drop constraint lead_sources_type_check;
alter table lead_sources add constraint lead_sources_type_check check (type in ('google', 'meta', 'ctwa'));
alter table lead_sources drop constraint lead_sources_check;
alter table lead_sources add constraint lead_sources_check check (type = 'google' and key_hash is not null
    or type = 'meta' and page_id is not null and page_access_token is not null or type = 'ctwa');
create unique index lead_sources_one_ctwa on lead_sources (workspace_id) where type = 'ctwa';
