-- Templates written on the platform (issue 16): what was submitted to Meta, so that the API and the builder can
-- show it and a retry of the same name and language answers the template already submitted. A template Meta
-- told of by webhook or sync only has no components until the sync reads them. No personal data.
alter table message_templates add column components jsonb;
alter table message_templates add column parameter_format text;
alter table message_templates add column submitted_at timestamptz;
