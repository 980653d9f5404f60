-- A message the business sent from the WhatsApp Business app on a number it shares with the platform
-- ("coexistence"), which Meta echoes by webhook (issue 13): stored as an outbound message already sent, marked so,
-- and never claimed by the dispatcher (it claims only queued messages).
alter table messages add column sent_from text check (sent_from in ('business_app'));
