package com.maxmysales.privacy.crypto;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import com.maxmysales.privacy.spi.EncryptedColumns;
import com.maxmysales.privacy.spi.EncryptedValue;
import com.maxmysales.shared.WorkspaceId;

import org.springframework.jdbc.core.simple.JdbcClient;

/** A module's encrypted table as the {@link ReEncryptionJob} sees it: two encrypted columns, one nullable. */
class EncryptedNotes implements EncryptedColumns {

    static final String BODY = "test_notes.body";
    static final String SUBJECT = "test_notes.subject";

    private final JdbcClient jdbc;
    private Consumer<EncryptedValue> beforeReplace = value -> {
    };

    EncryptedNotes(JdbcClient jdbc) {
        this.jdbc = jdbc;
        jdbc.sql("drop table if exists test_notes").update();
        jdbc.sql("create table test_notes (id uuid primary key, workspace_id uuid not null, body bytea not null, subject bytea)")
                .update();
    }

    @Override
    public Set<String> fields() {
        return Set.of(BODY, SUBJECT);
    }

    void insert(UUID id, WorkspaceId workspace, byte[] body, byte[] subject) {
        jdbc.sql("insert into test_notes (id, workspace_id, body, subject) values (:id, :workspace, :body, :subject)")
                .param("id", id).param("workspace", workspace.value()).param("body", body).param("subject", subject)
                .update();
    }

    byte[] stored(UUID id, String field) {
        return jdbc.sql("select " + column(field) + " from test_notes where id = :id").param("id", id)
                .query(byte[].class).list().getFirst();
    }

    /** Lets a test write to a row between the job's read and its replace, as a user could. */
    void beforeReplace(Consumer<EncryptedValue> action) {
        this.beforeReplace = action;
    }

    @Override
    public String name() {
        return "test_notes";
    }

    @Override
    public List<EncryptedValue> valuesAfter(String afterRowKey, int rows) {
        var values = new ArrayList<EncryptedValue>();
        jdbc.sql("select id, workspace_id, body, subject from test_notes where id > :after order by id limit :rows")
                .param("after", afterRowKey == null ? new UUID(0, 0) : UUID.fromString(afterRowKey)).param("rows", rows)
                .query(rs -> {
                    var key = rs.getObject(1, UUID.class).toString();
                    var workspace = new WorkspaceId(rs.getObject(2, UUID.class));
                    values.add(new EncryptedValue(key, workspace, BODY, rs.getBytes(3)));
                    if (rs.getBytes(4) != null) {
                        values.add(new EncryptedValue(key, workspace, SUBJECT, rs.getBytes(4)));
                    }
                });
        return values;
    }

    @Override
    public boolean replace(EncryptedValue old, byte[] reEncrypted) {
        beforeReplace.accept(old);
        var column = column(old.field());
        return jdbc.sql("update test_notes set " + column + " = :new where id = :id and " + column + " = :old")
                .param("new", reEncrypted).param("id", UUID.fromString(old.rowKey())).param("old", old.ciphertext())
                .update() == 1;
    }

    private static String column(String field) {
        return switch (field) {
            case BODY -> "body";
            case SUBJECT -> "subject";
            default -> throw new IllegalArgumentException(field);
        };
    }
}
