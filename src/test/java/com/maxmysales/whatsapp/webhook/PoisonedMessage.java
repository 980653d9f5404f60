package com.maxmysales.whatsapp.webhook;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A message the database refuses until it is cured: a trigger raises an error when the message is inserted, and
 * counts each try in a sequence, which a rollback does not undo. The webhook event that carries it fails as an event
 * that keeps failing in production does.
 */
final class PoisonedMessage implements AutoCloseable {

    private final JdbcClient jdbc;
    private final String name = "poison_" + UUID.randomUUID().toString().substring(0, 8);

    PoisonedMessage(JdbcClient jdbc, String wamid) {
        this.jdbc = jdbc;
        jdbc.sql("create sequence " + name + "_tries").update();
        jdbc.sql("""
                create function %1$s() returns trigger language plpgsql as $$
                begin
                    if new.wamid = '%2$s' then
                        perform nextval('%1$s_tries');
                        raise exception 'poisoned';
                    end if;
                    return new;
                end $$""".formatted(name, wamid.replace("'", "''"))).update();
        jdbc.sql("create trigger %1$s before insert on messages for each row execute function %1$s()".formatted(name))
                .update();
    }

    /** How many times the message was refused. */
    long tries() {
        return jdbc.sql("select case when is_called then last_value else 0 end from " + name + "_tries")
                .query(Long.class).single();
    }

    /** The cause removed: the message is taken from now on. */
    void cure() {
        jdbc.sql("drop trigger if exists " + name + " on messages").update();
    }

    @Override
    public void close() {
        cure();
    }
}
