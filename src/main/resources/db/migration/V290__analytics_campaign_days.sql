-- Campaigns (issue 19): each campaign's funnel per day in the workspace's time zone, from campaigns.CampaignFunnelMoved
-- (counted in the transaction that moved the recipients). A recipient counts at every step up to the furthest it
-- reached, as on the campaign's page; opted_out counts those who withdrew within the STOP window of its message.
-- campaign_id names a broadcast of the business, not a person; no contact, message or text. Summed over all days,
-- a campaign's row equals its own counts, and it stays when the purge removes the messages' content.
create table analytics_campaign_days (
    workspace_id uuid    not null,
    day          date    not null,
    campaign_id  uuid    not null,
    sent         integer not null default 0,
    delivered    integer not null default 0,
    read         integer not null default 0,
    replied      integer not null default 0,
    opted_out    integer not null default 0,
    primary key (workspace_id, day, campaign_id)
);
