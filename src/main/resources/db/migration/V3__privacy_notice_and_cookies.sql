-- Which version of the operator's privacy notice each business user accepted, and when (P11).
create table privacy_notice_versions (
    version        text        primary key,
    effective_from date        not null,
    published_at   timestamptz not null
);
create table privacy_notice_acceptances (
    user_id     uuid        not null,
    version     text        not null references privacy_notice_versions (version),
    accepted_at timestamptz not null,
    primary key (user_id, version)
);

-- Proof of each cookie choice made on the public site (P7). Anonymous: the id lives only in the
-- visitor's own consent cookie; no IP address or user agent is kept.
create table cookie_consents (
    id             uuid        primary key,
    choice         text        not null check (choice in ('all', 'essential')),
    notice_version text        not null,
    recorded_at    timestamptz not null
);
