-- A Meta lead source is a real Facebook Page (read from Meta's Graph API) or a page of the built-in sandbox
-- (read from the sandbox, and nowhere else).
alter table lead_sources add column sandbox boolean not null default false;

-- Earlier versions gave the demo workspace a page that lived on the sandbox without saying so; it is one of the
-- sandbox's again, and LegacySandboxPages registers it with the sandbox (with a new token) on the next start.
update lead_sources set sandbox = true where type = 'meta' and name = 'Demo Facebook Page (sandbox)';
