-- What Meta tells us about a connected number and its WhatsApp Business Account (issue 13): its quality and
-- messaging-limit tier, its display name's review, and a ban or restriction that holds its sending. One row per
-- number, made by the first such signal; no personal data (the business's own number and names).
create table number_standing (
    channel_id             uuid        primary key references channels (id) on delete cascade,
    workspace_id           uuid        not null references workspaces (id),
    quality_event          text,
    quality_flagged        boolean     not null default false,
    messaging_limit_tier   text,
    -- Unique users the number may message outside a customer-service window in a moving 24 h; null: no limit known.
    daily_recipient_limit  integer     check (daily_recipient_limit > 0),
    quality_updated_at     timestamptz,
    verified_name          text,
    name_status            text,
    name_rejection_reason  text,
    name_updated_at        timestamptz,
    account_event          text,
    account_detail         text,
    account_updated_at     timestamptz,
    -- A hold on sending: 'all' (a ban, a deleted account) or 'business_initiated' (Meta restricted messages the
    -- business starts); lifted by Meta (a reinstatement) or when held_until passes. Null: the number sends.
    hold_scope             text        check (hold_scope in ('all', 'business_initiated')),
    -- What holds it, so that the end of a restriction does not lift a ban: 'ban', 'restriction' or 'deleted'.
    hold_cause             text        check (hold_cause in ('ban', 'restriction', 'deleted')),
    hold_reason            text,
    held_since             timestamptz,
    held_until             timestamptz,
    check ((hold_scope is null) = (hold_reason is null) and (hold_scope is null) = (hold_cause is null))
);
create index number_standing_workspace on number_standing (workspace_id);
