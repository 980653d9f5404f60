package com.maxmysales.tenancy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.UUID;

import com.maxmysales.shared.EmailAddress;
import com.maxmysales.support.TestDatabase;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V90 puts the emails business users and invitations were stored with before {@link EmailAddress} into the form it
 * gives every address, so that the person signs in and is recognised however their keyboard spells an accent.
 */
class EmailSpellingMigrationIntegrationTests {

    private static final String DECOMPOSED = "jose\u0301@example.com";
    private static final String ASCII = "priya.nair@example.com";

    @Test
    void storedEmailsTakeTheFormEveryLookupUses() throws SQLException {
        var url = TestDatabase.jdbcUrl(TestDatabase.createDatabase());
        flyway(url).target(lastVersionBefore90(url)).load().migrate();
        var workspace = UUID.randomUUID();
        var jose = UUID.randomUUID();
        var priya = UUID.randomUUID();
        try (var connection = DriverManager.getConnection(url, "postgres", "")) {
            update(connection, "insert into workspaces (id, name, created_at) values (?, 'w', now())", workspace);
            user(connection, jose, workspace, DECOMPOSED);
            user(connection, priya, workspace, ASCII);
            update(connection, """
                    insert into member_invitations (id, workspace_id, email, role, token_hash, invited_by, created_at, expires_at)
                    values (?, ?, ?, 'agent', '\\x01', ?, now(), now())""", UUID.randomUUID(), workspace, DECOMPOSED, priya);
        }

        flyway(url).load().migrate();

        var canonical = EmailAddress.of(DECOMPOSED).value();
        assertThat(canonical).isNotEqualTo(DECOMPOSED);
        assertThat(email(url, "select email from business_users where id = '" + jose + "'")).isEqualTo(canonical);
        assertThat(email(url, "select email from business_users where id = '" + priya + "'")).isEqualTo(ASCII);
        assertThat(email(url, "select email from member_invitations")).isEqualTo(canonical);
    }

    private static void user(Connection connection, UUID id, UUID workspace, String email) throws SQLException {
        update(connection, """
                insert into business_users (id, workspace_id, email, display_name, password_hash, role, adult_attested_at,
                                            created_at)
                values (?, ?, ?, 'n', 'x', 'owner', now(), now())""", id, workspace, email);
    }

    private static String email(String url, String query) throws SQLException {
        try (var connection = DriverManager.getConnection(url, "postgres", "");
                var rows = connection.createStatement().executeQuery(query)) {
            rows.next();
            return rows.getString(1);
        }
    }

    /** The schema as it was before V90, whatever other migrations come before it. */
    private static String lastVersionBefore90(String url) {
        return Arrays.stream(flyway(url).load().info().all()).map(MigrationInfo::getVersion)
                .filter(version -> version.isNewerThan("0") && !version.isAtLeast("90"))
                .max(MigrationVersion::compareTo).orElseThrow().getVersion();
    }

    private static org.flywaydb.core.api.configuration.FluentConfiguration flyway(String url) {
        return Flyway.configure().dataSource(url, "postgres", "").locations("classpath:db/migration");
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
