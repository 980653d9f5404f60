-- A conversation a campaign opened stays out of the team inbox while it holds nothing but campaign messages
-- (V245). A message the business writes into it otherwise (an agent from the contact page or the API, a lead
-- follow-up, a message from the WhatsApp Business app) makes it a conversation like any other: it shows in the
-- inbox from then on. A trigger rather than code, as V130's, because every path that writes an outbound message
-- must do it, in the same statement. A campaign's message is the campaign lane's with the campaign's idempotency
-- key ("campaign:<campaign>:<contact>"); an agent's marketing template goes in that lane too, but without that key.
-- The WHEN clause keeps the function off campaign sends and customers' messages; for the other outbound messages
-- it is one primary-key probe that changes nothing unless the conversation is a hidden campaign one.
create function conversations_taken_up() returns trigger language plpgsql as $$
begin
    update conversations set opened_by_campaign = false
    where id = new.conversation_id and opened_by_campaign;
    return null;
end;
$$;

create trigger messages_take_up_campaign_conversation after insert on messages
    for each row
    when (new.direction = 'outbound' and new.conversation_id is not null
          and (new.lane is distinct from 3 or new.idempotency_key is null or new.idempotency_key not like 'campaign:%'))
    execute function conversations_taken_up();
