package com.maxmysales.tenancy;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

import com.maxmysales.contacts.ContactImports;
import com.maxmysales.integrations.Subscriptions;
import com.maxmysales.messaging.Lane;
import com.maxmysales.messaging.MediaLibrary;
import com.maxmysales.messaging.MessagePurpose;
import com.maxmysales.messaging.Outbound;
import com.maxmysales.messaging.OutboundRequest;
import com.maxmysales.messaging.OutboundResult;
import com.maxmysales.messaging.Recipient;
import com.maxmysales.privacy.retention.LegalHolds;
import com.maxmysales.privacy.requests.NewPrivacyRequest;
import com.maxmysales.privacy.requests.PrivacyRequests;
import com.maxmysales.shared.PhoneNumber;
import com.maxmysales.support.Http;
import com.maxmysales.support.PlatformTest;
import com.maxmysales.whatsapp.ChannelManagement;
import com.maxmysales.whatsapp.message.Template;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static com.maxmysales.support.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Calls every workspace endpoint of {@code /api/v1} as workspace A with the ids of workspace B's rows and
 * expects "not found", and every list as A expecting none of B's ids. A new endpoint with a path variable
 * fails this test until a fixture for that variable is added below, so none can slip past it. A write that answered
 * "not found" after changing B's row would pass the status check: every row of B, in every table, is compared with
 * what it was before A's calls. Release a hold of any workspace and only then answer 404 (LegalHolds.release) → fails.
 */
@PlatformTest
class WorkspaceIsolationSystemTests {

    private static final Pattern VARIABLE = Pattern.compile("\\{(\\w+)}");
    /** Path variables that name no row: A asks for its own data under them, and must see none of B's. */
    private static final Map<String, String> NOT_AN_ID = Map.of("chart", "messages");

    @LocalServerPort
    int port;
    @Autowired
    ContactImports imports;
    @Autowired
    com.maxmysales.contacts.ContactGroups groups;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    @Autowired
    SignUp signUp;
    @Autowired
    Team team;
    @Autowired
    ApiKeyManagement apiKeys;
    @Autowired
    ChannelManagement channels;
    @Autowired
    Outbound outbound;
    @Autowired
    Subscriptions subscriptions;
    @Autowired
    MediaLibrary media;
    @Autowired
    PrivacyRequests privacyRequests;
    @Autowired
    LegalHolds legalHolds;
    @Autowired
    com.maxmysales.leads.LeadSources leadSources;
    @Autowired
    com.maxmysales.leads.LeadIntake leadIntake;
    @Autowired
    com.maxmysales.whatsapp.TemplateCatalogue templates;
    @Autowired
    com.maxmysales.inbox.CannedResponses canned;
    @Autowired
    com.maxmysales.inbox.Notes notes;

    Http http;
    String keyOfA;
    String keyOfB;
    Map<String, String> idsOfB = new HashMap<>();
    com.maxmysales.shared.WorkspaceId workspaceOfB;

    @BeforeEach
    void twoWorkspaces() {
        http = new Http(port);
        keyOfA = http.createWorkspace("Workspace A");
        var b = (SignUp.Result.Created) signUp.register(new SignUp.Form("Workspace B", "Bea", "bea-" + System.nanoTime()
                + "@b.example", "correct horse battery", true, true));
        var bKey = apiKeys.create(b.workspace(), "B's key", b.owner());
        keyOfB = bKey.key().reveal();
        workspaceOfB = b.workspace();
        idsOfB.put("memberId", b.owner().toString());
        idsOfB.put("invitationId", team.invite(new BusinessUserPrincipal(b.owner(), b.workspace(), Role.OWNER, null),
                "invitee-" + System.nanoTime() + "@b.example", Role.AGENT).id().toString());
        idsOfB.put("apiKeyId", bKey.id().toString());
        var channel = channels.connectSandbox(b.workspace(), null);
        idsOfB.put("channelId", channel.id().toString());
        var message = ((OutboundResult.Queued) outbound.queue(OutboundRequest.of(b.workspace(),
                Recipient.of(new PhoneNumber("+919811199999")), Template.of("hello_world", "en_US"), MessagePurpose.SERVICE,
                Lane.FOLLOW_UP))).message();
        idsOfB.put("messageId", message.id().toString());
        idsOfB.put("conversationId", message.conversationId().toString());
        idsOfB.put("contactId", message.contactId().toString());
        idsOfB.put("mediaId", media.upload(b.workspace(), channel.id(),
                new org.springframework.core.io.ByteArrayResource(new byte[] {1, 2, 3}), 3, "image/png", "b.png")
                .id().toString());
        idsOfB.put("requestId", privacyRequests.file(b.workspace(), new NewPrivacyRequest("grievance", "business",
                "+919811199999", null, null, null, "Please stop calling me", null)).id().toString());
        idsOfB.put("holdId", legalHolds.place(b.workspace(), "contact", message.contactId().value(), "court order")
                .id().toString());
        idsOfB.put("subscriptionId", subscriptions.create(b.workspace(), "http://127.0.0.1:9/hooks", null)
                .subscription().id().toString());
        idsOfB.put("importId", imports.upload(b.workspace(), "b.csv", new java.io.ByteArrayInputStream(
                "phone\n+919811199998\n".getBytes(java.nio.charset.StandardCharsets.UTF_8))).id().toString());
        var request = java.util.UUID.randomUUID();
        jdbc.sql("""
                insert into email_optout_requests (id, workspace_id, message_hash, received_at, due_at, status)
                values (?, ?, ?, now(), now(), 'open')""")
                .params(request, b.workspace().value(), request.toString().getBytes()).update();
        idsOfB.put("emailRequestId", request.toString());
        // A merge of B's: made by B's own webhooks in OnePersonOneContactSystemTests; here only its row is needed.
        var merge = java.util.UUID.randomUUID();
        jdbc.sql("""
                insert into contact_merges (id, workspace_id, survivor_id, absorbed_id, merged_at, undo_until,
                    lead_restricted, created_at, updated_at, taken_columns, survivor_lead_restricted, tags, tags_added,
                    lists, lists_added, moved)
                values (?, ?, ?, ?, now(), now() + interval '30 days', false, now(), now(), '{}', false, '{}', '{}',
                    '{}', '{}', '{}')""")
                .params(merge, b.workspace().value(), message.contactId().value(), java.util.UUID.randomUUID()).update();
        idsOfB.put("mergeId", merge.toString());
        var leadSource = leadSources.createGoogle(b.workspace(), "B's form", null, null);
        idsOfB.put("leadSourceId", leadSource.source().id().toString());
        leadIntake.acceptGoogle(("{\"lead_id\": \"b-" + request + "\", \"google_key\": \"" + leadSource.key().reveal()
                + "\", \"user_column_data\": [{\"column_id\": \"PHONE_NUMBER\", \"string_value\": \"+919811199997\"}]}")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8), null);
        idsOfB.put("leadId", jdbc.sql("select id from leads where external_id = ?").params("b-" + request)
                .query(java.util.UUID.class).single().toString());
        // A template of B's account, as Meta's review webhook would have catalogued it.
        templates.apply(new com.maxmysales.whatsapp.TemplateCatalogue.StatusUpdate(channel.wabaId(), "1689556908129835",
                "b_offer", "en", "REJECTED", "INVALID_FORMAT", null, "MARKETING", null));
        idsOfB.put("templateId", templates.list(b.workspace(), null, null, null).items().getFirst().id().toString());
        idsOfB.put("cannedResponseId", canned.create(b.workspace(), "b", "B's saved reply").id().toString());
        notes.add(b.workspace(), message.conversationId(), b.owner(), "B's note", null);
        idsOfB.put("listId", groups.createList(b.workspace(), "B's list").id().toString());
        idsOfB.put("segmentId", groups.createSegment(b.workspace(), "B's segment",
                new com.maxmysales.contacts.SegmentFilter(null, null, null, null, null, null, null, null)).id().toString());
        // A campaign, a chatbot flow and a breach, made through B's own API as B's owner would make them.
        var sale = http.post("/api/v1/templates", keyOfB, """
                {"name": "b_sale", "language": "en_US", "category": "MARKETING",
                 "components": [{"type": "BODY", "text": "Our sale starts today in the shop"}]}""");
        assertThat(sale.status()).as(sale.body()).isEqualTo(201);
        await(() -> "APPROVED".equals(http.get("/api/v1/templates/" + sale.json().get("id").asString(), keyOfB).json()
                .get("status").asString()));
        idsOfB.put("id", created(http.post("/api/v1/campaigns", keyOfB, """
                {"name": "B's sale", "template": {"name": "b_sale", "language": "en_US"}, "audience": {"tag": "b"}}""")));
        idsOfB.put("flowId", created(http.post("/api/v1/chatbot/flows", keyOfB, """
                {"name": "B's welcome", "trigger": {"type": "welcome"}, "start": "hi",
                 "steps": [{"id": "hi", "type": "message", "text": "Welcome to B"}]}""")));
        var now = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        idsOfB.put("breachId", created(http.post("/api/v1/privacy/breaches", keyOfB, """
                {"detectedAt": "%s", "description": "B's laptop was stolen.", "exposedFrom": "%s", "exposedTo": "%s",
                 "dataCategories": ["contacts"]}""".formatted(now, now.minusSeconds(86_400), now))));
    }

    private static String created(Http.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("id").asString();
    }

    @Test
    void noEndpointRevealsOrChangesAnotherWorkspacesRows() {
        var endpoints = new java.util.ArrayList<Map.Entry<RequestMethod, String>>();
        for (var info : mappings.getHandlerMethods().keySet()) {
            for (var pattern : info.getPatternValues()) {
                // A stream never ends: its isolation (only the key's workspace's events) is proven by
                // InboxSystemTests.theApiStreamCarriesACustomersMessageWithinASecondAndOnlyThisWorkspacesEvents.
                var stream = info.getProducesCondition().getProducibleMediaTypes()
                        .contains(org.springframework.http.MediaType.TEXT_EVENT_STREAM);
                if (pattern.startsWith("/api/v1/") && !pattern.startsWith("/api/v1/admin/") && !stream) {
                    info.getMethodsCondition().getMethods().forEach(method -> endpoints.add(Map.entry(method, pattern)));
                }
            }
        }
        // Lists first: once A has asked for B's ids, A's own audit log rightly records that it asked.
        endpoints.sort(java.util.Comparator.comparing(endpoint -> endpoint.getValue().contains("{")));
        settled();
        var before = rowsOfB();

        endpoints.forEach(endpoint -> checkAsWorkspaceA(endpoint.getKey(), endpoint.getValue()));

        assertThat(endpoints.size()).as("workspace endpoints found").isGreaterThanOrEqualTo(12);
        assertThat(rowsOfB()).as("B's rows after every call of A's").isEqualTo(before);
        assertThat(http.get("/api/v1/workspace", keyOfB).status()).as("B's key still works").isEqualTo(200);
    }

    /** Until B's own work in the background (its message's statuses, its lead) is done, its rows change by themselves. */
    private void settled() {
        await(() -> jdbc.sql("select count(*) from messages where id = cast(? as uuid) and status in ('read', 'failed')")
                .param(idsOfB.get("messageId")).query(Integer.class).single() == 1
                && jdbc.sql("select count(*) from leads where id = cast(? as uuid) and stage = 'processed'")
                        .param(idsOfB.get("leadId")).query(Integer.class).single() == 1);
    }

    /** Every row of workspace B, table by table, as PostgreSQL prints it. */
    private Map<String, java.util.List<String>> rowsOfB() {
        var workspace = workspaceOfB.value();
        var rows = new java.util.TreeMap<String, java.util.List<String>>();
        for (var table : jdbc.sql("""
                select table_name from information_schema.columns
                where table_schema = 'public' and column_name = 'workspace_id'
                """).query(String.class).list()) {
            rows.put(table, jdbc.sql("select t::text from \"" + table + "\" t where workspace_id = ? order by 1")
                    .param(workspace).query(String.class).list());
        }
        // Two of B's rows change by themselves, and only their bookkeeping is left out: when B's own key was last used,
        // and the attempts of the delivery worker at B's webhook endpoint, which is not there.
        rows.put("api_keys", jdbc.sql("""
                select concat_ws('|', id, name, hint, role, revoked_at) from api_keys where workspace_id = ? order by 1
                """)
                .param(workspace).query(String.class).list());
        rows.put("webhook_deliveries", jdbc.sql("""
                select concat_ws('|', id, subscription_id, event_type, event_key, contact_id, payload, created_at, delivered_at)
                from webhook_deliveries where workspace_id = ? order by 1
                """)
                .param(workspace).query(String.class).list());
        return rows;
    }

    private void checkAsWorkspaceA(RequestMethod method, String pattern) {
        var matcher = VARIABLE.matcher(pattern);
        var path = new StringBuilder();
        var hasVariable = false;
        while (matcher.find()) {
            if (NOT_AN_ID.containsKey(matcher.group(1))) {
                matcher.appendReplacement(path, NOT_AN_ID.get(matcher.group(1)));
                continue;
            }
            var id = idsOfB.get(matcher.group(1));
            if (id == null) {
                fail("no fixture for {%s} in %s %s: add an id of workspace B for it", matcher.group(1), method, pattern);
            }
            matcher.appendReplacement(path, id);
            hasVariable = true;
        }
        matcher.appendTail(path);
        var response = switch (method) {
            case GET -> http.get(path.toString(), keyOfA);
            case DELETE -> http.delete(path.toString(), keyOfA);
            case POST -> http.post(path.toString(), keyOfA, "{}");
            case PUT -> http.put(path.toString(), keyOfA, "{}");
            case PATCH -> http.patch(path.toString(), keyOfA, "{}");
            default -> throw new IllegalStateException("unexpected method " + method);
        };
        if (hasVariable) {
            assertThat(response.status()).as("%s %s with B's ids", method, pattern).isEqualTo(404);
        } else {
            assertThat(response.status()).as("%s %s", method, pattern).isLessThan(500);
            idsOfB.values().forEach(id -> assertThat(response.body()).as("%s %s", method, pattern).doesNotContain(id));
        }
    }
}
