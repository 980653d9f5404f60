package com.maxmysales.analytics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.maxmysales.support.ClockedPlatformTest;
import com.maxmysales.support.Eventually;
import com.maxmysales.support.Http;
import com.maxmysales.support.MutableClock;
import com.maxmysales.support.SandboxNumber;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the analytics keep is anonymous and stays: the content purge leaves every aggregate as it was (P4), and no
 * analytics table has a column that could hold text or a contact id, nor a row whose id is a contact's, a
 * conversation's or a message's.
 */
@ClockedPlatformTest
class AnalyticsPrivacySystemTests {

    /**
     * Columns that may hold a UUID: the workspace, a business number, a team member, a lead source, a campaign (the
     * business's own broadcast, sent to many: no person), one-way keys.
     */
    static final Set<String> ID_COLUMNS = Set.of("workspace_id", "channel_id", "agent_id", "source_id", "campaign_id",
            "event_key", "clock_key");
    /** Columns that may hold characters: short codes of a checked vocabulary, never free text. */
    static final Set<String> CODE_COLUMNS = Set.of("category", "metric", "channel", "intent", "kind");
    static final Set<String> NUMBER_TYPES = Set.of("integer", "smallint", "bigint", "date", "timestamp with time zone");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MutableClock clock;

    /**
     * Mutation caught: a purge that also deleted or rewrote analytics rows, or an aggregate that read the messages
     * table at query time instead of its own rows → the figures after the purge differ: fails.
     */
    @Test
    void theContentPurgeLeavesTheAnalyticsAsTheyWere() {
        var http = new Http(port);
        var key = http.createWorkspace("Purged Shop");
        var workspace = UUID.fromString(http.get("/api/v1/workspace", key).json().get("id").asString());
        var number = SandboxNumber.connect(http, key);
        var customer = "+9196" + String.format("%08d", Math.abs(UUID.randomUUID().getLeastSignificantBits() % 100_000_000L));
        number.customerWritesText(customer, "Nisha", "Do you deliver to Baner?");
        Eventually.await(() -> http.get("/api/v1/analytics/messages", key).json().get("totals").get("inbound").asInt() == 1);
        assertThat(http.post("/api/v1/messages", key, """
                {"to": "%s", "type": "text", "text": "Yes, tomorrow."}""".formatted(customer)).status()).isEqualTo(202);
        Eventually.await(() -> http.get("/api/v1/analytics/messages", key).json().get("totals").get("read").asInt() == 1);
        var contact = http.get("/api/v1/contacts?phone=" + customer.replace("+", "%2B"), key).json().get("items").get(0)
                .get("id").asString();
        var conversation = http.get("/api/v1/conversations?contactId=" + contact, key).json().get("items").get(0)
                .get("id").asString();
        assertThat(http.patch("/api/v1/conversations/" + conversation, key, "{\"status\": \"resolved\"}").status())
                .isEqualTo(200);
        Eventually.await(() -> rowsOf("analytics_backlog_days", workspace).toString().contains("resolved=1"));
        var before = snapshot(workspace);
        var apiBefore = http.get("/api/v1/analytics/messages?from=2031-01-01&to=2031-01-31", key).body();

        clock.advance(Duration.ofDays(31));
        assertThat(http.post("/api/v1/privacy/purges", key, "{}").status()).isEqualTo(200);

        assertThat(jdbc.sql("select count(*) from messages where workspace_id = ? and text is not null")
                .param(workspace).query(Integer.class).single()).as("the content is gone").isZero();
        assertThat(snapshot(workspace)).isEqualTo(before);
        assertThat(http.get("/api/v1/analytics/messages?from=2031-01-01&to=2031-01-31", key).body()).isEqualTo(apiBefore);
        assertThat(before.get("analytics_message_days")).isNotEmpty();
    }

    /**
     * Mutations caught: a text column (say, the intent's original wording, or an error's detail) or a contact_id
     * added to an analytics table → fails; a listener storing a conversation id as the clock key → the row check
     * fails.
     */
    @Test
    void noAnalyticsTableCanHoldTextOrAContactId() {
        var http = new Http(port);
        var key = http.createWorkspace("Schema Shop");
        var number = SandboxNumber.connect(http, key);
        var customer = "+9195" + String.format("%08d", Math.abs(UUID.randomUUID().getLeastSignificantBits() % 100_000_000L));
        number.customerWritesText(customer, "Arjun", "Hello");
        Eventually.await(() -> http.get("/api/v1/analytics/messages", key).json().get("totals").get("inbound").asInt() == 1);

        var tables = jdbc.sql("""
                select table_name from information_schema.tables
                where table_schema = current_schema() and table_name like 'analytics\\_%'
                """).query(String.class).list();
        assertThat(tables).contains("analytics_message_days", "analytics_intent_days", "analytics_team_days",
                "analytics_lead_days", "analytics_optout_days", "analytics_clocks", "analytics_seen_events",
                "analytics_campaign_days");
        var columns = jdbc.sql("""
                select table_name, column_name, data_type, udt_name, character_maximum_length from information_schema.columns
                where table_schema = current_schema() and table_name like 'analytics\\_%'
                """).query().listOfRows();
        for (var column : columns) {
            var name = (String) column.get("column_name");
            var type = (String) column.get("data_type");
            var where = column.get("table_name") + "." + name;
            switch (type) {
                case "uuid" -> assertThat(ID_COLUMNS).as(where + " is an id column of a kind no contact has").contains(name);
                case "character varying" -> {
                    assertThat(CODE_COLUMNS).as(where + " holds characters: only codes may").contains(name);
                    assertThat((Integer) column.get("character_maximum_length")).as(where).isLessThanOrEqualTo(64);
                }
                case "ARRAY" -> assertThat(column.get("udt_name")).as(where + ": arrays only of integers").isEqualTo("_int4");
                default -> assertThat(NUMBER_TYPES).as(where + " (" + type + ")").contains(type);
            }
        }
        for (var table : tables) {
            for (var column : columns.stream().filter(column -> column.get("table_name").equals(table)).toList()) {
                var name = (String) column.get("column_name");
                if (column.get("data_type").equals("uuid")) {
                    for (var holder : List.of("contacts", "conversations", "messages")) {
                        assertThat(jdbc.sql("select count(*) from %s a join %s h on h.id = a.%s".formatted(table, holder, name))
                                .query(Integer.class).single()).as(table + "." + name + " holds ids of " + holder).isZero();
                    }
                }
                if (column.get("data_type").equals("character varying")) {
                    assertThat(jdbc.sql("select count(*) from %s where %s !~ '^[a-z0-9_]{1,64}$'".formatted(table, name))
                            .query(Integer.class).single()).as(table + "." + name + " holds something else than codes").isZero();
                }
            }
        }
    }

    private Map<String, List<String>> snapshot(UUID workspace) {
        var tables = List.of("analytics_message_days", "analytics_failure_days", "analytics_pricing_days",
                "analytics_team_days", "analytics_backlog_days", "analytics_lead_days", "analytics_lead_contact_days",
                "analytics_optout_days", "analytics_email_request_days", "analytics_intent_days", "analytics_campaign_days");
        var snapshot = new java.util.LinkedHashMap<String, List<String>>();
        tables.forEach(table -> snapshot.put(table, rowsOf(table, workspace)));
        return snapshot;
    }

    private List<String> rowsOf(String table, UUID workspace) {
        var rows = new ArrayList<String>();
        jdbc.sql("select * from %s where workspace_id = ? order by 1, 2, 3".formatted(table)).param(workspace).query()
                .listOfRows().forEach(row -> rows.add(row.toString()));
        rows.sort(null);
        return rows;
    }
}
