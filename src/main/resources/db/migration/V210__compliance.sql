-- The breach register (P5), the disclosure log (P3) and the operator's platform-wide incidents.

-- An incident the operator records once for the whole platform; each workspace with people affected gets its own
-- breach in its register, pointing here.
create table platform_incidents (
    id           uuid        primary key,
    detected_at  timestamptz not null,
    description  text        not null,
    exposed_from timestamptz not null,
    exposed_to   timestamptz not null,
    categories   text        not null,
    recorded_at  timestamptz not null
);

-- The description, impact and measures describe an incident, not a person: they hold no personal data and are
-- kept as text (the page and the API say so).
create table breaches (
    id              uuid        primary key,
    workspace_id    uuid        not null references workspaces (id),
    incident_id     uuid        references platform_incidents (id),
    detected_at     timestamptz not null,
    recorded_at     timestamptz not null,
    recorded_by     text        not null,
    description     text        not null,
    exposed_from    timestamptz not null,
    exposed_to      timestamptz not null,
    categories      text        not null,
    likely_impact   text,
    measures        text,
    report_due_at   timestamptz not null,
    affected_count  integer     not null,
    report_filed_at timestamptz,
    report_reference text,
    -- The last reminder the owners were sent: 'recorded', 'due-soon', 'overdue' (each once).
    reminded        text        not null default 'none'
);
create index breaches_workspace on breaches (workspace_id, detected_at);
create index breaches_open on breaches (report_due_at) where report_filed_at is null;
create unique index breaches_one_per_incident on breaches (workspace_id, incident_id) where incident_id is not null;

-- Who a breach affects, fixed when it is recorded: contact ids and the categories of theirs that were exposed (as in
-- breaches.categories: names joined by commas), and
-- when the notice to each went out. Ids only: the person's number and name are read from contacts when needed.
create table breach_affected (
    breach_id    uuid        not null references breaches (id) on delete cascade,
    workspace_id uuid        not null,
    contact_id   uuid        not null,
    categories   text        not null,
    notified_at  timestamptz,
    notified_by  text,
    channel      text        check (channel in ('whatsapp', 'email', 'other')),
    primary key (breach_id, contact_id)
);
create index breach_affected_workspace on breach_affected (workspace_id, breach_id);

-- Disclosures to authorities (P3: "only if legally required"). What was given may name people: ciphertext.
create table disclosures (
    id           uuid        primary key,
    workspace_id uuid        not null references workspaces (id),
    recipient    text        not null,
    legal_basis  text        not null,
    data_given   bytea       not null,
    disclosed_at timestamptz not null,
    reference    text,
    recorded_at  timestamptz not null,
    recorded_by  text        not null
);
create index disclosures_workspace on disclosures (workspace_id, disclosed_at);
