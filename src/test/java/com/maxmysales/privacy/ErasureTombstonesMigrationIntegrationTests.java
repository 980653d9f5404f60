package com.maxmysales.privacy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.maxmysales.support.TestDatabase;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V75 gives each erasure tombstone written before it the workspaces that erased the person, found from what each
 * erasure left behind, and keeps refusing everywhere the rows it cannot tie to one.
 */
class ErasureTombstonesMigrationIntegrationTests {

    private static final String PERSON_A_ERASED = "aa";
    private static final String PERSON_REQUESTED = "bb";
    private static final String PERSON_UNKNOWN = "cc";
    private static final String PERSON_E_ERASED_EARLIER = "dd";

    @Test
    void existingTombstonesGoToTheWorkspacesThatErasedThePerson() throws SQLException {
        var url = TestDatabase.jdbcUrl(TestDatabase.createDatabase());
        flyway(url).target(lastVersionBefore75(url)).load().migrate();
        var a = UUID.randomUUID();
        var b = UUID.randomUUID();
        var c = UUID.randomUUID();
        var e = UUID.randomUUID();
        var bystander = UUID.randomUUID();
        try (var connection = DriverManager.getConnection(url, "postgres", "")) {
            for (var workspace : new UUID[] {a, b, c, e, bystander}) {
                update(connection, "insert into workspaces (id, name, created_at) values (?, 'w', now())", workspace);
            }
            connection.setAutoCommit(false);
            // E erases someone else first.
            tombstone(connection, PERSON_E_ERASED_EARLIER, "2025-12-31T10:00:00Z");
            erasureRecord(connection, 1, e, "2025-12-31T10:00:00.002Z");
            connection.commit();
            // A erases the person: tombstone and audit record in one transaction.
            tombstone(connection, PERSON_A_ERASED, "2026-01-01T10:00:00Z");
            erasureRecord(connection, 2, a, "2026-01-01T10:00:00.003Z");
            connection.commit();
            // B erases the same person a day later: the tombstone was there already, so only its record is written,
            // and which person it was is not recorded: B keeps every tombstone written up to then.
            erasureRecord(connection, 3, b, "2026-01-02T10:00:00Z");
            connection.commit();
            // C fulfils a person's erasure request; the request keeps the person's hash.
            update(connection, """
                    insert into privacy_requests (id, workspace_id, type, status, requested_by, filed_by, subject_hash,
                                                  received_at, due_at)
                    values (?, ?, 'erasure', 'completed', 'person', 'api', ?, now(), now())""",
                    UUID.randomUUID(), c, hash(PERSON_REQUESTED));
            connection.commit();
            tombstone(connection, PERSON_REQUESTED, "2026-01-03T10:00:00Z");
            connection.commit();
            // A row nothing ties to an erasure, as after a restore from a dump.
            tombstone(connection, PERSON_UNKNOWN, "2026-01-04T10:00:00Z");
            connection.commit();
        }

        flyway(url).load().migrate();

        assertThat(tombstones(url)).isEqualTo(Map.of(
                a, Set.of(PERSON_A_ERASED, PERSON_UNKNOWN),
                b, Set.of(PERSON_E_ERASED_EARLIER, PERSON_A_ERASED, PERSON_UNKNOWN),
                c, Set.of(PERSON_REQUESTED, PERSON_UNKNOWN),
                e, Set.of(PERSON_E_ERASED_EARLIER, PERSON_UNKNOWN),
                bystander, Set.of(PERSON_UNKNOWN)));
    }

    /** The schema as it was before V75, whatever other migrations come before it. */
    private static String lastVersionBefore75(String url) {
        return Arrays.stream(flyway(url).load().info().all()).map(MigrationInfo::getVersion)
                .filter(version -> version.isNewerThan("0") && !version.isAtLeast("75"))
                .max(MigrationVersion::compareTo).orElseThrow().getVersion();
    }

    private static org.flywaydb.core.api.configuration.FluentConfiguration flyway(String url) {
        return Flyway.configure().dataSource(url, "postgres", "").locations("classpath:db/migration");
    }

    private static void tombstone(Connection connection, String person, String erasedAt) throws SQLException {
        update(connection, "insert into erasure_tombstones (hash, kind, erased_at) values (?, 'phone', ?)",
                hash(person), Timestamp.from(Instant.parse(erasedAt)));
    }

    private static void erasureRecord(Connection connection, long seq, UUID workspace, String at) throws SQLException {
        update(connection, """
                insert into audit_log (seq, workspace_id, occurred_at, actor, action, subject, detail, prev_hash, hash)
                values (?, ?, ?, 'api-key:test', 'privacy.erasure', 'contactId=x', 'contacts=1', '\\x00', '\\x00')""",
                seq, workspace, Timestamp.from(Instant.parse(at)));
    }

    private static Map<UUID, Set<String>> tombstones(String url) throws SQLException {
        var found = new HashMap<UUID, Set<String>>();
        try (var connection = DriverManager.getConnection(url, "postgres", "");
                var rows = connection.createStatement().executeQuery("select workspace_id, hash from erasure_tombstones")) {
            while (rows.next()) {
                found.computeIfAbsent(rows.getObject(1, UUID.class), workspace -> new HashSet<>())
                        .add(HexFormat.of().formatHex(rows.getBytes(2)));
            }
        }
        return found;
    }

    private static byte[] hash(String person) {
        return HexFormat.of().parseHex(person);
    }

    private static void update(Connection connection, String sql, Object... parameters) throws SQLException {
        try (var statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        }
    }
}
