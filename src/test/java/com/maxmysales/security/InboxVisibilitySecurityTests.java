package com.maxmysales.security;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import com.maxmysales.support.EventStream;
import com.maxmysales.support.Eventually;
import com.maxmysales.support.Http;
import com.maxmysales.support.PlatformTest;
import com.maxmysales.support.SandboxNumber;
import com.maxmysales.support.WebSession;
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
 * Who sees which conversation in the inbox: an agent sees unassigned ones and their own (all when the workspace says
 * so), never another agent's, not even by its id (404); an analyst sees the list without names, phones or text, and
 * changes nothing; another workspace's conversation does not exist. Through the pages and the live stream.
 */
@PlatformTest
class InboxVisibilitySecurityTests {

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

    Http http;
    TeamFixture fixture;
    String key;
    SandboxNumber number;
    String run;

    @BeforeEach
    void aTeamWithConversations() {
        http = new Http(port);
        fixture = new TeamFixture(signUp, team, apiKeys, workspaces, "Visible Shop");
        key = fixture.keys.get(Role.OWNER);
        number = SandboxNumber.connect(http, key);
        run = String.valueOf(System.nanoTime() % 100_000_000L);
    }

    @Test
    void anAgentSeesUnassignedConversationsAndTheirOwnButNotAnothersEvenByItsId() {
        var unassigned = conversation("+9188" + run + "1", "Una");
        var theirs = conversation("+9188" + run + "2", "Theo");
        var admins = conversation("+9188" + run + "3", "Adam");
        assign(theirs, fixture.members.get(Role.AGENT));
        assign(admins, fixture.members.get(Role.ADMIN));
        var agent = fixture.signedIn(port, Role.AGENT);

        var list = agent.get("/app/inbox?view=all&status=any");

        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains(unassigned, theirs).doesNotContain(admins, "Adam");
        var resolve = agent.postForm("/app/inbox/" + admins + "/status", Map.of("status", "resolved"));
        assertThat(resolve.status()).isEqualTo(404);
        assertThat(agent.postForm("/app/inbox/" + admins + "/assign", Map.of("assigneeId", "me")).status()).isEqualTo(404);
        assertThat(status(admins)).isEqualTo("open");
        assertThat(assignee(admins)).isEqualTo(fixture.members.get(Role.ADMIN));
        assertThat(agent.get("/app/inbox/list?view=mine&status=any").body()).contains(theirs).doesNotContain(unassigned);

        var owner = fixture.signedIn(port, Role.OWNER);
        assertThat(owner.get("/app/inbox?view=all&status=any").body()).contains(unassigned, theirs, admins);
        assertThat(owner.postForm("/app/inbox/settings", Map.of("agentsSeeAll", "true", "readReceipts", "true", "autoAssign", "true")).status())
                .isEqualTo(302);
        assertThat(agent.get("/app/inbox?view=all&status=any").body()).contains(admins);
    }

    @Test
    void anAgentsLiveStreamCarriesNoMessageOfAnotherAgentsConversation() throws Exception {
        var phone = "+9187" + run + "1";
        var admins = conversation(phone, "Private");
        assign(admins, fixture.members.get(Role.ADMIN));
        var agent = fixture.signedIn(port, Role.AGENT);
        var admin = fixture.signedIn(port, Role.ADMIN);
        try (var agentStream = stream(agent); var adminStream = stream(admin)) {
            assertThat(agentStream.status()).isEqualTo(200);
            assertThat(adminStream.status()).isEqualTo(200);
            number.customerWritesText(phone, "Private", "secret " + run);

            assertThat(adminStream.next("message.received", data -> admins.equals(data.path("conversationId").asString()),
                    Duration.ofSeconds(5))).isNotNull();
            assertThat(agentStream.next("message.received", data -> admins.equals(data.path("conversationId").asString()),
                    Duration.ofMillis(700))).isNull();
        }
    }

    @Test
    void anAnalystSeesTheListWithoutNamesPhonesOrTextAndChangesNothing() throws Exception {
        var phone = "+9186" + run + "1";
        var conversation = conversation(phone, "Nisha Private");
        var analyst = fixture.signedIn(port, Role.ANALYST);

        var list = analyst.get("/app/inbox?view=all&status=any");

        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains(conversation).doesNotContain("Nisha", phone, "hello from", "id=\"inbox-search\"");
        assertThat(analyst.get("/app/inbox?view=all&status=any&q=Nisha").body()).contains(conversation);
        assertThat(analyst.postForm("/app/inbox/" + conversation + "/status", Map.of("status", "resolved")).status())
                .isEqualTo(403);
        try (var stream = stream(analyst)) {
            assertThat(stream.status()).isEqualTo(200);
            number.customerWritesText(phone, "Nisha Private", "my address is " + run);
            var event = stream.next("message.received", data -> conversation.equals(data.path("conversationId").asString()),
                    Duration.ofSeconds(5));
            assertThat(event).isNotNull();
            assertThat(event.data().toString()).doesNotContain(run, "Nisha", phone);
        }
    }

    @Test
    void anotherWorkspacesConversationDoesNotExistForTheInboxPages() {
        var conversation = conversation("+9185" + run + "1", "Elsewhere");
        var other = new TeamFixture(signUp, team, apiKeys, workspaces, "Other Visible");
        var stranger = other.signedIn(port, Role.OWNER);

        assertThat(stranger.get("/app/inbox?view=all&status=any").body()).doesNotContain(conversation);
        assertThat(stranger.postForm("/app/inbox/" + conversation + "/assign", Map.of("assigneeId", "me")).status())
                .isEqualTo(404);
        assertThat(stranger.postForm("/app/inbox/" + conversation + "/read", Map.of()).status()).isEqualTo(404);
        assertThat(http.patch("/api/v1/conversations/" + conversation, other.keys.get(Role.OWNER), "{\"status\": \"resolved\"}")
                .status()).isEqualTo(404);
        assertThat(status(conversation)).isEqualTo("open");
        assertThat(assignee(conversation)).isNull();
    }

    /**
     * A stream outlives the request that opened it: the person or key holding it is checked again while it is open.
     * Attack found: a disabled agent, an agent made analyst and a revoked key kept receiving message text.
     */
    @Test
    void anOpenStreamFollowsItsCallerDisabledDemotedOrRevoked() throws Exception {
        var phone = "+9185" + run + "1";
        var conversation = conversation(phone, "Kavya");
        var agentKey = fixture.keys.get(Role.AGENT);
        try (var agentStream = stream(fixture.signedIn(port, Role.AGENT));
                var keyStream = new EventStream(port, "/api/v1/events", "Authorization", "Bearer " + agentKey)) {
            assertThat(agentStream.status()).isEqualTo(200);
            assertThat(keyStream.status()).isEqualTo(200);

            assertThat(http.patch("/api/v1/members/" + fixture.members.get(Role.AGENT), key, "{\"role\": \"analyst\"}")
                    .status()).isEqualTo(200);
            assertThat(http.delete("/api/v1/api-keys/" + agentKeyId(), key).status()).isEqualTo(204);
            Thread.sleep(4_500); // the re-check runs every 2 s
            number.customerWritesText(phone, "Kavya", "after the change " + run);

            var demoted = agentStream.next("message.received",
                    data -> conversation.equals(data.path("conversationId").asString()), Duration.ofSeconds(5));
            assertThat(demoted).as("the stream goes on, as an analyst's").isNotNull();
            assertThat(demoted.data().toString()).doesNotContain("after the change", "Kavya", phone);
            assertThat(keyStream.next("message.received", data -> true, Duration.ofSeconds(2)))
                    .as("a revoked key's stream ended").isNull();
        }
    }

    /** Attack found: one session opened 8,296 streams and the node stopped answering anyone. */
    @Test
    void onePersonCannotHoldMoreThanAFewStreams() throws Exception {
        var agent = fixture.signedIn(port, Role.AGENT);
        var open = new java.util.ArrayList<EventStream>();
        try {
            for (int i = 0; i < 5; i++) {
                var stream = stream(agent);
                open.add(stream);
                assertThat(stream.status()).isEqualTo(200);
            }
            var sixth = stream(agent);
            open.add(sixth);
            assertThat(sixth.status()).isEqualTo(429);
        } finally {
            open.forEach(EventStream::close);
        }
    }

    /**
     * Attack found: an Idempotency-Key reused on another conversation by another key answered with the first caller's
     * note; a "return" with a URI template and a far-future snooze answered 500.
     */
    @Test
    void reusedKeysTemplatedReturnsAndEndlessSnoozesAreHarmless() {
        var first = conversation("+9184" + run + "1", "Ira");
        var second = conversation("+9184" + run + "2", "Om");
        var ownerNote = http.post("/api/v1/conversations/" + first + "/notes", key, "{\"text\": \"owner secret\"}",
                java.util.Map.of("Idempotency-Key", "order-42"));
        assertThat(ownerNote.status()).isEqualTo(201);

        var agentNote = http.post("/api/v1/conversations/" + second + "/notes", fixture.keys.get(Role.AGENT),
                "{\"text\": \"agent note\"}", java.util.Map.of("Idempotency-Key", "order-42"));

        assertThat(agentNote.status()).isEqualTo(201);
        assertThat(agentNote.body()).contains("agent note").doesNotContain("owner secret");
        var owner = fixture.signedIn(port, Role.OWNER);
        var templated = owner.postForm("/app/inbox/" + first + "/labels", Map.of("labels", "vip", "return", "/app/inbox{x}"));
        assertThat(templated.status()).isEqualTo(302);
        assertThat(templated.header("Location")).endsWith("/app/inbox");
        var climbing = owner.postForm("/app/inbox/" + first + "/labels",
                Map.of("labels", "vip", "return", "/app/inbox/../../sandbox/phone"));
        assertThat(climbing.header("Location")).endsWith("/app/inbox");
        assertThat(owner.postForm("/app/inbox/" + first + "/snooze", Map.of("duration", "PT2562047788015215H")).status())
                .isEqualTo(400);
        assertThat(http.patch("/api/v1/conversations/" + first, key,
                "{\"status\": \"snoozed\", \"snoozedUntil\": \"+999999999-12-31T23:59:59Z\"}").status()).isEqualTo(400);
    }

    private String agentKeyId() {
        for (var item : http.get("/api/v1/api-keys", key).json().get("items")) {
            if (item.get("name").asString().equals("agent key")) { // TeamFixture names its keys by role
                return item.get("id").asString();
            }
        }
        throw new AssertionError("no agent key");
    }

    private EventStream stream(WebSession session) {
        return new EventStream(port, "/app/inbox/events", "Cookie", "MMS_SESSION=" + session.cookie("MMS_SESSION"));
    }

    private String conversation(String phone, String name) {
        number.customerWritesText(phone, name, "hello from " + name + " " + run);
        Eventually.await(() -> contactOf(phone) != null
                && !http.get("/api/v1/conversations?contactId=" + contactOf(phone), key).json().get("items").isEmpty());
        return http.get("/api/v1/conversations?contactId=" + contactOf(phone), key).json().get("items").get(0)
                .get("id").asString();
    }

    private String contactOf(String phone) {
        var items = http.get("/api/v1/contacts?phone=" + phone.replace("+", "%2B"), key).json().get("items");
        return items.isEmpty() ? null : items.get(0).get("id").asString();
    }

    private void assign(String conversation, UUID member) {
        var answer = http.patch("/api/v1/conversations/" + conversation, key, "{\"assigneeId\": \"" + member + "\"}");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    }

    private String status(String conversation) {
        return jdbc.sql("select inbox_status from conversations where id = ?").params(UUID.fromString(conversation))
                .query(String.class).single();
    }

    private UUID assignee(String conversation) {
        return jdbc.sql("select assignee_id from conversations where id = ?").params(UUID.fromString(conversation))
                .query(UUID.class).optional().orElse(null);
    }
}
