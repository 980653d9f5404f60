package com.maxmysales.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import com.maxmysales.platform.DataDirectory;
import com.maxmysales.shared.Permission;
import com.maxmysales.shared.RequiresPermission;
import com.maxmysales.support.Http;
import com.maxmysales.support.PlatformTest;
import com.maxmysales.support.WebSession;
import com.maxmysales.tenancy.ApiKeyManagement;
import com.maxmysales.tenancy.BusinessUserPrincipal;
import com.maxmysales.tenancy.Role;
import com.maxmysales.tenancy.SignUp;
import com.maxmysales.tenancy.Team;
import com.maxmysales.tenancy.WorkspaceManagement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static com.maxmysales.tenancy.Role.ADMIN;
import static com.maxmysales.tenancy.Role.AGENT;
import static com.maxmysales.tenancy.Role.ANALYST;
import static com.maxmysales.tenancy.Role.OWNER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Issue 11 item 4, "roles are not enforced outside settings": agents and analysts could export every contact as
 * CSV, edit contacts and opt them out, import, and create lead sources with the key shown to them. The role
 * matrix (docs/roles.md) is checked here as a table, role by endpoint, over real HTTP: with an API key of each
 * role, and signed in as a person of each role.
 */
@PlatformTest
class RoleMatrixSecurityTests {

    private static final Set<Role> MANAGERS = EnumSet.of(OWNER, ADMIN);
    private static final Set<Role> WORKERS = EnumSet.of(OWNER, ADMIN, AGENT);
    private static final Set<Role> READERS = EnumSet.of(OWNER, ADMIN, ANALYST);
    private static final Set<Role> EVERYONE = EnumSet.allOf(Role.class);

    /** One request of the table; {@code {contactId}} is the fixture's contact, {@code {random}} an id of nothing. */
    record Call(String method, String path, String contentType, String body, Set<Role> allowed) {

        static Call get(String path, Set<Role> allowed) {
            return new Call("GET", path, null, null, allowed);
        }

        static Call json(String method, String path, String body, Set<Role> allowed) {
            return new Call(method, path, "application/json", body, allowed);
        }

        static Call text(String method, String path, String body, Set<Role> allowed) {
            return new Call(method, path, "text/csv", body, allowed);
        }

        static Call form(String path, Set<Role> allowed) {
            return new Call("POST", path, "application/x-www-form-urlencoded", null, allowed);
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static Stream<Arguments> apiCalls() {
        return table(
                // the audit's findings
                Call.get("/api/v1/contacts/export.csv", MANAGERS),
                Call.json("PATCH", "/api/v1/contacts/{contactId}", "{\"name\": \"Changed\"}", MANAGERS),
                Call.json("POST", "/api/v1/contacts/{contactId}/consents",
                        "{\"purpose\": \"marketing\", \"status\": \"withdrawn\", \"source\": \"agent\"}", MANAGERS),
                new Call("POST", "/api/v1/contacts/imports", "text/csv", "phone\n+919800000001\n", MANAGERS),
                Call.get("/api/v1/contacts/imports", MANAGERS),
                Call.json("POST", "/api/v1/lead-sources", "{\"type\": \"google\"}", MANAGERS),
                Call.get("/api/v1/lead-sources", MANAGERS),
                // contacts
                Call.get("/api/v1/contacts", WORKERS),
                Call.get("/api/v1/contacts/{contactId}", WORKERS),
                Call.json("POST", "/api/v1/contacts", "{}", MANAGERS),
                Call.json("POST", "/api/v1/contacts/bulk", "{}", MANAGERS),
                Call.json("DELETE", "/api/v1/contacts/{random}", null, MANAGERS),
                Call.json("POST", "/api/v1/contact-lists", "{}", MANAGERS),
                // team and keys
                Call.get("/api/v1/workspace", EVERYONE),
                Call.json("PATCH", "/api/v1/workspace", "{}", MANAGERS),
                Call.get("/api/v1/members", EVERYONE),
                Call.json("PATCH", "/api/v1/members/{random}", "{\"role\": \"agent\"}", MANAGERS),
                Call.json("DELETE", "/api/v1/members/{random}", null, MANAGERS),
                Call.json("POST", "/api/v1/members/{random}/password-reset", "{}", MANAGERS),
                Call.get("/api/v1/invitations", MANAGERS),
                Call.json("POST", "/api/v1/invitations", "{}", MANAGERS),
                Call.json("DELETE", "/api/v1/invitations/{random}", null, MANAGERS),
                Call.get("/api/v1/api-keys", MANAGERS),
                Call.json("DELETE", "/api/v1/api-keys/{random}", null, MANAGERS),
                // privacy
                Call.get("/api/v1/privacy/retention", MANAGERS),
                Call.json("PUT", "/api/v1/privacy/retention", "{}", MANAGERS),
                Call.get("/api/v1/privacy/legal-holds", MANAGERS),
                Call.json("POST", "/api/v1/privacy/legal-holds", "{}", MANAGERS),
                Call.json("DELETE", "/api/v1/privacy/legal-holds/{random}", null, MANAGERS),
                Call.get("/api/v1/privacy/purges", MANAGERS),
                Call.json("POST", "/api/v1/privacy/purges", "{\"dryRun\": true}", MANAGERS),
                Call.get("/api/v1/privacy/audit", MANAGERS),
                Call.get("/api/v1/privacy/requests", MANAGERS),
                Call.json("POST", "/api/v1/privacy/requests", "{}", MANAGERS),
                Call.get("/api/v1/privacy/breaches", MANAGERS),
                Call.json("POST", "/api/v1/privacy/breaches", "{}", MANAGERS),
                Call.get("/api/v1/privacy/breaches/{random}/affected.csv", MANAGERS),
                Call.get("/api/v1/privacy/breaches/{random}/affected", MANAGERS),
                Call.get("/api/v1/privacy/contact", MANAGERS),
                Call.json("PUT", "/api/v1/privacy/contact", "{}", MANAGERS),
                Call.json("POST", "/api/v1/privacy/disclosures", "{}", MANAGERS),
                Call.get("/api/v1/reports/compliance", MANAGERS),
                // webhooks, channels, conversations, statistics
                Call.get("/api/v1/webhooks", MANAGERS),
                Call.json("POST", "/api/v1/webhooks", "{}", MANAGERS),
                Call.get("/api/v1/channels", WORKERS),
                Call.get("/api/v1/templates", WORKERS),
                Call.json("POST", "/api/v1/templates", "{}", MANAGERS),
                Call.get("/api/v1/campaigns", MANAGERS),
                Call.json("POST", "/api/v1/campaigns", "{}", MANAGERS),
                new Call("POST", "/api/v1/campaigns", "multipart/form-data; boundary=b", "--b\r\nContent-Disposition: "
                        + "form-data; name=\"consentBasis\"\r\n\r\nform\r\n--b--\r\n", MANAGERS),
                Call.get("/api/v1/campaigns/{random}", MANAGERS),
                Call.get("/api/v1/campaigns/{random}/recipients", MANAGERS),
                Call.get("/api/v1/campaigns/{random}/preview", MANAGERS),
                Call.json("POST", "/api/v1/campaigns/{random}/launch", null, MANAGERS),
                Call.json("POST", "/api/v1/campaigns/{random}/pause", null, MANAGERS),
                Call.get("/api/v1/campaigns/settings", MANAGERS),
                Call.json("PUT", "/api/v1/campaigns/settings", "{}", MANAGERS),
                Call.json("POST", "/api/v1/channels", "{}", MANAGERS),
                Call.get("/api/v1/conversations", WORKERS),
                Call.get("/api/v1/conversations?status=open&label=vip", WORKERS),
                Call.json("PATCH", "/api/v1/conversations/{random}", "{\"status\": \"resolved\"}", WORKERS),
                Call.json("POST", "/api/v1/messages", "{}", WORKERS),
                Call.json("POST", "/api/v1/messages/bulk", "{}", WORKERS),
                Call.get("/api/v1/canned-responses", WORKERS),
                Call.json("POST", "/api/v1/canned-responses", "{}", WORKERS),
                Call.json("DELETE", "/api/v1/canned-responses/{random}", null, WORKERS),
                Call.get("/api/v1/conversations/{random}/notes", WORKERS),
                Call.json("POST", "/api/v1/conversations/{random}/notes", "{\"text\": \"x\"}", WORKERS),
                Call.get("/api/v1/leads", WORKERS),
                Call.text("PUT", "/api/v1/chatbot/faq", "question,answer\n", MANAGERS),
                Call.text("PUT", "/api/v1/chatbot/intents", "text,intent\n", MANAGERS),
                Call.get("/api/v1/chatbot/intents/evaluation", MANAGERS),
                Call.json("POST", "/api/v1/chatbot/classify", "{\"text\": \"hello\"}", MANAGERS),
                Call.json("POST", "/api/v1/chatbot/answer", "{\"text\": \"hello\"}", MANAGERS),
                Call.get("/api/v1/optout/stats", READERS),
                Call.get("/api/v1/optout/keywords", MANAGERS),
                Call.get("/api/v1/privacy/masking-counts", READERS),
                Call.get("/api/v1/analytics/messages", READERS),
                Call.get("/api/v1/analytics/intents?from=2026-01-01&to=2026-01-31", READERS),
                Call.get("/api/v1/analytics/team", READERS),
                Call.get("/api/v1/analytics/leads", READERS),
                Call.get("/api/v1/analytics/optouts", READERS),
                Call.get("/api/v1/analytics/campaigns", READERS),
                Call.get("/api/v1/analytics/messages.csv", READERS),
                // the chatbot
                Call.get("/api/v1/chatbot", MANAGERS),
                Call.json("PUT", "/api/v1/chatbot", "{}", MANAGERS),
                Call.get("/api/v1/chatbot/flows", MANAGERS),
                Call.json("POST", "/api/v1/chatbot/flows", "{}", MANAGERS),
                Call.json("POST", "/api/v1/chatbot/conversations/{random}/hand-back", "{}", MANAGERS),
                // the sandbox's customers change consent with a STOP (penetration test: an analyst opted people out)
                Call.json("POST", "/sandbox/customers/%2B919811100001/messages", "{\"to\": \"0\", \"text\": \"STOP\"}",
                        MANAGERS));
    }

    static Stream<Arguments> pages() {
        return table(
                // the audit's findings
                Call.get("/app/contacts/export.csv", MANAGERS),
                Call.form("/app/contacts/{contactId}", MANAGERS),
                Call.form("/app/contacts/{contactId}/opt-out", MANAGERS),
                Call.get("/app/contacts/import", MANAGERS),
                new Call("POST", "/app/contacts/import", "multipart/form-data", "phone\n+919800000002\n", MANAGERS),
                Call.get("/app/leads/sources", MANAGERS),
                Call.form("/app/leads/sources/google", MANAGERS),
                // the rest of the app
                Call.get("/app", EVERYONE),
                Call.form("/app/onboarding/dismiss", MANAGERS),
                Call.form("/app/notices/{random}/dismiss", EVERYONE),
                Call.get("/app/contacts", WORKERS),
                Call.get("/app/contacts/{contactId}", WORKERS),
                Call.get("/app/leads", WORKERS),
                // the inbox: every member sees the list (an analyst without content), workers work conversations
                Call.get("/app/inbox", EVERYONE),
                Call.get("/app/inbox/list", EVERYONE),
                Call.form("/app/inbox/{random}/assign", WORKERS),
                Call.form("/app/inbox/{random}/status", WORKERS),
                Call.form("/app/inbox/{random}/labels", WORKERS),
                Call.form("/app/inbox/{random}/read", WORKERS),
                Call.form("/app/inbox/settings", MANAGERS),
                Call.get("/app/inbox/canned", WORKERS),
                Call.form("/app/inbox/canned", WORKERS),
                Call.form("/app/inbox/{random}/reply", WORKERS),
                Call.form("/app/chatbot/conversations/{random}/hand-back", WORKERS),
                Call.form("/app/inbox/{random}/notes", WORKERS),
                Call.get("/app/templates", WORKERS),
                Call.get("/app/campaigns", MANAGERS),
                Call.get("/app/campaigns/new", MANAGERS),
                Call.form("/app/campaigns/new", MANAGERS),
                Call.form("/app/campaigns/rules", MANAGERS),
                Call.get("/app/campaigns/{random}/audience-import", MANAGERS),
                Call.get("/app/templates/new", MANAGERS),
                Call.form("/app/templates/new", MANAGERS),
                Call.get("/app/optout", MANAGERS),
                Call.get("/app/chatbot", MANAGERS),
                Call.form("/app/chatbot/settings", MANAGERS),
                Call.form("/app/chatbot/secret/reveal", EnumSet.of(OWNER)),
                Call.form("/app/chatbot/secret/rotate", EnumSet.of(OWNER)),
                Call.get("/app/chatbot/faq", MANAGERS),
                Call.form("/app/chatbot/faq", MANAGERS),
                Call.get("/app/chatbot/intents", MANAGERS),
                Call.get("/app/chatbot/intents/quality", MANAGERS),
                Call.form("/app/chatbot/intents", MANAGERS),
                Call.form("/app/chatbot/intents/remove", MANAGERS),
                Call.get("/app/settings/workspace", MANAGERS),
                Call.form("/app/settings/workspace", MANAGERS),
                Call.get("/app/settings/team", MANAGERS),
                Call.form("/app/settings/team/invitations", MANAGERS),
                Call.form("/app/settings/team/members/{random}/remove", MANAGERS),
                Call.get("/app/settings/api-keys", MANAGERS),
                Call.form("/app/settings/api-keys", MANAGERS),
                Call.get("/app/settings/privacy", MANAGERS),
                Call.form("/app/settings/privacy/legal-holds", MANAGERS),
                Call.get("/app/settings/audit", MANAGERS),
                // the settings pages: the index for everyone (it lists only what the role may open), the rest managers'
                Call.get("/app/settings", EVERYONE),
                Call.get("/app/settings/numbers", MANAGERS),
                Call.form("/app/settings/numbers/meta", MANAGERS),
                Call.get("/app/settings/webhooks", MANAGERS),
                Call.form("/app/settings/webhooks", MANAGERS),
                Call.get("/app/settings/optout-keywords", MANAGERS),
                Call.form("/app/settings/optout-keywords", MANAGERS),
                Call.get("/app/settings/privacy-requests", MANAGERS),
                Call.get("/app/analytics", READERS),
                Call.get("/app/analytics/optouts.csv", READERS),
                Call.get("/app/analytics/team.json", READERS),
                Call.get("/app/analytics/campaigns.csv", READERS),
                Call.form("/app/settings/privacy-requests", MANAGERS),
                Call.get("/app/settings/breaches", MANAGERS),
                Call.form("/app/settings/breaches", MANAGERS),
                Call.form("/app/settings/breaches/disclosures", MANAGERS),
                Call.form("/app/settings/breaches/contact", MANAGERS),
                Call.get("/app/compliance", MANAGERS),
                Call.get("/app/compliance/report.pdf", MANAGERS),
                // the phone simulator shows customers' chats
                Call.get("/sandbox/phone", MANAGERS));
    }

    private static Stream<Arguments> table(Call... calls) {
        var rows = new ArrayList<Arguments>();
        for (var call : calls) {
            for (var role : Role.values()) {
                rows.add(Arguments.of(role, call));
            }
        }
        return rows.stream();
    }

    private static TeamFixture team;
    private static String contactId;
    private static final Map<Role, WebSession> SESSIONS = new EnumMap<>(Role.class);

    @LocalServerPort
    int port;
    @Autowired
    SignUp signUp;
    @Autowired
    Team teams;
    @Autowired
    ApiKeyManagement apiKeys;
    @Autowired
    WorkspaceManagement workspaces;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataDirectory dataDirectory;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void aTeamWithEveryRole() {
        synchronized (RoleMatrixSecurityTests.class) {
            if (team == null) {
                team = new TeamFixture(signUp, teams, apiKeys, workspaces, "Role Matrix");
                contactId = new Http(port).post("/api/v1/contacts", team.keys.get(OWNER),
                        "{\"phone\": \"+919811100001\", \"name\": \"Kavya\", \"email\": \"kavya@customer.example\"}")
                        .json().get("id").asString();
            }
        }
    }

    @Test
    void everyPageAndApiOperationDeclaresAPermission() {
        var undeclared = new ArrayList<String>();
        var checked = 0;
        for (var entry : mappings.getHandlerMethods().entrySet()) {
            for (var pattern : entry.getKey().getPatternValues()) {
                if (pattern.startsWith("/api/") || pattern.equals("/app") || pattern.startsWith("/app/")
                        || pattern.startsWith("/sandbox/customers/") || pattern.startsWith("/sandbox/phone")
                        || (pattern.startsWith("/operator/") && !pattern.equals("/operator/login"))) {
                    checked++;
                    var method = entry.getValue();
                    if (!method.hasMethodAnnotation(RequiresPermission.class)
                            && !method.getBeanType().isAnnotationPresent(RequiresPermission.class)) {
                        undeclared.add(entry.getKey() + " -> " + method.getShortLogMessage());
                    }
                }
            }
        }
        assertThat(checked).as("endpoints found").isGreaterThan(100);
        assertThat(undeclared).as("endpoints without @RequiresPermission (add one, and a row in docs/roles.md)").isEmpty();
    }

    @ParameterizedTest(name = "{0} key: {1}")
    @MethodSource("apiCalls")
    void anApiKeyDoesWhatItsRoleAllowsAndGetsAProblemOtherwise(Role role, Call call) {
        var response = send(call, "Authorization", "Bearer " + team.keys.get(role));

        if (call.allowed().contains(role)) {
            assertThat(response.status()).as("%s with a %s key: %s", call, role, response.body()).isNotIn(401, 403);
            assertThat(response.status()).as("%s with a %s key", call, role).isLessThan(500);
        } else {
            assertThat(response.status()).as("%s with a %s key", call, role).isEqualTo(403);
            assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
            assertThat(response.json().get("type").asString()).isEqualTo("urn:maxmysales:problem:forbidden");
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("pages")
    void aSignedInPersonOpensWhatTheirRoleAllowsAndSeesTheNotAllowedPageOtherwise(Role role, Call call) {
        var session = SESSIONS.computeIfAbsent(role, signedIn -> team.signedIn(port, signedIn));
        var path = path(call);
        var response = call.method().equals("GET") ? session.get(path)
                : call.contentType().startsWith("multipart/") ? session.postFile(path, "file", "contacts.csv", call.body())
                : session.postForm(path, Map.of("name", "Changed by " + role, "email", "", "tags", "",
                        "attributes", "", "role", "agent", "recordType", "contact", "recordId", contactId,
                        "reason", "test"));

        if (call.allowed().contains(role)) {
            assertThat(response.status()).as("%s as %s", call, role).isNotEqualTo(403).isLessThan(500);
            assertThat(response.body()).doesNotContain("id=\"forbidden\"");
        } else {
            assertThat(response.status()).as("%s as %s", call, role).isEqualTo(403);
            assertThat(response.body()).contains("id=\"forbidden\"", "Not allowed");
        }
    }

    /**
     * The operator's incidents (docs/roles.md, {@code operator}) answer no workspace key of any role: the admin
     * chain's 401 problem, nothing of an incident in the body; the operator token reads them.
     */
    @ParameterizedTest
    @EnumSource(Role.class)
    void theOperatorsIncidentsAnswerNoWorkspaceKey(Role role) {
        for (var path : List.of("/api/v1/admin/privacy/breaches", "/api/v1/admin/privacy/breaches/" + UUID.randomUUID())) {
            var response = send(Call.get(path, Set.of()), "Authorization", "Bearer " + team.keys.get(role));
            assertThat(response.status()).as("%s with a %s key", path, role).isEqualTo(401);
            assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
            assertThat(response.body()).doesNotContain("items", "workspaces");
        }
        var operator = send(Call.get("/api/v1/admin/privacy/breaches", Set.of()), "Authorization",
                "Bearer " + PlatformTest.ADMIN_TOKEN);
        assertThat(operator.status()).isEqualTo(200);
    }

    /** Pages offer only what the role may do: no button that can only end on the "not allowed" page. */
    @ParameterizedTest
    @EnumSource(Role.class)
    void pagesOfferOnlyTheActionsTheRoleMayTake(Role role) {
        var session = SESSIONS.computeIfAbsent(role, signedIn -> team.signedIn(port, signedIn));
        if (role.permissions().contains(Permission.LEADS_READ)) {
            // The walk-through: an agent was offered "Lead sources", which ends on "not allowed".
            assertThat(session.get("/app/leads").body().contains("id=\"sources-link\""))
                    .isEqualTo(role.permissions().contains(Permission.LEAD_SOURCES_MANAGE));
        }
        if (!role.permissions().contains(Permission.CONTACTS_READ)) {
            return;
        }
        var list = session.get("/app/contacts").body();
        var contact = session.get("/app/contacts/" + contactId).body();

        assertThat(list.contains("id=\"import-link\"")).isEqualTo(role.permissions().contains(Permission.CONTACTS_IMPORT));
        assertThat(list.contains("id=\"export-link\"")).isEqualTo(role.permissions().contains(Permission.CONTACTS_EXPORT));
        var edits = role.permissions().contains(Permission.CONTACTS_EDIT);
        assertThat(contact.contains("id=\"save-contact\"")).isEqualTo(edits);
        assertThat(contact.contains("id=\"record-opt-out\"")).isEqualTo(edits);
        assertThat(contact.contains("<fieldset class=\"plain\" disabled")).isEqualTo(!edits);
    }

    /** What the denied attempts above would have done did not happen. */
    @Test
    void anAgentOrAnalystChangesNothingThroughTheFindingsEndpoints() {
        for (var role : new Role[] {AGENT, ANALYST}) {
            var key = team.keys.get(role);
            send(Call.json("PATCH", "/api/v1/contacts/{contactId}", "{\"name\": \"Hijacked\"}", Set.of()),
                    "Authorization", "Bearer " + key);
            var session = SESSIONS.computeIfAbsent(role, signedIn -> team.signedIn(port, signedIn));
            session.postForm("/app/contacts/" + contactId, Map.of("name", "Hijacked", "email", "", "tags", "",
                    "attributes", ""));
            var export = session.get("/app/contacts/export.csv");
            assertThat(export.body()).doesNotContain("kavya@customer.example");
        }
        var contact = new Http(port).get("/api/v1/contacts/" + contactId, team.keys.get(OWNER)).json();
        assertThat(contact.get("name").asString()).isNotEqualTo("Hijacked");
        assertThat(jdbc.sql("select count(*) from lead_sources where workspace_id = ? and name in ('Changed by AGENT', 'Changed by ANALYST')")
                .param(team.workspace.value()).query(Integer.class).single())
                .as("no lead source made by an agent or analyst").isZero();
    }

    @Test
    void aKeyIsNeverAboveItsCreatorAndTheOperatorsAndDemoKeysHaveTheirDocumentedRoles() throws IOException {
        var admin = new BusinessUserPrincipal(team.members.get(ADMIN), team.workspace, ADMIN, null);
        var refused = catchThrowable(() -> apiKeys.create(admin, "too strong", OWNER));
        assertThat(refused).hasMessageContaining("above its creator");
        assertThat(apiKeys.create(admin, "fine", ADMIN).key().reveal()).startsWith("mms_");

        var http = new Http(port);
        var operatorKey = http.createWorkspace("Operator made");
        assertThat(http.get("/api/v1/api-keys", operatorKey).json().get("items").get(0).get("role").asString())
                .as("the operator's key is the workspace's only credential: owner").isEqualTo("owner");

        var demo = Files.readString(dataDirectory.root().resolve("demo-login.txt"));
        var demoKey = demo.lines().filter(line -> line.strip().startsWith("API key:")).findFirst().orElseThrow()
                .split(":", 2)[1].strip();
        var keys = http.get("/api/v1/api-keys", demoKey);
        assertThat(keys.status()).isEqualTo(200);
        assertThat(keys.json().findValuesAsString("role")).contains("admin");
    }

    /** A replayed answer is a way past the role check, which comes after it: it must not open to another role. */
    @Test
    void anIdempotentAnswerIsNeverReplayedToAKeyOfAnotherRole() {
        var http = new Http(port);
        var idempotencyKey = Map.of("Idempotency-Key", "source-" + UUID.randomUUID());
        var body = "{\"type\": \"google\", \"name\": \"Replayed\"}";
        var created = http.post("/api/v1/lead-sources", team.keys.get(ADMIN), body, idempotencyKey);
        assertThat(created.status()).isEqualTo(201);

        var replayedToAnAgent = http.post("/api/v1/lead-sources", team.keys.get(AGENT), body, idempotencyKey);

        assertThat(replayedToAnAgent.status()).isNotEqualTo(201);
        assertThat(replayedToAnAgent.body()).doesNotContain(created.json().get("key").asString());
        assertThat(http.post("/api/v1/lead-sources", team.keys.get(ADMIN), body, idempotencyKey).header(
                "Idempotent-Replayed")).as("the same role still gets its answer again").isEqualTo("true");
    }

    /**
     * The penetration test: a second admin key replayed the first one's webhook subscription (its signing secret,
     * shown once), and an agent's earlier use of an Idempotency-Key made the owner's request a 422. Keys are scoped
     * to the credential now.
     */
    @Test
    void anIdempotentAnswerIsReplayedToTheSameKeyOnlyAndAnotherKeysUseBlocksNothing() {
        var http = new Http(port);
        var secondAdminKey = apiKeys.create(team.owner(), "second admin key", ADMIN).key().reveal();
        var idempotencyKey = Map.of("Idempotency-Key", "hook-" + UUID.randomUUID());
        var body = "{\"url\": \"http://127.0.0.1:9/hook\", \"events\": [\"message.received\"]}";
        var first = http.post("/api/v1/webhooks", team.keys.get(ADMIN), body, idempotencyKey);
        assertThat(first.status()).as(first.body()).isEqualTo(201);

        var second = http.post("/api/v1/webhooks", secondAdminKey, body, idempotencyKey);

        assertThat(second.header("Idempotent-Replayed")).isNull();
        assertThat(second.body()).doesNotContain(first.json().get("secret").asString());

        var shared = Map.of("Idempotency-Key", "order-" + UUID.randomUUID());
        assertThat(http.post("/api/v1/contacts", team.keys.get(AGENT), "{\"phone\": \"+919811100002\"}", shared).status())
                .isEqualTo(403);
        assertThat(http.post("/api/v1/contacts", team.keys.get(OWNER), "{\"phone\": \"+919811100003\"}", shared).status())
                .as("the owner's request with the key an agent used").isEqualTo(201);
    }

    /** The penetration test: an admin key revoked the owner's key. Only a role that covers a key's revokes it. */
    @Test
    void anAdminCannotRevokeTheOwnersKeys() {
        var http = new Http(port);
        var ownersKey = apiKeys.create(team.owner(), "owner's second key", OWNER);

        var byAdmin = http.delete("/api/v1/api-keys/" + ownersKey.id(), team.keys.get(ADMIN));

        assertThat(byAdmin.status()).isEqualTo(403);
        assertThat(http.get("/api/v1/workspace", ownersKey.key().reveal()).status()).as("the owner's key still works")
                .isEqualTo(200);
        assertThat(http.delete("/api/v1/api-keys/" + ownersKey.id(), team.keys.get(OWNER)).status()).isEqualTo(204);
    }

    private Http.Response send(Call call, String header, String value) {
        var builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path(call)))
                .timeout(Duration.ofSeconds(30)).header(header, value);
        if (call.contentType() != null) {
            builder.header("Content-Type", call.contentType());
        }
        builder.method(call.method(), call.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(call.body()));
        try {
            var response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Http.Response(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String path(Call call) {
        return call.path().replace("{contactId}", contactId).replace("{random}", UUID.randomUUID().toString());
    }
}
