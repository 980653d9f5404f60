-- The operator's incidents read newest first in keyset pages, each with the register entries it made.
create index platform_incidents_newest on platform_incidents (detected_at, id);
create index breaches_by_incident on breaches (incident_id) where incident_id is not null;
