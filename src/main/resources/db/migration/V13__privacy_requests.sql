-- Data-principal requests (P6): access, erasure, correction, grievance, nomination. Who the person is (phone,
-- email) and what they wrote (corrections, grievance, nominee) are AES-256-GCM ciphertext, removed when the
-- person is erased; subject_hash is the erasure tombstone hash of their number or email, so that the request
-- can still be found, and shown to have been answered, afterwards.
create table privacy_requests (
    id                    uuid        primary key,
    workspace_id          uuid        not null,
    type                  text        not null check (type in ('access', 'erasure', 'correction', 'grievance', 'nomination')),
    status                text        not null check (status in ('awaiting-verification', 'open', 'completed', 'refused')),
    requested_by          text        not null check (requested_by in ('business', 'person')),
    filed_by              text        not null,
    phone                 bytea,
    email                 bytea,
    details               bytea,
    subject_hash          bytea,
    received_at           timestamptz not null,
    due_at                timestamptz not null,
    verified_at           timestamptz,
    completed_at          timestamptz,
    summary               text,
    refusal_reason        text,
    refusal_detail        bytea,
    resolution            bytea,
    code_hash             bytea,
    code_expires_at       timestamptz,
    code_attempts         integer     not null default 0
);
create index privacy_requests_workspace on privacy_requests (workspace_id, received_at);
create index privacy_requests_subject on privacy_requests (workspace_id, subject_hash);
