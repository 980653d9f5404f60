-- Campaigns: a template broadcast to an audience (a segment, a list or a tag), snapshotted at launch into
-- campaign_recipients, which is the campaign's queue: the engine feeds its pending rows into the outbox a few
-- seconds of the number's pace ahead, and the rows follow their message's statuses back.
create table campaigns (
    id                uuid        primary key,
    workspace_id      uuid        not null references workspaces (id),
    name              text        not null,
    channel_id        uuid        not null references channels (id) on delete cascade,
    template_name     text        not null,
    template_language text        not null,
    audience_kind     text        not null check (audience_kind in ('segment', 'list', 'tag')),
    audience_ref      text        not null,
    variables         text        not null,
    status            text        not null check (status in ('draft', 'scheduled', 'running', 'paused', 'completed',
                                                             'cancelled')),
    scheduled_at      timestamptz,
    -- Why a running campaign stopped feeding by itself (its template paused by Meta), for the owner and the page.
    paused_reason     text,
    snapshot_done     boolean     not null default false,
    created_at        timestamptz not null,
    launched_at       timestamptz,
    finished_at       timestamptz
);
create index campaigns_workspace on campaigns (workspace_id, created_at desc, id desc);
create index campaigns_active on campaigns (status) where status in ('scheduled', 'running');

-- One row per contact of the audience. seq keeps the snapshot's order (the feeding order and the cursor of the
-- recipients' pages). An excluded row records why (exclusion) and is never fed. message_id is the outbox row
-- queued under the idempotency key "campaign:<campaign>:<contact>", set in the transaction that queued it.
create table campaign_recipients (
    campaign_id   uuid        not null references campaigns (id) on delete cascade,
    workspace_id  uuid        not null references workspaces (id),
    contact_id    uuid        not null references contacts (id) on delete cascade,
    seq           bigint      not null,
    status        text        not null check (status in ('pending', 'queued', 'sent', 'delivered', 'read', 'failed',
                                                         'excluded', 'withdrawn')),
    exclusion     text,
    message_id    uuid,
    error_code    integer,
    error_detail  text,
    queued_at     timestamptz,
    sent_at       timestamptz,
    delivered_at  timestamptz,
    read_at       timestamptz,
    replied_at    timestamptz,
    failed_at     timestamptz,
    opted_out_at  timestamptz,
    primary key (campaign_id, contact_id)
);
create unique index campaign_recipients_seq on campaign_recipients (campaign_id, seq);
create index campaign_recipients_pending on campaign_recipients (campaign_id, seq) where status = 'pending';
create index campaign_recipients_queued on campaign_recipients (campaign_id) where status = 'queued';
create unique index campaign_recipients_message on campaign_recipients (message_id) where message_id is not null;
-- The frequency cap, replies and opt-outs look a contact's recent campaign sends up.
create index campaign_recipients_contact on campaign_recipients (workspace_id, contact_id, queued_at)
    where queued_at is not null;

-- A workspace's own campaign rules; no row: the install's defaults (maxmysales.campaigns.*).
create table campaign_settings (
    workspace_id         uuid    primary key references workspaces (id),
    quiet_start          time    not null,
    quiet_end            time    not null,
    frequency_cap        integer not null check (frequency_cap between 1 and 100),
    frequency_days       integer not null check (frequency_days between 1 and 90),
    reply_window_hours   integer not null check (reply_window_hours between 1 and 720)
);
