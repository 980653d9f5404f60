-- The name the customer gives themselves on WhatsApp (issue 13), kept up to date beside the name the business gave
-- the contact, which it never overwrites. Encrypted like the name; whatsapp_name_hash is sha256 of the contact's id
-- and the name's blind index, so that a message whose name is unchanged costs no write (the inbound UPDATE compares
-- it) while two contacts with one name still have unrelated hashes. whatsapp_name_at is the time of the message that
-- gave it, so that a message applied late never puts back an older name.
alter table contacts
    add column whatsapp_name      bytea,
    add column whatsapp_name_hash bytea,
    add column whatsapp_name_at   timestamptz;

-- A merged contact's copy keeps its WhatsApp name too, so that an undo gives it back.
alter table contact_merges
    add column whatsapp_name      bytea,
    add column whatsapp_name_hash bytea,
    add column whatsapp_name_at   timestamptz;
