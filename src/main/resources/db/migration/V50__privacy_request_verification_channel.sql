-- How a request from the person proves who they are: a one-time code on WhatsApp (the only way before) or by email.
-- Kept with the request so that a new code goes where the first one went.
alter table privacy_requests
    add column verification_channel text check (verification_channel in ('whatsapp', 'email'));
update privacy_requests set verification_channel = 'whatsapp' where requested_by = 'person';
