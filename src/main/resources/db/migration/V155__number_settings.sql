-- Numbers managed from the settings pages: a disconnected number keeps its row (its conversations and messages
-- refer to it) but loses its token and its routing, and its phone-number id may be connected again; the first
-- webhook Meta sent for a number tells the person connecting it that the Meta app is set up.
alter table channels add column disconnected_at timestamptz;
alter table channels add column first_webhook_at timestamptz;
alter table channels drop constraint channels_phone_number_id_key;
create unique index channels_connected_number on channels (phone_number_id) where disconnected_at is null;
