package com.maxmysales.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.maxmysales.sandbox.SandboxSettings.Faults;
import com.maxmysales.support.Http;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The sandbox's Graph API as the platform's Graph client meets it, and the webhooks it sends back. */
@SandboxPlatformTest
class SandboxGraphSystemTests {

    static final JsonMapper JSON = JsonMapper.builder().build();

    /** Stands in for the platform's webhook endpoint: checks every signature and keeps what it accepted. */
    @RestController
    static class PlatformWebhooks {

        static final String PATH = "/webhooks/test-receiver/whatsapp";
        static final String PAGE_PATH = "/webhooks/test-receiver/meta";

        record Delivery(String body, String signature, JsonNode json) {
        }

        final List<Delivery> accepted = new CopyOnWriteArrayList<>();
        final List<Delivery> refused = new CopyOnWriteArrayList<>();
        final List<String> forged = new CopyOnWriteArrayList<>();
        private final Map<String, AtomicInteger> refusals = new ConcurrentHashMap<>();

        @PostMapping({ PATH, PAGE_PATH })
        ResponseEntity<Void> receive(@RequestHeader(name = "X-Hub-Signature-256", required = false) String signature,
                @RequestBody byte[] bytes) {
            var body = new String(bytes, StandardCharsets.UTF_8);
            if (signature == null || !MessageDigest.isEqual(signature.getBytes(StandardCharsets.US_ASCII),
                    expectedSignature(bytes).getBytes(StandardCharsets.US_ASCII))) {
                forged.add(body);
                return ResponseEntity.status(401).build();
            }
            var delivery = new Delivery(body, signature, JSON.readTree(bytes));
            for (var refusal : refusals.entrySet()) {
                if (body.contains(refusal.getKey()) && refusal.getValue().getAndDecrement() > 0) {
                    refused.add(delivery);
                    return ResponseEntity.status(503).build();
                }
            }
            accepted.add(delivery);
            return ResponseEntity.ok().build();
        }

        /** Answers 503 to the next {@code times} webhooks whose body contains {@code marker}. */
        void refuse(String marker, int times) {
            refusals.put(marker, new AtomicInteger(times));
        }

        Delivery await(Predicate<JsonNode> matching) {
            return org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
                    .until(() -> accepted.stream().filter(delivery -> matching.test(delivery.json())).findFirst(),
                            java.util.Optional::isPresent)
                    .orElseThrow();
        }

        Delivery awaitInbound(String wamid) {
            return await(json -> wamid.equals(value(json).path("messages").path(0).path("id").asString("")));
        }

        /** Every status webhook item for the message, in the order they arrived. */
        List<JsonNode> statuses(String wamid) {
            var found = new ArrayList<JsonNode>();
            for (var delivery : accepted) {
                for (var status : value(delivery.json()).path("statuses")) {
                    if (wamid.equals(status.path("id").asString(""))) {
                        found.add(status);
                    }
                }
            }
            return found;
        }

        List<String> statusNames(String wamid) {
            return statuses(wamid).stream().map(status -> status.get("status").asString()).toList();
        }

        static JsonNode value(JsonNode notification) {
            return notification.path("entry").path(0).path("changes").path(0).path("value");
        }

        private static String expectedSignature(byte[] body) {
            try {
                var mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(SandboxPlatformTest.APP_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
            } catch (java.security.GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    PlatformWebhooks platform;
    @Autowired
    SandboxFaults faults;
    SandboxClient sandbox;
    String phoneNumberId;

    @BeforeEach
    void connect() {
        sandbox = new SandboxClient(port);
        phoneNumberId = sandbox.phoneNumberId();
    }

    @AfterEach
    void configuredFaults() {
        faults.reset(phoneNumberId);
    }

    @Test
    void aTextInsideTheWindowIsAcceptedThenSignedSentDeliveredAndReadStatusesFollowInOrder() {
        var customer = SandboxClient.newCustomer();
        sandbox.customerWrites(customer, phoneNumberId, "Hello?");

        var response = sandbox.send(phoneNumberId, """
                {"messaging_product": "whatsapp", "to": "%s", "type": "text", "text": {"body": "Hi! How can we help?"},
                 "biz_opaque_callback_data": "reply=1"}""".formatted(customer));

        assertThat(response.status()).isEqualTo(200);
        var sent = response.json();
        assertThat(sent.get("messaging_product").asString()).isEqualTo("whatsapp");
        assertThat(sent.get("contacts").get(0).get("input").asString()).isEqualTo(customer);
        assertThat(sent.get("contacts").get(0).get("wa_id").asString()).isEqualTo(customer.substring(1));
        var wamid = sent.get("messages").get(0).get("id").asString();
        assertThat(wamid).startsWith("wamid.");
        assertThat(sent.get("messages").get(0).has("message_status")).as("only paced templates carry it").isFalse();

        await().atMost(Duration.ofSeconds(10)).until(() -> platform.statusNames(wamid).size() == 3);
        assertThat(platform.statusNames(wamid)).containsExactly("sent", "delivered", "read");
        var statuses = platform.statuses(wamid);
        for (var status : statuses) {
            assertThat(status.get("recipient_id").asString()).isEqualTo(customer.substring(1));
            assertThat(status.get("timestamp").asString()).matches("\\d{10}");
            assertThat(status.get("biz_opaque_callback_data").asString()).isEqualTo("reply=1");
        }
        var servicePricing = JSON.readTree("""
                {"billable": false, "pricing_model": "PMP", "type": "free_customer_service", "category": "service"}""");
        assertThat(statuses.get(0).get("pricing")).isEqualTo(servicePricing);
        assertThat(statuses.get(1).get("pricing")).isEqualTo(servicePricing);
        assertThat(statuses.get(2).has("pricing")).as("pricing rides on sent and one of delivered/read").isFalse();
        var envelope = platform.await(json -> json.toString().contains(wamid)).json();
        assertThat(envelope.get("object").asString()).isEqualTo("whatsapp_business_account");
        assertThat(PlatformWebhooks.value(envelope).get("metadata").get("phone_number_id").asString()).isEqualTo(phoneNumberId);
        assertThat(platform.forged).isEmpty();
    }

    @Test
    void freeFormOutsideTheWindowFailsWith131047WhileATemplateGoesOut() {
        var customer = SandboxClient.newCustomer();

        var freeForm = sandbox.sendText(phoneNumberId, customer, "Are you still interested?");
        var template = sandbox.send(phoneNumberId, SandboxClient.template(customer));

        assertThat(template.status()).isEqualTo(200);
        assertThat(template.json().get("messages").get(0).get("message_status").asString()).isEqualTo("accepted");
        var templateWamid = template.json().get("messages").get(0).get("id").asString();
        await().atMost(Duration.ofSeconds(10)).until(() -> platform.statusNames(templateWamid).size() == 3);
        assertThat(platform.statusNames(templateWamid)).containsExactly("sent", "delivered", "read");
        assertThat(platform.statuses(templateWamid).getFirst().get("pricing")).isEqualTo(JSON.readTree("""
                {"billable": true, "pricing_model": "PMP", "type": "regular", "category": "marketing"}"""));

        assertThat(platform.statusNames(freeForm)).containsExactly("failed");
        var error = platform.statuses(freeForm).getFirst().get("errors").get(0);
        assertThat(error.get("code").asInt()).isEqualTo(131047);
        assertThat(error.get("title").asString()).isEqualTo("Re-engagement message");
        assertThat(error.get("error_data").get("details").asString()).contains("24 hours");
    }

    @Test
    void anInjectedRateLimitIsRefusedInMetasShape() {
        faults.use(phoneNumberId, faults(0.0, 1.0, 0.0, 0.0));

        var refused = sandbox.send(phoneNumberId, SandboxClient.template(SandboxClient.newCustomer()));

        assertThat(refused.status()).isEqualTo(400);
        var error = refused.json().get("error");
        assertThat(error.get("code").asInt()).isEqualTo(130429);
        assertThat(error.get("message").asString()).isEqualTo("(#130429) Rate limit hit");
        assertThat(error.get("type").asString()).isEqualTo("OAuthException");
        assertThat(error.get("error_data").get("messaging_product").asString()).isEqualTo("whatsapp");
        assertThat(error.get("error_data").get("details").asString()).contains("too many messages");
        assertThat(error.get("fbtrace_id").asString()).isNotBlank();
    }

    @Test
    void anInjectedServerErrorIsA500With131000() {
        faults.use(phoneNumberId, faults(1.0, 0.0, 0.0, 0.0));

        var refused = sandbox.send(phoneNumberId, SandboxClient.template(SandboxClient.newCustomer()));

        assertThat(refused.status()).isEqualTo(500);
        assertThat(refused.json().get("error").get("code").asInt()).isEqualTo(131000);
    }

    @Test
    void anInjectedUnreachableNumberIsAcceptedThenFailsWith131026() {
        faults.use(phoneNumberId, faults(0.0, 0.0, 1.0, 0.0));

        var wamid = sandbox.sendTemplate(phoneNumberId, SandboxClient.newCustomer());

        await().atMost(Duration.ofSeconds(10)).until(() -> !platform.statuses(wamid).isEmpty());
        assertThat(platform.statusNames(wamid)).containsExactly("failed");
        assertThat(platform.statuses(wamid).getFirst().get("errors").get(0).get("code").asInt()).isEqualTo(131026);
    }

    @Test
    void anInjectedTimeoutHoldsTheAnswerWhileTheMessageGoesOutAnyway() {
        faults.use(phoneNumberId, new Faults(0, 0, true, 0, 1.0, Duration.ofMillis(2500), true));
        var started = System.nanoTime();

        var wamid = sandbox.sendTemplate(phoneNumberId, SandboxClient.newCustomer());

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(2500));
        assertThat(platform.statusNames(wamid)).as("sent before the answer came").contains("sent", "delivered");
    }

    @Test
    void theSameCustomerGetsABurstOf45ThenThePairRateLimit() {
        var customer = SandboxClient.newCustomer();
        for (var i = 0; i < 45; i++) {
            sandbox.sendTemplate(phoneNumberId, customer);
        }

        var refused = sandbox.send(phoneNumberId, SandboxClient.template(customer));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("error").get("code").asInt()).isEqualTo(131056);
        assertThat(sandbox.send(phoneNumberId, SandboxClient.template(SandboxClient.newCustomer())).status())
                .as("another customer of the same number is not limited").isEqualTo(200);
    }

    @Test
    void statusesOfManyMessagesComeInBatchesPerPhoneNumber() throws Exception {
        var wamids = new CopyOnWriteArrayList<String>();
        try (var senders = Executors.newVirtualThreadPerTaskExecutor()) {
            for (var i = 0; i < 150; i++) {
                senders.submit(() -> wamids.add(sandbox.sendTemplate(phoneNumberId, SandboxClient.newCustomer())));
            }
        }
        assertThat(wamids).hasSize(150);

        await().atMost(Duration.ofSeconds(10)).until(() -> wamids.stream().allMatch(wamid -> platform.statusNames(wamid).contains("sent")));
        var batches = platform.accepted.stream()
                .map(delivery -> PlatformWebhooks.value(delivery.json()))
                .filter(value -> phoneNumberId.equals(value.path("metadata").path("phone_number_id").asString("")))
                .map(value -> value.path("statuses").size())
                .toList();
        assertThat(batches).allMatch(size -> size <= 100);
        assertThat(batches.size()).as("webhooks for 450 statuses").isLessThan(450);
        assertThat(batches).anyMatch(size -> size > 1);
    }

    @Test
    void aWebhookThePlatformRefusesIsRetriedUntilItAnswers200() {
        var marker = "retry-me-" + System.nanoTime();
        platform.refuse(marker, 2);

        var wamid = sandbox.customerWrites(SandboxClient.newCustomer(), phoneNumberId, marker);

        var delivered = platform.awaitInbound(wamid);
        var attempts = platform.refused.stream().filter(delivery -> delivery.body().contains(marker)).toList();
        assertThat(attempts).hasSize(2);
        assertThat(attempts).allSatisfy(attempt -> {
            assertThat(attempt.body()).as("a retry sends the same bytes").isEqualTo(delivered.body());
            assertThat(attempt.signature()).isEqualTo(delivered.signature());
        });
    }

    @Test
    void malformedCallsAreRefusedInMetasShape() {
        var customer = SandboxClient.newCustomer();
        var http = sandbox.http();

        assertMetaError(sandbox.send(phoneNumberId, "not json"), 400, 100, "not valid JSON");
        assertMetaError(sandbox.send(phoneNumberId, """
                {"to": "%s", "type": "text", "text": {"body": "hi"}}""".formatted(customer)), 400, 100, "messaging_product");
        assertMetaError(sandbox.send(phoneNumberId, """
                {"messaging_product": "whatsapp", "type": "text", "text": {"body": "hi"}}"""), 400, 100, "to");
        assertMetaError(sandbox.send(phoneNumberId, """
                {"messaging_product": "whatsapp", "to": "%s", "type": "text", "text": {}}""".formatted(customer)),
                400, 131008, "text['body']");
        assertMetaError(sandbox.send(phoneNumberId, """
                {"messaging_product": "whatsapp", "to": "%s", "type": "text", "text": {"body": "%s"}}"""
                .formatted(customer, "x".repeat(4097))), 400, 100, "4096");
        assertMetaError(sandbox.send(phoneNumberId, """
                {"messaging_product": "whatsapp", "to": "%s", "type": "image", "image": {}}""".formatted(customer)),
                400, 100, "'id' or 'link'");
        assertMetaError(http.post(SandboxClient.GRAPH + phoneNumberId + "/messages", null,
                SandboxClient.template(customer)), 401, 190, "bearer");
        assertMetaError(http.post(SandboxClient.GRAPH + phoneNumberId + "/messages", "EAASBXnot-a-token",
                SandboxClient.template(customer)), 401, 190, "bearer");
        assertMetaError(sandbox.get(phoneNumberId + "/no_such_edge"), 400, 100, "Unsupported get request");
    }

    @Test
    void markingACustomerMessageReadAnswersSuccess() {
        var wamid = sandbox.customerWrites(SandboxClient.newCustomer(), phoneNumberId, "Hi");

        var read = sandbox.send(phoneNumberId, """
                {"messaging_product": "whatsapp", "status": "read", "message_id": "%s"}""".formatted(wamid));

        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json()).isEqualTo(JSON.readTree("{\"success\": true}"));
    }

    private static Faults faults(double serverError, double rateLimit, double notReachable, double timeout) {
        return new Faults(rateLimit, notReachable, true, serverError, timeout, Duration.ofSeconds(35), true);
    }

    static void assertMetaError(Http.Response response, int status, int code, String detailsContain) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        var error = response.json().get("error");
        assertThat(error.get("code").asInt()).as(response.body()).isEqualTo(code);
        assertThat(error.get("type").asString()).isEqualTo("OAuthException");
        assertThat(error.get("error_data").get("details").asString()).containsIgnoringCase(detailsContain);
        assertThat(error.get("fbtrace_id").asString()).isNotBlank();
    }
}
