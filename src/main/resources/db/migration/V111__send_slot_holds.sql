-- A number's sending held by Meta (a ban, a restriction): its lanes from held_from_lane on are not claimed
-- until held_until (never, when null). Replies (lanes 0 and 1) still go under a restriction of business-initiated
-- messages; a ban holds every lane (0). Null held_from_lane: nothing is held.
alter table send_slots
    add column held_from_lane smallint check (held_from_lane between 0 and 3),
    add column held_until     timestamptz;
