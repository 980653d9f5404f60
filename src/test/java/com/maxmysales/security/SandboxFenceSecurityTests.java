package com.maxmysales.security;

import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import com.maxmysales.privacy.crypto.FieldCipher;
import com.maxmysales.shared.WorkspaceId;
import com.maxmysales.support.AgainstFakeMeta;
import com.maxmysales.support.Http;
import com.maxmysales.support.SandboxNumber;
import com.maxmysales.tenancy.ApiKeyManagement;
import com.maxmysales.tenancy.SignUp;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static com.maxmysales.support.Eventually.await;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11 item 2, "the sandbox is a door into real numbers", replayed as the audit did: anonymously and with
 * another workspace's API key, against a victim workspace that has a real number (confirmed by Meta, played
 * by a fake Graph API), a sandbox number and a sandbox Facebook Page.
 */
class SandboxFenceSecurityTests extends AgainstFakeMeta {

    private static final String GRAPH = "/sandbox/graph/v25.0/";

    @LocalServerPort
    int port;
    @Autowired
    SignUp signUp;
    @Autowired
    ApiKeyManagement apiKeys;
    @Autowired
    FieldCipher cipher;
    @Autowired
    JdbcClient jdbc;

    Http http;
    String victimKey;
    SandboxNumber victimSandboxNumber;
    String victimRealNumber;
    String victimCustomer;
    String victimContact;
    String attackerKey;
    SandboxNumber attackerNumber;

    @BeforeEach
    void aVictimAndAnAttacker() {
        http = new Http(port);
        victimKey = http.createWorkspace("Victim");
        victimSandboxNumber = SandboxNumber.connect(http, victimKey);
        victimRealNumber = realNumber(victimKey);
        victimCustomer = "+9198" + ThreadLocalRandom.current().nextLong(10_000_000L, 99_999_999L);
        var contact = http.post("/api/v1/contacts", victimKey, """
                {"phone": "%s", "name": "Asha", "consent": {"purpose": "marketing", "source": "web_form",
                 "basis": "newsletter box"}}""".formatted(victimCustomer));
        assertThat(contact.status()).as(contact.body()).isEqualTo(201);
        victimContact = contact.json().get("id").asString();
        attackerKey = http.createWorkspace("Attacker");
        attackerNumber = SandboxNumber.connect(http, attackerKey);
    }

    /** Item 2: "anonymously one could forge a STOP into another workspace's real number". */
    @Test
    void nobodyForgesAStopIntoAnotherWorkspacesNumberRealOrSandbox() {
        for (var victimNumber : new String[] {victimRealNumber, victimSandboxNumber.phoneNumberId()}) {
            var stop = """
                    {"to": "%s", "name": "Asha", "text": "STOP"}""".formatted(victimNumber);

            assertThat(customerWrites(null, victimCustomer, stop).status()).as("anonymous").isEqualTo(401);
            assertThat(customerWrites(attackerKey, victimCustomer, stop).status()).as("another workspace's key")
                    .isEqualTo(404);
        }

        assertThat(http.get("/api/v1/contacts/" + victimContact, victimKey).json().get("optedOut").asBoolean()).isFalse();
        assertThat(http.get("/api/v1/conversations?contactId=" + victimContact, victimKey).json().get("items")).isEmpty();
    }

    /** Item 2: "create contacts with formula names" in another workspace through the sandbox. */
    @Test
    void nobodyCreatesContactsInAnotherWorkspaceThroughTheSandbox() {
        var stranger = "+9197" + ThreadLocalRandom.current().nextLong(10_000_000L, 99_999_999L);
        var formula = """
                {"to": "%s", "name": "=HYPERLINK(\\"https://evil.example\\",\\"Click\\")", "text": "hi"}"""
                .formatted(victimSandboxNumber.phoneNumberId());

        assertThat(customerWrites(null, stranger, formula).status()).isEqualTo(401);
        assertThat(customerWrites(attackerKey, stranger, formula).status()).isEqualTo(404);

        assertThat(http.get("/api/v1/contacts?phone=" + stranger.replace("+", "%2B"), victimKey).json().get("items"))
                .isEmpty();
    }

    /** Item 2: "read a workspace's outbound chat at /sandbox/phone/chat". */
    @Test
    void nobodyReadsAnotherWorkspacesChat() {
        var secret = "Your OTP is 424242 " + UUID.randomUUID();
        var sent = http.post("/api/v1/messages", victimKey, """
                {"to": "%s", "channelId": "%s", "type": "template", "purpose": "utility",
                 "template": {"name": "otp", "language": "en", "components": [{"type": "body",
                  "parameters": [{"type": "text", "text": "%s"}]}]}}"""
                .formatted(victimCustomer, victimSandboxNumber.channelId(), secret));
        assertThat(sent.status()).as(sent.body()).isEqualTo(202);
        var chat = "/sandbox/phone/chat?phone=" + victimCustomer.replace("+", "%2B") + "&to="
                + victimSandboxNumber.phoneNumberId();
        await(() -> http.get(chat, victimKey).body().contains(secret));

        var anonymous = http.get(chat, null);
        var attacker = http.get(chat, attackerKey);

        assertThat(anonymous.status()).as("sent to sign in").isEqualTo(302);
        assertThat(anonymous.header("Location")).endsWith("/login");
        assertThat(attacker.status()).isEqualTo(404);
        assertThat(anonymous.body() + attacker.body()).doesNotContain(secret);
    }

    /** Item 2: "list other workspaces' phone-number ids". */
    @Test
    void theSimulatorListsTheCallersOwnNumbersOnly() {
        victimSandboxNumber.customerWritesText(victimCustomer, "Asha", "Is the shop open?");

        var page = http.get("/sandbox/phone", attackerKey);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).doesNotContain(victimSandboxNumber.phoneNumberId()).doesNotContain(victimRealNumber)
                .contains(attackerNumber.phoneNumberId());
        assertThat(http.get("/sandbox/phone", null).status()).as("sent to sign in").isEqualTo(302);
    }

    /** Item 2: "download another workspace's uploaded media (sandbox media ids come from ThreadLocalRandom)". */
    @Test
    void nobodyDownloadsAnotherWorkspacesSandboxMedia() throws Exception {
        var uploaded = upload(victimKey, victimSandboxNumber.channelId(), "private floor plan".getBytes(StandardCharsets.UTF_8));
        var mediaId = uploaded.get("metaMediaId").asString();
        assertThat(http.get(GRAPH + mediaId, victimKey).status()).as("the victim's own key").isEqualTo(200);

        for (var path : new String[] {GRAPH + mediaId, "/sandbox/media/" + mediaId}) {
            assertThat(http.get(path, null).status()).as("anonymous " + path).isEqualTo(401);
            assertThat(http.get(path, "EAASBX" + UUID.randomUUID()).status()).as("a made-up token " + path).isEqualTo(401);
            var attacker = http.get(path, attackerKey);
            assertThat(attacker.status()).as("another workspace's key " + path).isEqualTo(404);
            assertThat(attacker.body()).doesNotContain("private floor plan");
        }
        assertThat(http.delete(GRAPH + mediaId, attackerKey).status()).isEqualTo(404);
        assertThat(http.get(GRAPH + mediaId, victimKey).status()).as("still there for its owner").isEqualTo(200);
    }

    /** Item 2: "inject a Meta lead whose follow-up went to a number of the attacker's choice". */
    @Test
    void nobodyInjectsATestLeadIntoAnotherWorkspacesPage() {
        var page = http.post("/api/v1/lead-sources", victimKey, """
                {"type": "meta", "sandbox": true, "followUp": {"templateName": "lead_welcome", "language": "en"}}""");
        assertThat(page.status()).as(page.body()).isEqualTo(201);
        var pageId = page.json().get("pageId").asString();
        var formId = page.json().get("forms").get(0).asString();
        var lead = """
                {"page_id": "%s", "field_data": [{"name": "full_name", "values": ["Mallory"]},
                 {"name": "phone_number", "values": ["+919999900000"]}]}""".formatted(pageId);

        assertThat(http.post(GRAPH + formId + "/test_leads", null, lead).status()).isEqualTo(401);
        assertThat(http.post(GRAPH + formId + "/test_leads", attackerKey, lead).status()).isEqualTo(404);
        var ownPage = http.post("/api/v1/lead-sources", attackerKey, """
                {"type": "meta", "sandbox": true}""").json();
        assertThat(http.post(GRAPH + ownPage.get("forms").get(0).asString() + "/test_leads", attackerKey, lead).status())
                .as("the attacker's own form, the victim's page").isEqualTo(404);

        assertThat(http.get("/api/v1/leads", victimKey).json().get("items")).isEmpty();
    }

    /** Item 2: "a real number is never reached through the sandbox", not even by its own workspace. */
    @Test
    void aRealNumberIsNeverReachedThroughTheSandbox() {
        var asMeta = """
                {"messaging_product": "whatsapp", "to": "%s", "type": "template",
                 "template": {"name": "hello", "language": {"code": "en"}}}""".formatted(victimCustomer);

        assertThat(customerWrites(victimKey, victimCustomer, """
                {"to": "%s", "text": "hello"}""".formatted(victimRealNumber)).status()).isEqualTo(404);
        assertThat(http.post(GRAPH + victimRealNumber + "/messages", victimKey, asMeta).status()).isEqualTo(404);
        assertThat(http.get(GRAPH + victimRealNumber, victimKey).status()).isEqualTo(404);

        var sent = http.post("/api/v1/messages", victimKey, """
                {"to": "%s", "channelId": "%s", "type": "template", "purpose": "utility",
                 "template": {"name": "hello", "language": "en"}}""".formatted(victimCustomer, realChannelId()));
        assertThat(sent.status()).as(sent.body()).isEqualTo(202);
        await(() -> META.sends().stream().anyMatch(send -> send.phoneNumberId().equals(victimRealNumber)));
        assertThat(http.get("/sandbox/phone/chat?phone=" + victimCustomer.replace("+", "%2B") + "&to=" + victimRealNumber,
                victimKey).status()).as("the real number's message went to Meta, not to the sandbox").isEqualTo(404);
    }

    /** Item 2: sandbox ids came from ThreadLocalRandom and a WABA id was derived from its number's id. */
    @Test
    void sandboxIdsAreDrawnNotDerived() {
        var another = SandboxNumber.connect(http, victimKey);

        for (var number : new SandboxNumber[] {victimSandboxNumber, another}) {
            assertThat(number.phoneNumberId()).matches("\\d{16}");
            assertThat(number.wabaId()).matches("\\d{16}");
            assertThat(number.wabaId().substring(1)).isNotEqualTo(number.phoneNumberId().substring(2));
        }
        assertThat(another.phoneNumberId()).isNotEqualTo(victimSandboxNumber.phoneNumberId());
        assertThat(Math.abs(Long.parseLong(another.phoneNumberId()) - Long.parseLong(victimSandboxNumber.phoneNumberId())))
                .as("not a counter").isGreaterThan(1_000_000L);
    }

    /** Item 2: "accepts any Graph token". A sandbox number's own token acts for its workspace's sandbox only. */
    @Test
    void aSandboxNumbersTokenOpensItsOwnWorkspacesSandboxAndNothingElse() {
        var workspace = WorkspaceId.of(http.get("/api/v1/workspace", victimKey).json().get("id").asString());
        var token = cipher.decrypt(workspace, "channels.access_token", jdbc.sql(
                "select access_token from channels where phone_number_id = ?").param(victimSandboxNumber.phoneNumberId())
                .query(byte[].class).single());

        assertThat(http.get(GRAPH + victimSandboxNumber.phoneNumberId(), token).status()).isEqualTo(200);
        assertThat(http.get(GRAPH + victimSandboxNumber.phoneNumberId() + "?access_token=" + token, null).status())
                .isEqualTo(200);
        assertThat(http.get(GRAPH + attackerNumber.phoneNumberId(), token).status()).as("another workspace's number")
                .isEqualTo(404);
        assertThat(http.get(GRAPH + victimRealNumber, token).status()).as("its workspace's real number").isEqualTo(404);
        assertThat(http.get("/api/v1/contacts", token).status()).as("the workspace API").isEqualTo(401);
        assertThat(http.get("/sandbox/phone", token).status()).as("the simulator wants a member or an API key")
                .isEqualTo(302);
    }

    /**
     * Item 2, the fence's other door: a signed-in member may write as a customer, but a form another site makes the
     * member's browser post (no CSRF token) is refused, while the simulator's own forms and htmx carry the token.
     */
    @Test
    void aMembersSessionWritesOnlyWithTheCsrfTokenOfTheSimulatorsPages() throws Exception {
        var email = "member-" + UUID.randomUUID() + "@victim.example";
        var created = (SignUp.Result.Created) signUp.register(new SignUp.Form("Signed in", "Mira", email,
                "a long enough password", true, true));
        var apiKey = apiKeys.create(created.workspace(), "Mira's key", created.owner()).key().reveal();
        var number = SandboxNumber.connect(http, apiKey);
        var browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        var login = browser.send(request("/login").build(), HttpResponse.BodyHandlers.ofString()).body();
        var signedIn = browser.send(request("/login").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(form("username", email, "password", "a long enough password", "_csrf", csrfOf(login))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/app"));
        var page = browser.send(request("/sandbox/phone?customer=%2B919811122233&to=" + number.phoneNumberId()).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        var write = form("phone", "+919811122233", "to", number.phoneNumberId(), "text", "hello");

        var forged = browser.send(request("/sandbox/phone/messages").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(write).build(), HttpResponse.BodyHandlers.ofString());
        // The penetration test: any Authorization header excused the session from its CSRF token.
        var junkBearer = browser.send(request("/sandbox/phone/messages").header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Bearer junk").POST(write).build(), HttpResponse.BodyHandlers.ofString());
        var own = browser.send(request("/sandbox/phone/messages").header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-CSRF-TOKEN", csrfOf(page)).POST(write).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(junkBearer.statusCode()).as("a wrong key is judged alone, without the session").isEqualTo(302);
        assertThat(junkBearer.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/login"));
        assertThat(own.statusCode()).as(own.body()).isEqualTo(302);
        assertThat(own.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).contains("/sandbox/phone"));
    }

    /**
     * Item 2: "sandbox media ids come from ThreadLocalRandom", whose next values follow from earlier ones. Only
     * the fault dice may use a fast generator; ids and tokens come from SecureRandom (SandboxIds).
     */
    @Test
    void sandboxIdsAndTokensComeFromSecureRandomOnly() {
        noClasses().that().resideInAPackage("com.maxmysales.sandbox..").and().doNotHaveSimpleName("SandboxFaults")
                .should().callMethod(ThreadLocalRandom.class, "current")
                .orShould().callConstructor(Random.class)
                .orShould().callConstructor(Random.class, long.class)
                .orShould().callMethod(Math.class, "random")
                .because("an id or token of the sandbox must not be guessable from another one")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("com.maxmysales.sandbox"));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(30));
    }

    private static HttpRequest.BodyPublisher form(String... namesAndValues) {
        var body = new StringBuilder();
        for (var i = 0; i < namesAndValues.length; i += 2) {
            body.append(i == 0 ? "" : "&").append(namesAndValues[i]).append('=')
                    .append(URLEncoder.encode(namesAndValues[i + 1], StandardCharsets.UTF_8));
        }
        return HttpRequest.BodyPublishers.ofString(body.toString());
    }

    /** The token a page of ours carries in its forms. */
    private static String csrfOf(String page) {
        var matcher = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(matcher.find()).as("a CSRF token in the page").isTrue();
        return matcher.group(1);
    }

    private Http.Response customerWrites(String key, String phone, String json) {
        return http.post("/sandbox/customers/" + phone.replace("+", "%2B") + "/messages", key, json);
    }

    private String realNumber(String apiKey) {
        var phoneNumberId = String.valueOf(ThreadLocalRandom.current().nextLong(100_000_000_000_000L, 999_999_999_999_999L));
        var wabaId = String.valueOf(ThreadLocalRandom.current().nextLong(100_000_000_000_000L, 999_999_999_999_999L));
        var token = "EAAG-" + UUID.randomUUID();
        META.grantNumber(token, phoneNumberId, wabaId);
        var connected = http.post("/api/v1/channels", apiKey, """
                {"phoneNumberId": "%s", "wabaId": "%s", "displayPhoneNumber": "+91 98000 00001", "accessToken": "%s"}"""
                .formatted(phoneNumberId, wabaId, token));
        assertThat(connected.status()).as(connected.body()).isEqualTo(201);
        assertThat(connected.json().get("sandbox").asBoolean()).isFalse();
        return phoneNumberId;
    }

    private String realChannelId() {
        for (var channel : http.get("/api/v1/channels", victimKey).json()) {
            if (channel.get("phoneNumberId").asString().equals(victimRealNumber)) {
                return channel.get("id").asString();
            }
        }
        throw new IllegalStateException("the victim's real number is gone");
    }

    private JsonNode upload(String apiKey, String channelId, byte[] file) throws Exception {
        var boundary = "fence" + UUID.randomUUID().toString().replace("-", "");
        var body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"plan.txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/v1/media?channelId=" + channelId))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + apiKey)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return new Http.Response(response.statusCode(), response.headers().map(), response.body()).json();
    }
}
