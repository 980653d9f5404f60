-- Bot containment (issue 19, "Team"): conversations the bot answered, and how each ended: contained (resolved, or
-- quiet for maxmysales.analytics.bot-contained-after, with no person in it) or handed to a person (the bot handed off,
-- or a team member wrote). Counted on the day of the outcome, in the workspace's time zone. Counts only.
create table analytics_bot_days (
    workspace_id uuid    not null,
    day          date    not null,
    engaged      integer not null default 0,
    contained    integer not null default 0,
    handed_off   integer not null default 0,
    primary key (workspace_id, day)
);

-- A 'bot' clock runs from the bot's first answer in a conversation until a person takes it or it ends.
alter table analytics_clocks drop constraint analytics_clocks_kind_check;
alter table analytics_clocks add constraint analytics_clocks_kind_check
    check (kind in ('response', 'resolution', 'reply', 'bot'));
