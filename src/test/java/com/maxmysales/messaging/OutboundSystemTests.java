package com.maxmysales.messaging;

import java.util.List;
import java.util.UUID;

import com.maxmysales.contacts.ConsentSource;
import com.maxmysales.contacts.ContactDirectory;
import com.maxmysales.contacts.Purpose;
import com.maxmysales.shared.ContactId;
import com.maxmysales.shared.PhoneNumber;
import com.maxmysales.shared.WorkspaceId;
import com.maxmysales.support.Http;
import com.maxmysales.support.PlatformTest;
import com.maxmysales.support.SandboxNumber;
import com.maxmysales.whatsapp.message.Template;
import com.maxmysales.whatsapp.message.Text;
import com.maxmysales.whatsapp.message.WhatsAppMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static com.maxmysales.support.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The typed send API, as other modules call it and as {@code POST /api/v1/messages} answers: each refusal with its
 * reason (and the API's problem type and status), nothing stored by a refused send, lanes a broadcast cannot jump,
 * and every message type queued in Meta's shape and accepted by the sandbox.
 */
@PlatformTest
class OutboundSystemTests {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    Outbound outbound;
    @Autowired
    ContactDirectory contacts;
    @Autowired
    PlatformTransactionManager transactions;

    Http http;
    WorkspaceId workspace;
    String apiKey;
    SandboxNumber number;
    long run;

    @BeforeEach
    void aWorkspaceWithANumber() {
        http = new Http(port);
        var created = workspace("Outbound");
        workspace = new WorkspaceId(UUID.fromString(created.get("id").asString()));
        apiKey = created.get("apiKey").asString();
        number = SandboxNumber.connect(http, apiKey);
        run = Math.abs(UUID.randomUUID().getLeastSignificantBits() % 1_000_000L);
    }

    @Test
    void aFreeFormMessageOutsideTheWindowIsRefusedAndLeavesNothingBehind() {
        var stranger = phone(1);

        var result = outbound.queue(request(stranger, Text.of("Hello"), MessagePurpose.SERVICE, Lane.CONVERSATION));

        assertRefused(result, RefusalReason.OUTSIDE_WINDOW);
        assertThat(contacts.findByPhone(workspace, stranger)).as("no contact made for the refused send").isEmpty();
    }

    @Test
    void aRefusalInsideTheCallersTransactionTakesBackOnlyWhatTheSendWrote() {
        var refusedTo = phone(2);
        var queuedTo = phone(3);

        var results = new TransactionTemplate(transactions).execute(status -> List.of(
                outbound.queue(request(refusedTo, Text.of("Hello"), MessagePurpose.SERVICE, Lane.CONVERSATION)),
                outbound.queue(request(queuedTo, Template.of("order_update", "en"), MessagePurpose.SERVICE, Lane.FOLLOW_UP))));

        assertRefused(results.get(0), RefusalReason.OUTSIDE_WINDOW);
        assertThat(results.get(1)).isInstanceOf(OutboundResult.Queued.class);
        assertThat(contacts.findByPhone(workspace, refusedTo)).isEmpty();
        assertThat(contacts.findByPhone(workspace, queuedTo)).isPresent();
        var id = ((OutboundResult.Queued) results.get(1)).message().id();
        await(() -> "read".equals(http.get("/api/v1/messages/" + id, apiKey).json().get("status").asString()));
    }

    @Test
    void marketingWithoutAGrantOrAfterAWithdrawalIsRefusedWithTheReason() {
        var to = phone(4);
        var offer = request(to, Template.of("diwali_offer", "en"), MessagePurpose.MARKETING, Lane.CAMPAIGN);

        var noGrant = outbound.queue(offer);

        assertRefused(noGrant, RefusalReason.NO_CONSENT);
        assertThat(((OutboundResult.Refused) noGrant).consent().purpose()).isEqualTo(Purpose.MARKETING);
        var contact = http.post("/api/v1/contacts", apiKey, """
                {"phone": "%s", "consent": {"purpose": "marketing", "source": "web_form", "basis": "newsletter box"}}"""
                .formatted(to.e164())).json().get("id").asString();
        assertThat(outbound.queue(offer)).isInstanceOf(OutboundResult.Queued.class);
        http.post("/api/v1/contacts/" + contact + "/consents", apiKey,
                "{\"purpose\": \"marketing\", \"status\": \"withdrawn\", \"source\": \"agent\"}");

        var withdrawn = outbound.queue(request(to, Template.of("diwali_offer", "en"), MessagePurpose.MARKETING, Lane.CAMPAIGN));

        assertRefused(withdrawn, RefusalReason.OPTED_OUT);
        assertThat(((OutboundResult.Refused) withdrawn).consent().withdrawnVia()).isEqualTo(ConsentSource.AGENT);
    }

    @Test
    void aWorkspaceWithoutANumberOrAnotherWorkspacesNumberIsRefused() {
        var bare = workspace("No number");
        var bareWorkspace = new WorkspaceId(UUID.fromString(bare.get("id").asString()));
        var template = "{\"to\": \"%s\", \"type\": \"template\", \"purpose\": \"utility\", %s\"template\": {\"name\": \"hi\", \"language\": \"en\"}}";

        assertRefused(outbound.queue(OutboundRequest.of(bareWorkspace, Recipient.of(phone(5)), Template.of("hi", "en"),
                MessagePurpose.SERVICE, Lane.FOLLOW_UP)), RefusalReason.NO_CHANNEL);
        assertProblem(http.post("/api/v1/messages", bare.get("apiKey").asString(), template.formatted(phone(5).e164(), "")),
                422, "no-channel");
        var elsewhere = SandboxNumber.connect(http, bare.get("apiKey").asString()).channelId();
        assertRefused(outbound.queue(request(phone(5), Template.of("hi", "en"), MessagePurpose.SERVICE, Lane.FOLLOW_UP)
                .onChannel(UUID.fromString(elsewhere))), RefusalReason.UNKNOWN_CHANNEL);
        assertProblem(http.post("/api/v1/messages", apiKey, template.formatted(phone(5).e164(),
                "\"channelId\": \"" + elsewhere + "\", ")), 404, "not-found");
    }

    /** Before the typed API, a send to an erased person's number made their contact again. */
    @Test
    void aPersonThisBusinessErasedIsNotAddedBackByASend() {
        var to = phone(6);
        var first = outbound.queue(request(to, Template.of("order_update", "en"), MessagePurpose.SERVICE, Lane.FOLLOW_UP));
        var contact = ((OutboundResult.Queued) first).message().contactId();
        assertThat(http.delete("/api/v1/contacts/" + contact, apiKey).status()).isLessThan(300);

        assertRefused(outbound.queue(request(to, Template.of("order_update", "en"), MessagePurpose.SERVICE, Lane.FOLLOW_UP)),
                RefusalReason.ERASED_PERSON);
        assertProblem(http.post("/api/v1/messages", apiKey, """
                {"to": "%s", "type": "template", "purpose": "utility", "template": {"name": "order_update", "language": "en"}}"""
                .formatted(to.e164())), 409, "erased-person");
        assertThat(contacts.findByPhone(workspace, to)).as("not added back").isEmpty();
    }

    @Test
    void aContactThatIsNotTheWorkspacesIsAnInvalidRecipient() {
        var other = workspace("Other");
        var theirs = http.post("/api/v1/contacts", other.get("apiKey").asString(), "{\"phone\": \"%s\"}".formatted(phone(7).e164()))
                .json().get("id").asString();

        assertRefused(outbound.queue(OutboundRequest.of(workspace, Recipient.of(ContactId.of(theirs)),
                Template.of("order_update", "en"), MessagePurpose.SERVICE, Lane.FOLLOW_UP)), RefusalReason.INVALID_RECIPIENT);
    }

    @Test
    void aBroadcastCannotTakeALaneBeforeTheCampaignLane() {
        var to = phone(8);
        http.post("/api/v1/contacts", apiKey, """
                {"phone": "%s", "consent": {"purpose": "marketing", "source": "web_form", "basis": "newsletter box"}}"""
                .formatted(to.e164()));

        assertRefused(outbound.queue(request(to, Template.of("diwali_offer", "en"), MessagePurpose.MARKETING,
                Lane.CONVERSATION)), RefusalReason.LANE_NOT_ALLOWED);
        assertProblem(http.post("/api/v1/messages", apiKey, """
                {"to": "%s", "type": "template", "lane": "conversation", "template": {"name": "diwali_offer", "language": "en"}}"""
                .formatted(to.e164())), 422, "lane-not-allowed");
        var marketing = http.post("/api/v1/messages", apiKey, """
                {"to": "%s", "type": "template", "template": {"name": "diwali_offer", "language": "en"}}""".formatted(to.e164()));
        assertThat(marketing.json().get("lane").asString()).isEqualTo("campaign");
        var notification = http.post("/api/v1/messages", apiKey, """
                {"to": "%s", "type": "template", "purpose": "utility", "template": {"name": "order_update", "language": "en"}}"""
                .formatted(to.e164()));
        assertThat(notification.json().get("lane").asString()).as("a service template by default").isEqualTo("follow_up");
        var bulk = http.post("/api/v1/messages", apiKey, """
                {"to": "%s", "type": "template", "purpose": "utility", "lane": "campaign",
                 "template": {"name": "order_update", "language": "en"}}""".formatted(to.e164()));
        assertThat(bulk.json().get("lane").asString()).as("any later lane may be chosen").isEqualTo("campaign");
    }

    @Test
    void everyTypeGoesOutInMetasShape() {
        var customer = "+9193%08d".formatted(run);
        number.customerWritesText(customer, "Asha", "Hi, is the 2BHK available?");
        await(() -> !http.get("/api/v1/contacts?phone=" + customer.replace("+", "%2B"), apiKey).json().get("items").isEmpty());
        var inbound = number.customerWritesText(customer, "Asha", "Can I visit?");
        await(() -> contacts.findByPhone(workspace, new PhoneNumber(customer))
                .map(contact -> !http.get("/api/v1/conversations?contactId=" + contact, apiKey).json().get("items").isEmpty())
                .orElse(false));
        var bodies = List.of(
                """
                {"type": "text", "text": {"body": "Yes! See https://example.com", "preview_url": true}}""",
                """
                {"type": "template", "purpose": "utility", "template": {"name": "site_visit_reminder", "language": {"code": "en_US"},
                 "components": [{"type": "header", "parameters": [{"type": "image", "image": {"link": "https://example.com/p.jpg"}}]},
                  {"type": "body", "parameters": [{"type": "text", "text": "Asha"},
                   {"type": "currency", "currency": {"fallback_value": "₹49,00,000", "code": "INR", "amount_1000": 4900000000}},
                   {"type": "date_time", "date_time": {"fallback_value": "Sat 10 Jan, 11:00"}}]},
                  {"type": "button", "sub_type": "quick_reply", "index": 0, "parameters": [{"type": "payload", "payload": "YES"}]},
                  {"type": "button", "sub_type": "url", "index": 1, "parameters": [{"type": "text", "text": "visit/9001"}]}]}}""",
                """
                {"type": "template", "purpose": "utility", "template": {"name": "named_hello", "language": {"code": "en"},
                 "components": [{"type": "body", "parameters": [{"type": "text", "parameter_name": "first_name", "text": "Asha"}]}]}}""",
                """
                {"type": "image", "image": {"link": "https://example.com/plan.jpg", "caption": "2BHK plan"}}""",
                """
                {"type": "document", "document": {"link": "https://example.com/b.pdf", "filename": "Brochure.pdf"}}""",
                """
                {"type": "interactive", "interactive": {"type": "button", "header": {"type": "text", "text": "Site visit"},
                 "body": {"text": "Would you like to visit?"}, "footer": {"text": "Reply anytime"}, "action": {"buttons": [
                  {"type": "reply", "reply": {"id": "sat", "title": "Saturday"}},
                  {"type": "reply", "reply": {"id": "sun", "title": "Sunday"}}]}}}""",
                """
                {"type": "interactive", "interactive": {"type": "list", "body": {"text": "Which budget?"}, "action": {
                 "button": "Choose budget", "sections": [{"title": "Ranges", "rows": [
                  {"id": "lt50", "title": "Below 50 lakh"}, {"id": "50to75", "title": "50-75 lakh", "description": "Mid"}]}]}}}""",
                """
                {"type": "interactive", "interactive": {"type": "cta_url", "body": {"text": "See the walkthrough."},
                 "action": {"name": "cta_url", "parameters": {"display_text": "Open", "url": "https://example.com/tour"}}}}""",
                """
                {"type": "reaction", "reaction": {"message_id": "%s", "emoji": "👍"}}""".formatted(inbound));
        for (var body : bodies) {
            var request = (tools.jackson.databind.node.ObjectNode) JSON.readTree(body);
            request.put("to", customer);
            var queued = http.post("/api/v1/messages", apiKey, request.toString());
            assertThat(queued.status()).as(queued.body()).isEqualTo(202);
            var type = request.get("type").asString();
            assertThat(queued.json().get("content")).as("stored as Meta documents it").isEqualTo(request.get(type));
            var id = queued.json().get("id").asString();
            await(() -> List.of("sent", "delivered", "read").contains(http.get("/api/v1/messages/" + id, apiKey).json()
                    .get("status").asString()));
        }
        assertProblem(http.post("/api/v1/messages", apiKey, """
                {"to": "%s", "type": "interactive", "interactive": {"type": "button", "body": {"text": "Pick"}, "action": {"buttons": [
                 {"type": "reply", "reply": {"id": "a", "title": "A"}}, {"type": "reply", "reply": {"id": "b", "title": "B"}},
                 {"type": "reply", "reply": {"id": "c", "title": "C"}}, {"type": "reply", "reply": {"id": "d", "title": "D"}}]}}}"""
                .formatted(customer)), 400, "invalid-message");
    }

    private OutboundRequest request(PhoneNumber to, WhatsAppMessage message, MessagePurpose purpose, Lane lane) {
        return OutboundRequest.of(workspace, Recipient.of(to), message, purpose, lane);
    }

    private PhoneNumber phone(int n) {
        return new PhoneNumber("+9192%06d%02d".formatted(run, n));
    }

    private JsonNode workspace(String name) {
        var created = http.post("/api/v1/admin/workspaces", PlatformTest.ADMIN_TOKEN, "{\"name\": \"" + name + "\"}");
        assertThat(created.status()).isEqualTo(201);
        return created.json();
    }

    private static void assertRefused(OutboundResult result, RefusalReason reason) {
        assertThat(result).isInstanceOfSatisfying(OutboundResult.Refused.class,
                refused -> assertThat(refused.reason()).isEqualTo(reason));
    }

    private static void assertProblem(Http.Response response, int status, String type) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.json().get("type").asString()).isEqualTo("urn:maxmysales:problem:" + type);
    }
}
