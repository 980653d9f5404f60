package com.maxmysales.inbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import com.maxmysales.security.TeamFixture;
import com.maxmysales.support.EventStream;
import com.maxmysales.support.Eventually;
import com.maxmysales.support.Http;
import com.maxmysales.support.PlatformTest;
import com.maxmysales.support.SandboxNumber;
import com.maxmysales.tenancy.ApiKeyManagement;
import com.maxmysales.tenancy.Role;
import com.maxmysales.tenancy.SignUp;
import com.maxmysales.tenancy.Team;
import com.maxmysales.tenancy.WorkspaceManagement;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The inbox through its API and streams, as a team and the sandbox's customers use it: filters, PATCH, reopening on
 * a new message, the round robin among agents online, and live events over real HTTP, on one node and through a
 * NOTIFY from another connection (what another node's event is).
 */
@PlatformTest
class InboxSystemTests {

    @LocalServerPort
    int port;
    @Autowired
    SignUp signUp;
    @Autowired
    Team team;
    @Autowired
    ApiKeyManagement apiKeys;
    @Autowired
    WorkspaceManagement workspaces;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    Presence presence;

    Http http;
    TeamFixture fixture;
    String key;
    SandboxNumber number;
    String run;

    @BeforeEach
    void aTeamWithASandboxNumber() {
        http = new Http(port);
        fixture = new TeamFixture(signUp, team, apiKeys, workspaces, "Inbox Shop");
        key = fixture.keys.get(Role.OWNER);
        number = SandboxNumber.connect(http, key);
        run = String.valueOf(System.nanoTime() % 100_000_000L);
    }

    @Test
    void theListFiltersByStatusLabelAndAssigneeAndAPatchIsSafeToRepeat() {
        var first = conversationOf(customerWrites("+9197" + run + "1", "First"));
        var second = conversationOf(customerWrites("+9197" + run + "2", "Second"));
        var agent = fixture.members.get(Role.AGENT).toString();

        var patched = http.patch("/api/v1/conversations/" + first, key, """
                {"status": "pending", "labels": ["VIP", "billing", "vip"], "assigneeId": "%s"}""".formatted(agent));
        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        assertThat(patched.json().get("labels").toString()).isEqualTo("[\"VIP\",\"billing\"]");
        var again = http.patch("/api/v1/conversations/" + first, key, """
                {"status": "pending", "labels": ["VIP", "billing"], "assigneeId": "%s"}""".formatted(agent));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("status").asString()).isEqualTo("pending");

        assertThat(ids("/api/v1/conversations?status=pending")).contains(first).doesNotContain(second);
        assertThat(ids("/api/v1/conversations?status=open")).contains(second).doesNotContain(first);
        assertThat(ids("/api/v1/conversations?label=billing")).containsExactly(first);
        assertThat(ids("/api/v1/conversations?assigneeId=" + agent)).containsExactly(first);
        var newestFirst = ids("/api/v1/conversations");
        assertThat(newestFirst.indexOf(second)).isLessThan(newestFirst.indexOf(first));

        var unassigned = http.patch("/api/v1/conversations/" + first, key, "{\"assigneeId\": null}");
        assertThat(unassigned.json().path("assigneeId").isMissingNode()).isTrue();
        assertThat(unassigned.json().get("labels")).hasSize(2);
    }

    @Test
    void badValuesGetProblemsAndChangeNothing() {
        var conversation = conversationOf(customerWrites("+9196" + run + "1", "Bad"));

        var status = http.patch("/api/v1/conversations/" + conversation, key, "{\"status\": \"closed\", \"labels\": [\"x\"]}");
        var assignee = http.patch("/api/v1/conversations/" + conversation, key,
                "{\"assigneeId\": \"" + UUID.randomUUID() + "\"}");
        var snooze = http.patch("/api/v1/conversations/" + conversation, key, "{\"status\": \"snoozed\"}");
        var label = http.patch("/api/v1/conversations/" + conversation, key, "{\"labels\": [\"" + "x".repeat(41) + "\"]}");
        var filter = http.get("/api/v1/conversations?status=closed", key);

        assertThat(status.status()).isEqualTo(400);
        assertThat(status.json().get("type").asString()).endsWith("invalid-status");
        assertThat(assignee.status()).isEqualTo(422);
        assertThat(assignee.json().get("type").asString()).endsWith("invalid-assignee");
        assertThat(snooze.status()).isEqualTo(422);
        assertThat(label.status()).isEqualTo(400);
        assertThat(filter.status()).isEqualTo(400);
        var now = http.get("/api/v1/conversations?contactId=" + contactOf("+9196" + run + "1"), key).json().get("items").get(0);
        assertThat(now.get("status").asString()).isEqualTo("open");
        assertThat(now.get("labels")).isEmpty();
    }

    @Test
    void resolvingEndsTheConversationAndTheCustomerWritingAgainReopensItWithTheSameAgent() {
        var phone = "+9195" + run + "1";
        var first = conversationOf(customerWrites(phone, "Returning"));
        var agent = fixture.members.get(Role.AGENT).toString();
        http.patch("/api/v1/conversations/" + first, key, "{\"assigneeId\": \"" + agent + "\", \"labels\": [\"repeat\"]}");

        var resolved = http.patch("/api/v1/conversations/" + first, key, "{\"status\": \"resolved\"}").json();
        assertThat(resolved.get("status").asString()).isEqualTo("resolved");
        assertThat(resolved.get("state").asString()).isEqualTo("ended");
        assertThat(resolved.path("endedAt").isMissingNode()).isFalse();

        number.customerWritesText(phone, "Returning", "me again " + run);
        Eventually.await(() -> http.get("/api/v1/conversations?contactId=" + contactOf(phone), key).json().get("items").size() == 2);
        var history = http.get("/api/v1/conversations?contactId=" + contactOf(phone), key).json().get("items");
        var current = history.get(0);
        assertThat(current.get("id").asString()).isNotEqualTo(first);
        assertThat(current.get("current").asBoolean()).isTrue();
        assertThat(current.get("status").asString()).isEqualTo("open");
        assertThat(current.get("unread").asInt()).isEqualTo(1);
        assertThat(current.get("assigneeId").asString()).isEqualTo(agent);
        assertThat(current.get("labels").toString()).isEqualTo("[\"repeat\"]");
        assertThat(history.get(1).get("current").asBoolean()).isFalse();
    }

    @Test
    void aPendingOrSnoozedConversationOpensWhenTheCustomerWrites() {
        var phone = "+9194" + run + "1";
        var conversation = conversationOf(customerWrites(phone, "Snoozer"));
        var until = java.time.Instant.now().plus(Duration.ofDays(1));
        var snoozed = http.patch("/api/v1/conversations/" + conversation, key,
                "{\"status\": \"snoozed\", \"snoozedUntil\": \"" + until + "\"}");
        assertThat(snoozed.json().get("status").asString()).isEqualTo("snoozed");

        number.customerWritesText(phone, "Snoozer", "hello? " + run);

        Eventually.await(() -> status(conversation).equals("open"));
        var now = http.get("/api/v1/conversations?contactId=" + contactOf(phone), key).json().get("items").get(0);
        assertThat(now.path("snoozedUntil").isMissingNode()).isTrue();
        assertThat(now.get("unread").asInt()).isEqualTo(2);
    }

    @Test
    void newConversationsGoInTurnToTheAgentsOnlineOnly() {
        var second = secondAgent();
        var first = fixture.members.get(Role.AGENT);
        presence.beat(fixture.workspace, Set.of(first, second));

        var assignees = new ArrayList<String>();
        for (int i = 0; i < 4; i++) {
            var conversation = conversationOf(customerWrites("+9193" + run + i, "Turn " + i));
            assignees.add(assignee(conversation));
        }

        assertThat(assignees).containsOnly(first.toString(), second.toString());
        assertThat(assignees.stream().filter(first.toString()::equals).count()).isEqualTo(2);
    }

    @Test
    void nobodyOnlineLeavesANewConversationUnassigned() {
        var conversation = conversationOf(customerWrites("+9192" + run + "1", "Alone"));
        assertThat(assignee(conversation)).isNull();
    }

    @Test
    void theApiStreamCarriesACustomersMessageWithinASecondAndOnlyThisWorkspacesEvents() throws Exception {
        var other = new TeamFixture(signUp, team, apiKeys, workspaces, "Other Shop");
        var otherNumber = SandboxNumber.connect(http, other.keys.get(Role.OWNER));
        try (var stream = new EventStream(port, "/api/v1/events", "Authorization", "Bearer " + key);
                var otherStream = new EventStream(port, "/api/v1/events", "Authorization", "Bearer " + other.keys.get(Role.OWNER))) {
            assertThat(stream.status()).isEqualTo(200);
            assertThat(otherStream.status()).isEqualTo(200);
            var text = "live " + run;
            var sentAt = System.nanoTime();
            number.customerWritesText("+9191" + run + "1", "Live", text);

            var event = stream.next("message.received", data -> text.equals(data.path("message").path("text").asString(null)),
                    Duration.ofSeconds(5));
            assertThat(event).isNotNull();
            assertThat(Duration.ofNanos(event.at() - sentAt)).isLessThan(Duration.ofSeconds(1));
            assertThat(event.data().get("conversationId").asString()).isEqualTo(event.data().get("message").get("conversationId").asString());
            assertThat(event.data().get("workspaceId").asString()).isEqualTo(fixture.workspace.toString());
            assertThat(event.data().get("message").get("from").asString()).isEqualTo("+9191" + run + "1");
            assertThat(otherStream.next("message.received", data -> true, Duration.ofMillis(500))).isNull();

            otherNumber.customerWritesText("+9191" + run + "2", "Elsewhere", "other " + run);
            assertThat(otherStream.next("message.received", data -> true, Duration.ofSeconds(5))).isNotNull();
            assertThat(stream.next("message.received", data -> data.path("message").path("text").asString("").startsWith("other"),
                    Duration.ofMillis(500))).isNull();
        }
    }

    @Test
    void aNotifyFromAnotherConnectionReachesTheStreamAsAnotherNodesEventWould() throws Exception {
        var conversation = conversationOf(customerWrites("+9190" + run + "1", "Noded"));
        try (var stream = new EventStream(port, "/api/v1/events", "Authorization", "Bearer " + key);
                var connection = dataSource.getConnection()) {
            assertThat(stream.status()).isEqualTo(200);
            connection.setAutoCommit(true);
            try (var statement = connection.prepareStatement("select pg_notify('inbox_events', ?)")) {
                statement.setString(1, "conversation.updated|" + fixture.workspace.value() + "|" + conversation + "|");
                statement.execute();
            }

            var event = stream.next("conversation.updated", data -> conversation.equals(data.path("conversationId").asString()),
                    Duration.ofSeconds(2));

            assertThat(event).isNotNull();
            assertThat(event.data().get("conversation").get("status").asString()).isEqualTo("open");
        }
    }

    @Test
    void aTransactionsEventsComeInOneNotifyAndEachReachesTheStream() throws Exception {
        var first = conversationOf(customerWrites("+9188" + run + "1", "Batched One"));
        var second = conversationOf(customerWrites("+9188" + run + "2", "Batched Two"));
        try (var stream = new EventStream(port, "/api/v1/events", "Authorization", "Bearer " + key);
                var connection = dataSource.getConnection()) {
            assertThat(stream.status()).isEqualTo(200);
            connection.setAutoCommit(true);
            try (var statement = connection.prepareStatement("select pg_notify('inbox_events', ?)")) {
                statement.setString(1, "conversation.updated|" + fixture.workspace.value() + "|" + first + "|\n"
                        + "conversation.updated|" + fixture.workspace.value() + "|" + second + "|");
                statement.execute();
            }

            assertThat(stream.next("conversation.updated", data -> first.equals(data.path("conversationId").asString()),
                    Duration.ofSeconds(2))).isNotNull();
            assertThat(stream.next("conversation.updated", data -> second.equals(data.path("conversationId").asString()),
                    Duration.ofSeconds(2))).isNotNull();
        }
    }

    @Test
    void aChangeIsAnEventWithTheConversationsNewState() throws Exception {
        var conversation = conversationOf(customerWrites("+9189" + run + "1", "Changed"));
        try (var stream = new EventStream(port, "/api/v1/events", "Authorization", "Bearer " + key)) {
            assertThat(stream.status()).isEqualTo(200);
            http.patch("/api/v1/conversations/" + conversation, key, "{\"labels\": [\"hot\"]}");

            var event = stream.next("conversation.updated", data -> conversation.equals(data.path("conversationId").asString()),
                    Duration.ofSeconds(2));

            assertThat(event).isNotNull();
            assertThat(event.data().get("conversation").get("labels").toString()).isEqualTo("[\"hot\"]");
        }
    }

    private UUID secondAgent() {
        var email = "agent2-" + run + "@inbox.example";
        var invitation = team.invite(fixture.owner(), email, Role.AGENT);
        assertThat(team.accept(invitation.token().reveal(), "Second Agent", TeamFixture.PASSWORD, true, true)).isEmpty();
        return workspaces.members(fixture.workspace, null, 100).items().stream()
                .filter(member -> member.email().equals(email)).findFirst().orElseThrow().id();
    }

    private String customerWrites(String phone, String name) {
        number.customerWritesText(phone, name, "hello from " + name + " " + run);
        Eventually.await(() -> contactOf(phone) != null
                && !http.get("/api/v1/conversations?contactId=" + contactOf(phone), key).json().get("items").isEmpty());
        return phone;
    }

    private String conversationOf(String phone) {
        return http.get("/api/v1/conversations?contactId=" + contactOf(phone), key).json().get("items").get(0).get("id").asString();
    }

    private String contactOf(String phone) {
        var items = http.get("/api/v1/contacts?phone=" + phone.replace("+", "%2B"), key).json().get("items");
        return items.isEmpty() ? null : items.get(0).get("id").asString();
    }

    private List<String> ids(String path) {
        var answer = http.get(path, key);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        var ids = new ArrayList<String>();
        answer.json().get("items").forEach(item -> ids.add(item.get("id").asString()));
        return ids;
    }

    private String status(String conversation) {
        return jdbc.sql("select inbox_status from conversations where id = ?").params(UUID.fromString(conversation))
                .query(String.class).single();
    }

    private String assignee(String conversation) {
        return jdbc.sql("select cast(assignee_id as text) from conversations where id = ?").params(UUID.fromString(conversation))
                .query(String.class).optional().orElse(null);
    }
}
