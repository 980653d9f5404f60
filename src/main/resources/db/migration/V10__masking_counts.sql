-- How many sensitive identifiers (card numbers, Aadhaar, PAN, bank accounts, UPI ids, health terms) were
-- masked in a workspace's inbound messages per day, for the compliance report (P1). Counts only: what was
-- masked is never stored.
create table masking_counts (
    workspace_id uuid    not null,
    day          date    not null,
    kind         text    not null,
    count        bigint  not null,
    primary key (workspace_id, day, kind)
);
