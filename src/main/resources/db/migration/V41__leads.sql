-- Where leads come from. A Google source is found by the SHA-256 of its key (shown once, like an API key);
-- a Meta source by its page, whose access token is ciphertext. The follow-up rule holds template names and
-- answer keys only, never personal data.
create table lead_sources (
    id                uuid        primary key,
    workspace_id      uuid        not null references workspaces (id),
    type              text        not null check (type in ('google', 'meta')),
    name              text        not null check (length(name) between 1 and 120),
    key_hash          bytea,
    page_id           text,
    page_access_token bytea,
    forms             text[]      not null default '{}',
    follow_up         jsonb,
    round_robin       bigint      not null default 0,
    created_at        timestamptz not null,
    check (type = 'google' and key_hash is not null or type = 'meta' and page_id is not null and page_access_token is not null)
);
create unique index lead_sources_key on lead_sources (key_hash) where key_hash is not null;
create unique index lead_sources_page on lead_sources (page_id) where page_id is not null;
create index lead_sources_workspace on lead_sources (workspace_id, created_at);

-- One row per lead, also the intake queue: a Meta lead is 'fetching' until read from the Graph API, then
-- 'received' until it is matched to a contact ('processed'). Unique per source and the ad platform's lead id,
-- so a redelivered webhook or a backfill finds the lead it already has. Answers (and the click id) are
-- ciphertext, with keyed hashes of the phone and email so that a person's request finds leads that never
-- became a contact; ad, form and campaign ids are the business's own identifiers.
create table leads (
    id                   uuid        primary key,
    workspace_id         uuid        not null references workspaces (id),
    source_id            uuid        not null references lead_sources (id),
    external_id          text        not null,
    form_id              text,
    campaign_id          text,
    campaign_name        text,
    ad_id                text,
    adgroup_id           text,
    is_test              boolean     not null default false,
    submitted_at         timestamptz,
    received_at          timestamptz not null,
    stage                text        not null check (stage in ('fetching', 'received', 'processed', 'fetch_failed')),
    attempts             integer     not null default 0,
    next_attempt_at      timestamptz not null,
    lease_until          timestamptz,
    last_error           text,
    answers              bytea,
    phone_index          bytea,
    email_index          bytea,
    contact_id           uuid        references contacts (id),
    follow_up            text        not null default 'none'
        check (follow_up in ('none', 'test', 'pending', 'queued', 'unreachable', 'refused')),
    follow_up_due_at     timestamptz,
    follow_up_message_id uuid,
    follow_up_detail     text,
    conversation_id      uuid,
    assignee_id          uuid        references business_users (id) on delete set null,
    unique (source_id, external_id)
);
create index leads_due on leads (next_attempt_at) where stage in ('fetching', 'received');
create index leads_follow_up_due on leads (follow_up_due_at) where follow_up = 'pending';
create index leads_workspace on leads (workspace_id, received_at desc, id desc);
create index leads_contact on leads (workspace_id, contact_id);
create index leads_phone on leads (workspace_id, phone_index) where phone_index is not null;
create index leads_email on leads (workspace_id, email_index) where email_index is not null;
create index leads_form on leads (source_id, form_id, submitted_at);

-- A contact created from a lead form is there only to follow that lead up (P2): audiences and exports leave
-- it out until the person grants marketing.
alter table contacts
    add column lead_restricted boolean not null default false;
