-- Business users' and invitations' emails in the form shared.EmailAddress gives every address: they were stored
-- trimmed and in lower case already; now also in Unicode NFC, so that "José" typed with a decomposed accent signs in
-- as the same person. A no-op for every address without accents. Two accounts whose addresses differ only so are one
-- person twice; the unique index would refuse the second, so it keeps its spelling until the operator merges the
-- two. Blind indexes of encrypted emails are not rewritten: lookups also try the decomposed spelling
-- (privacy.BlindIndex.ofEverySpelling).
do $$
begin
    -- normalize() needs a UTF8 database; in any other encoding no address can hold a decomposed accent.
    if current_setting('server_encoding') = 'UTF8' then
        update business_users u set email = normalize(u.email, NFC)
        where u.email is not null and u.email is not nfc normalized
          and not exists (select 1 from business_users other
                          where other.id <> u.id and lower(other.email) = lower(normalize(u.email, NFC)));
        update member_invitations set email = normalize(email, NFC) where email is not nfc normalized;
    end if;
end
$$;
