package com.maxmysales.security;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.maxmysales.support.Http;
import com.maxmysales.support.MetaWebhooks;
import com.maxmysales.support.PlatformTest;
import com.maxmysales.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.maxmysales.support.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11 item 1, the full-read SSRF, against the running platform with the default refusal of internal
 * addresses on (unlike {@code @PlatformTest}): a service on loopback that no workspace may reach, the operator's
 * Graph API answering media URLs of the attacker's choice, and a DNS server under the test's control.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "maxmysales.admin-token=" + PlatformTest.ADMIN_TOKEN,
        "maxmysales.whatsapp.app-secret=" + MetaWebhooks.APP_SECRET,
        "maxmysales.outbound-http.connect-timeout=PT1S",
        // As every test platform: closing with the JVM, it waits for no open request (PlatformTest).
        "server.shutdown=immediate"
})
@ContextConfiguration(initializers = TestDatabase.class)
@Import(StubResolver.InPlatform.class)
class OutboundGuardSecurityTests {

    static final InternalServer INTERNAL = InternalServer.start();
    static final FakeGraph GRAPH = FakeGraph.start();
    /** On the operator's list, so a channel may name it; its DNS is the attacker's. */
    static final String REBINDING_GRAPH = "graph-proxy.rebind.test";
    /** Public addresses that nothing answers on here: a connection to them fails, as it should. */
    static final String PUBLIC = "93.184.216.34";

    @DynamicPropertySource
    static void graphApis(DynamicPropertyRegistry registry) {
        registry.add("maxmysales.whatsapp.graph-base-url", GRAPH::baseUrl);
        registry.add("maxmysales.whatsapp.allowed-graph-base-urls",
                () -> "http://" + REBINDING_GRAPH + ":" + INTERNAL.port() + ",https://graph-proxy.example.test");
    }

    @AfterAll
    static void stopServers() {
        INTERNAL.close();
        GRAPH.close();
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    StubResolver dns;

    Http http;
    String apiKey;
    int internalRequestsBefore;

    @BeforeEach
    void aWorkspace() {
        http = new Http(port);
        apiKey = http.createWorkspace("SSRF " + UUID.randomUUID());
        internalRequestsBefore = INTERNAL.requests();
    }

    /** Issue 11 item 1: a channel's graphBaseUrl on loopback, cloud metadata, a private network or IPv6 loopback was accepted with 201. */
    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:%d", "http://169.254.169.254/latest/meta-data", "http://10.0.0.1",
            "http://[::1]:5432", "http://localhost:%d/v25.0", "https://graph.facebook.com.evil.test"})
    void aChannelCannotNameAGraphBaseUrlTheOperatorDidNotAllow(String graphBaseUrl) {
        var refused = connect(graphBaseUrl.formatted(INTERNAL.port()));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().get("type").asString()).isEqualTo("urn:maxmysales:problem:graph-base-url-not-allowed");
        assertThat(http.get("/api/v1/channels", apiKey).body()).doesNotContain(graphBaseUrl.formatted(INTERNAL.port()));
    }

    /** Issue 11 item 1: the media URL Graph answers pointed at an internal service, which was read and served back. */
    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:%d/latest/meta-data", "https://lookaside.fbsbx.com/whatsapp_business/attachments/?mid=1",
            "http://[::ffff:127.0.0.1]:%d/x", "file:///etc/passwd"})
    void aMediaUrlPointingInsideIsNeverFetchedNorStored(String mediaUrl) {
        // Meta's media host, resolved by a hostile DNS to the internal service: the guard still refuses.
        dns.answer("lookaside.fbsbx.com", "127.0.0.1");
        var phoneNumberId = connectRealNumber();
        var mediaId = "ssrf" + UUID.randomUUID().toString().replace("-", "");
        GRAPH.mediaUrl(mediaId, mediaUrl.formatted(INTERNAL.port()));

        var wamid = customerSendsImage(phoneNumberId, mediaId);

        awaitDownloadSettled(mediaId, wamid);
        assertThat(INTERNAL.requests()).as("requests that reached the internal service").isEqualTo(internalRequestsBefore);
        assertThat(storedFiles(mediaId)).isZero();
    }

    /** Issue 11 item 1: a redirect from an allowed media host must not carry the download (and the token) elsewhere. */
    @Test
    void aRedirectFromTheGraphHostToAnInternalServiceIsNotFollowed() {
        var phoneNumberId = connectRealNumber();
        var served = "ok" + UUID.randomUUID().toString().replace("-", "");
        GRAPH.mediaUrl(served, GRAPH.baseUrl() + "/media/ok");
        customerSendsImage(phoneNumberId, served);
        await(() -> storedFiles(served) == 1);

        var redirected = "redirect" + UUID.randomUUID().toString().replace("-", "");
        GRAPH.redirectTo(INTERNAL.url("/latest/meta-data"));
        GRAPH.mediaUrl(redirected, GRAPH.baseUrl() + "/media/redirect");
        var wamid = customerSendsImage(phoneNumberId, redirected);

        await(() -> GRAPH.wasAsked("/media/redirect"));
        awaitDownloadSettled(redirected, wamid);
        assertThat(INTERNAL.requests()).isEqualTo(internalRequestsBefore);
        assertThat(storedFiles(redirected)).isZero();
    }

    /**
     * Issue 11 item 1: a name that resolves to a public address when checked and to loopback when connected to
     * (DNS rebinding). Each connection is made to the address checked in the same lookup, so however the answers
     * alternate, the internal service is never reached. Connecting the number is the first call to its Graph base
     * (Meta is asked to confirm the token, issue 11 item 9): neither answer lets it through.
     */
    @Test
    void dnsRebindingOfAnAllowedGraphBaseNeverReachesTheInternalService() {
        dns.answer(REBINDING_GRAPH, PUBLIC, "127.0.0.1");
        var base = "http://" + REBINDING_GRAPH + ":" + INTERNAL.port();

        var first = connect(base);
        var second = connect(base);

        assertThat(List.of(first.status(), second.status())).as("the number's Graph API could not be asked")
                .containsOnly(502);
        assertThat(dns.lookups(REBINDING_GRAPH)).as("one lookup per connection, the public answer then loopback")
                .isGreaterThanOrEqualTo(2);
        assertThat(INTERNAL.requests()).isEqualTo(internalRequestsBefore);
        assertThat(http.get("/api/v1/channels", apiKey).json()).isEmpty();
    }

    /**
     * Issue 11 item 1 (and REVIEW-tests §1.3): the webhook filter let [fd00::1], 100.64.0.1, [64:ff9b::a9fe:a9fe] and
     * more through; now every internal range is refused with 422 when the subscription is made.
     */
    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:%d/hook", "http://[fd00::1]/hook", "http://100.64.0.1/hook",
            "http://[64:ff9b::a9fe:a9fe]/hook", "http://[::ffff:127.0.0.1]:%d/hook", "http://198.18.0.1/hook",
            "http://169.254.169.254/hook", "http://10.0.0.1/hook", "http://[::1]:%d/hook", "http://0.0.0.0:%d/hook",
            "http://255.255.255.255/hook", "http://224.0.0.1/hook", "http://[fe80::1]/hook", "http://[2002:7f00:1::1]/hook"})
    void aWebhookToAnInternalAddressIsRefusedWhenCreated(String url) {
        var refused = http.post("/api/v1/webhooks", apiKey, "{\"url\": \"%s\"}".formatted(url.formatted(INTERNAL.port())));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("type").asString()).isEqualTo("urn:maxmysales:problem:destination-refused");
        assertThat(http.get("/api/v1/webhooks", apiKey).json()).isEmpty();
    }

    /** Attack round 4: the refusal of an internal name used to print the address it resolved to, a map of internal DNS. */
    @Test
    void aRefusalDoesNotSayWhereAnInternalNamePoints() {
        var host = "intranet-" + UUID.randomUUID() + ".example.test";
        dns.answer(host, "10.20.30.40");

        var refused = http.post("/api/v1/webhooks", apiKey, "{\"url\": \"http://%s/hook\"}".formatted(host));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("detail").asString()).contains(host).doesNotContain("10.20.30.40")
                .doesNotContain("10.0.0.0/8");
    }

    /** Issue 11 item 1: a subscription's host that resolves inside only later is refused at delivery, with the reason logged. */
    @Test
    void aWebhookWhoseHostLaterResolvesInsideIsRefusedAtDelivery() {
        var host = "hooks-" + UUID.randomUUID() + ".example.test";
        dns.answer(host, PUBLIC);
        var created = http.post("/api/v1/webhooks", apiKey, """
                {"url": "http://%s:%d/hook", "events": ["message.received"]}""".formatted(host, INTERNAL.port()));
        assertThat(created.status()).isEqualTo(201);
        dns.answer(host, "127.0.0.1");

        customerSendsText(connectRealNumber());

        var subscription = created.json().get("id").asString();
        await(() -> !http.get("/api/v1/webhooks/" + subscription + "/deliveries", apiKey).json().isEmpty()
                && http.get("/api/v1/webhooks/" + subscription + "/deliveries", apiKey).json().get(0).get("attempts").asInt() >= 1);
        var delivery = http.get("/api/v1/webhooks/" + subscription + "/deliveries", apiKey).json().get(0);
        // The workspace sees that the destination was refused, never where its name points inside (attack round 4).
        assertThat(delivery.get("lastError").asString()).startsWith("destination refused").contains(host)
                .doesNotContain("127.0.0.1").doesNotContain("loopback address");
        assertThat(delivery.get("state").asString()).isNotEqualTo("delivered");
        assertThat(INTERNAL.requests()).isEqualTo(internalRequestsBefore);
    }

    private Http.Response connect(String graphBaseUrl) {
        return http.post("/api/v1/channels", apiKey, """
                {"phoneNumberId": "%s", "wabaId": "300000000000011", "displayPhoneNumber": "+91 98000 00011",
                 "accessToken": "channel-token", "graphBaseUrl": "%s"}""".formatted(newPhoneNumberId(), graphBaseUrl));
    }

    /** A number on the operator's Graph API (here the fake one). */
    private String connectRealNumber() {
        var phoneNumberId = newPhoneNumberId();
        assertThat(http.post("/api/v1/channels", apiKey, """
                {"phoneNumberId": "%s", "wabaId": "300000000000011", "displayPhoneNumber": "+91 98000 00011",
                 "accessToken": "channel-token"}""".formatted(phoneNumberId)).status()).isEqualTo(201);
        return phoneNumberId;
    }

    private String customerSendsImage(String phoneNumberId, String mediaId) {
        return customerSends(phoneNumberId, """
                "type": "image", "image": {"id": "%s", "mime_type": "image/jpeg", "sha256": "x"}""".formatted(mediaId));
    }

    private void customerSendsText(String phoneNumberId) {
        customerSends(phoneNumberId, "\"type\": \"text\", \"text\": {\"body\": \"hello\"}");
    }

    /** @return the wamid of the customer's message */
    private String customerSends(String phoneNumberId, String content) {
        var waId = "9198" + String.format("%08d", Math.abs(UUID.randomUUID().getLeastSignificantBits() % 100_000_000L));
        var wamid = "wamid.SSRF" + UUID.randomUUID();
        var webhook = MetaWebhooks.inbound(phoneNumberId, waId, "Asha", """
                {"from": "%s", "id": "%s", "timestamp": "%d", %s}"""
                .formatted(waId, wamid, Instant.now().getEpochSecond(), content));
        assertThat(MetaWebhooks.post(http, webhook).status()).isEqualTo(200);
        return wamid;
    }

    /** Graph was asked for the media's URL and the download of this message is over: stored, refused or failed. */
    private void awaitDownloadSettled(String mediaId, String wamid) {
        await(() -> GRAPH.wasAsked("/v25.0/" + mediaId));
        await(() -> jdbc.sql("""
                select count(*) from event_publication p join messages m on p.serialized_event like '%' || m.id || '%'
                where m.wamid = :wamid and p.listener_id like '%InboundMediaDownloads%'
                  and (p.completion_date is not null or p.status = 'FAILED')""")
                .param("wamid", wamid).query(Integer.class).single() == 1);
    }

    private int storedFiles(String mediaId) {
        return jdbc.sql("select count(*) from media_files where meta_media_id = ?").param(mediaId).query(Integer.class).single();
    }

    private static String newPhoneNumberId() {
        return String.valueOf(460_000_000_000_000L + Math.abs(UUID.randomUUID().getLeastSignificantBits() % 100_000_000_000L));
    }
}
