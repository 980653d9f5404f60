-- Analytics: anonymised aggregates per workspace and per day in the workspace's time zone (P2, P4). No column holds
-- text a person wrote, nor a contact, conversation or message id, so they survive the content purge unchanged.
-- channel_id is a business number, agent_id a member of the team, source_id a lead source; the nil UUID stands for
-- "none" (no number known, nobody assigned). Codes are short, checked vocabularies.

-- shard: every event adds to its number's row of the day, so concurrent listeners would queue on one row lock each;
-- a count goes to one of 8 rows (by the listener's thread) instead, and queries sum them.
create table analytics_message_days (
    workspace_id uuid     not null,
    day          date     not null,
    channel_id   uuid     not null,
    shard        smallint not null default 0 check (shard between 0 and 7),
    inbound      integer not null default 0,
    sent         integer not null default 0,
    delivered    integer not null default 0,
    read         integer not null default 0,
    replied      integer not null default 0,
    failed       integer not null default 0,
    primary key (workspace_id, day, channel_id, shard)
);

create table analytics_failure_days (
    workspace_id uuid    not null,
    day          date    not null,
    channel_id   uuid    not null,
    error_code   integer not null,
    failed       integer not null default 0,
    primary key (workspace_id, day, channel_id, error_code)
);

-- Meta's pricing category of each outbound message, counted once per message when a status carries it.
create table analytics_pricing_days (
    workspace_id uuid        not null,
    day          date        not null,
    channel_id   uuid        not null,
    category     varchar(32) not null check (category ~ '^[a-z_]{1,32}$'),
    messages     integer     not null default 0,
    primary key (workspace_id, day, channel_id, category)
);

-- Histograms, not durations: bucket n counts conversations whose time fell in the n-th range of
-- analytics.DurationBuckets. metric: first_response or resolution.
create table analytics_team_days (
    workspace_id  uuid        not null,
    day           date        not null,
    agent_id      uuid        not null,
    metric        varchar(16) not null check (metric in ('first_response', 'resolution')),
    bucket        smallint    not null check (bucket >= 0),
    conversations integer     not null default 0,
    primary key (workspace_id, day, agent_id, metric, bucket)
);

create table analytics_backlog_days (
    workspace_id uuid    not null,
    day          date    not null,
    opened       integer not null default 0,
    resolved     integer not null default 0,
    open_at_end  integer not null default 0,
    primary key (workspace_id, day)
);

-- form_id: the ad platform's numeric form id, 0 when the lead named none.
create table analytics_lead_days (
    workspace_id uuid    not null,
    day          date    not null,
    source_id    uuid    not null,
    form_id      bigint  not null,
    received     integer not null default 0,
    contacted    integer not null default 0,
    primary key (workspace_id, day, source_id, form_id)
);

-- Time from a lead to its first WhatsApp contact, as a histogram (analytics.DurationBuckets), by the day contacted.
create table analytics_lead_contact_days (
    workspace_id uuid     not null,
    day          date     not null,
    source_id    uuid     not null,
    bucket       smallint not null check (bucket >= 0),
    leads        integer  not null default 0,
    primary key (workspace_id, day, source_id, bucket)
);

create table analytics_optout_days (
    workspace_id uuid        not null,
    day          date        not null,
    channel      varchar(16) not null check (channel in ('keyword', 'button', 'sentence', 'meta', 'email')),
    optouts      integer     not null default 0,
    primary key (workspace_id, day, channel)
);

-- "Unsubscribe" emails processed that day, and how many of them within their 10-business-day deadline.
create table analytics_email_request_days (
    workspace_id    uuid    not null,
    day             date    not null,
    processed       integer not null default 0,
    within_deadline integer not null default 0,
    primary key (workspace_id, day)
);

create table analytics_intent_days (
    workspace_id uuid        not null,
    day          date        not null,
    intent       varchar(64) not null check (intent ~ '^[a-z0-9_]{1,64}$'),
    detected     integer     not null default 0,
    primary key (workspace_id, day, intent)
);

-- Working tables, not analytics: short-lived one-way keys (a name-based UUID of the event's identity), never an id
-- itself. Seen events are forgotten after maxmysales.analytics.dedup-retention, a stopped clock at once, a clock
-- nobody stopped after maxmysales.analytics.clock-expiry.
create table analytics_seen_events (
    workspace_id uuid not null,
    event_key    uuid not null,
    seen_on      date not null,
    primary key (workspace_id, event_key)
);
create index analytics_seen_events_by_day on analytics_seen_events (seen_on);

-- kind: response (the customer waits for the team's first answer), resolution (open in the inbox), reply (the
-- business wrote and waits for the customer).
create table analytics_clocks (
    workspace_id uuid        not null,
    clock_key    uuid        not null,
    kind         varchar(16) not null check (kind in ('response', 'resolution', 'reply')),
    started_at   timestamptz not null,
    primary key (workspace_id, clock_key, kind)
);
create index analytics_clocks_by_start on analytics_clocks (started_at);
