-- The business profile (about, address, websites...) of a sandbox number, as Meta keeps one per number: JSON in
-- Meta's field names, null until the platform first sets one.
alter table sandbox_accounts add column business_profile text;
