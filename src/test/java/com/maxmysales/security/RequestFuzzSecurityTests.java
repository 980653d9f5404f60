package com.maxmysales.security;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;

import com.maxmysales.support.Http;
import com.maxmysales.support.MetaWebhooks;
import com.maxmysales.support.PlatformTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11, "Done when": at least 1,000 malformed, oversized, wrongly signed and deeply nested requests across
 * the webhooks and the API end with no 5xx and nothing stored. The requests come from a fixed seed, so a
 * failure names a request that can be replayed; each kind is a family below, chosen at random per request.
 */
@PlatformTest
class RequestFuzzSecurityTests {

    private static final int REQUESTS = 1_200;
    private static final long SEED = 20_261_204L;

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    private final Random random = new Random(SEED);
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<byte[]> whatsappBodies = new ArrayList<>();
    private String apiKey;
    private String googleSource;
    private UUID workspace;

    @Test
    void malformedOversizedForgedAndDeeplyNestedRequestsGetNo5xxAndStoreNothing() throws Exception {
        var http = new Http(port);
        apiKey = http.createWorkspace("Fuzz target");
        workspace = UUID.fromString(http.get("/api/v1/workspace", apiKey).json().get("id").asString());
        var source = http.post("/api/v1/lead-sources", apiKey, "{\"type\": \"google\", \"name\": \"Fuzzed form\"}");
        assertThat(source.status()).as(source.body()).isEqualTo(201);
        googleSource = source.json().get("id").asString();

        var families = families();
        var names = new ArrayList<>(families.keySet());
        var failures = new ArrayList<String>();
        var statuses = new TreeMap<Integer, Integer>();
        for (int i = 0; i < REQUESTS; i++) {
            var family = names.get(random.nextInt(names.size()));
            var request = families.get(family).get();
            int status;
            try {
                status = send(request);
            } catch (IOException broken) {
                failures.add("#" + i + " " + family + " " + request.method() + " " + request.uri() + " → " + broken);
                continue;
            }
            statuses.merge(status, 1, Integer::sum);
            if (status >= 500) {
                failures.add("#" + i + " " + family + " " + request.method() + " " + request.uri() + " → " + status);
            }
        }

        assertThat(failures).as("5xx answers and broken responses, by request; statuses seen: %s", statuses).isEmpty();
        assertThat(storedWhatsAppBodies()).as("fuzzed WhatsApp webhooks stored").isZero();
        for (var table : List.of("contacts", "leads", "messages", "privacy_requests", "contact_imports")) {
            assertThat(jdbc.sql("select count(*) from " + table + " where workspace_id = ?").param(workspace)
                    .query(Long.class).single()).as("rows of the fuzzed workspace in %s", table).isZero();
        }
    }

    private Map<String, Supplier<HttpRequest>> families() {
        var families = new LinkedHashMap<String, Supplier<HttpRequest>>();
        families.put("whatsapp unsigned", () -> whatsapp(malformedOrValidBody(), null));
        families.put("whatsapp forged signature", () -> whatsapp(malformedOrValidBody(), forgedSignature()));
        families.put("whatsapp signed malformed", () -> {
            var body = malformedBody();
            return whatsapp(body, MetaWebhooks.sign(MetaWebhooks.APP_SECRET, body));
        });
        families.put("whatsapp signed deeply nested", () -> {
            var body = deeplyNested(501 + random.nextInt(20_000));
            return whatsapp(body, MetaWebhooks.sign(MetaWebhooks.APP_SECRET, body));
        });
        families.put("whatsapp signed oversized", () -> {
            var body = oversized(4 * 1024 * 1024 + 1 + random.nextInt(1024 * 1024));
            return whatsapp(body, MetaWebhooks.sign(MetaWebhooks.APP_SECRET, body));
        });
        families.put("whatsapp signed invalid UTF-8", () -> {
            var body = invalidUtf8Json();
            return webhook("/webhooks/whatsapp", body, signature(body), true);
        });
        families.put("whatsapp verification junk", () -> get("/webhooks/whatsapp?hub.mode=" + junkQueryValue()
                + "&hub.verify_token=" + junkQueryValue() + "&hub.challenge=" + junkQueryValue(), null));
        families.put("meta unsigned or forged", () -> webhook("/webhooks/meta", bytes(malformedOrValidBody()),
                random.nextBoolean() ? null : forgedSignature(), false));
        families.put("meta signed malformed or nested", () -> {
            var body = random.nextBoolean() ? malformedBody() : deeplyNested(501 + random.nextInt(5_000));
            return webhook("/webhooks/meta", bytes(body), MetaWebhooks.sign(MetaWebhooks.APP_SECRET, body), false);
        });
        families.put("google wrong or missing key", () -> google("{\"lead_id\": \"fuzz-" + random.nextInt()
                + "\", \"google_key\": \"" + junkToken(random.nextInt(64)) + "\", \"user_column_data\": []}"));
        families.put("google malformed or nested", () -> google(random.nextBoolean() ? malformedBody()
                : deeplyNested(501 + random.nextInt(5_000))));
        families.put("google oversized", () -> google(oversized(1024 * 1024 + 1 + random.nextInt(64 * 1024))));
        families.put("api malformed json", () -> api(randomWritePath(), malformedBody()));
        families.put("api deeply nested json", () -> api(randomWritePath(), deeplyNested(501 + random.nextInt(20_000))));
        families.put("api wrong types", () -> api(randomWritePath(), wrongTypes()));
        families.put("api invalid UTF-8 query", () -> get(randomReadPath() + "?phone=" + junkQueryValue()
                + "&cursor=" + junkQueryValue() + "&limit=" + junkQueryValue(), apiKey));
        families.put("api junk path ids", () -> get("/api/v1/" + pick("contacts", "conversations", "messages", "leads",
                "privacy/requests", "contacts/imports") + "/" + junkPathSegment(), apiKey));
        families.put("api form body with invalid UTF-8", () -> HttpRequest.newBuilder(uri(randomWritePath().replaceAll("^[A-Z]+ ", "")))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + apiKey)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofByteArray(formWithInvalidUtf8())).build());
        families.put("api oversized json", () -> api(randomWritePath(), "{\"name\": \"" + "x".repeat(8 * 1024 * 1024
                + random.nextInt(1024 * 1024)) + "\"}"));
        families.put("api NUL in strings", () -> api(randomWritePath(), pick("{\"name\": \"a\\u0000b\"}",
                "{\"email\": \"x\\u0000@example.com\", \"role\": \"agent\"}", "{\"words\": [\"st\\u0000op\"]}",
                "{\"contactIds\": [null]}", "{\"contacts\": [null]}")));
        families.put("api NUL in query", () -> get(randomReadPath() + "?tag=%00&phone=%2B91%00", apiKey));
        families.put("public form with NUL", () -> HttpRequest.newBuilder(uri(pick("/signup", "/password-reset", "/login",
                        "/consent/cookies"))).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("email=a%00b%40example.com&name=%00&returnTo=%2F%0A%2Fevil"
                        + "&choice=essential&username=x%00")).build());
        families.put("api junk credentials", () -> get(randomReadPath(), junkToken(1 + random.nextInt(4096))));
        return families;
    }

    private HttpRequest whatsapp(String body, String signature) {
        return webhook("/webhooks/whatsapp", bytes(body), signature, true);
    }

    private HttpRequest webhook(String path, byte[] body, String signature, boolean remember) {
        if (remember) {
            whatsappBodies.add(body);
        }
        var builder = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", pick("application/json", "text/plain", "application/x-www-form-urlencoded"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (signature != null) {
            builder.header("X-Hub-Signature-256", signature);
        }
        return builder.build();
    }

    private HttpRequest google(String body) {
        return HttpRequest.newBuilder(uri("/webhooks/leads/google?source=" + googleSource)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private HttpRequest api(String path, String body) {
        var method = path.startsWith("PATCH ") ? "PATCH" : path.startsWith("PUT ") ? "PUT" : "POST";
        var builder = HttpRequest.newBuilder(uri(path.substring(path.indexOf(' ') + 1))).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + apiKey).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        if (random.nextBoolean()) {
            builder.header("Idempotency-Key", junkToken(1 + random.nextInt(600)));
        }
        return builder.build();
    }

    private HttpRequest get(String pathAndQuery, String bearer) {
        var builder = HttpRequest.newBuilder(uri(pathAndQuery)).timeout(Duration.ofSeconds(30)).GET();
        if (bearer != null) {
            builder.header("Authorization", "Bearer " + bearer);
        }
        return builder.build();
    }

    private String randomWritePath() {
        return pick("POST /api/v1/contacts", "POST /api/v1/contacts/bulk", "POST /api/v1/messages",
                "POST /api/v1/privacy/requests", "POST /api/v1/lead-sources", "POST /api/v1/webhooks",
                "POST /api/v1/channels", "POST /api/v1/privacy/holds", "PATCH /api/v1/contacts/" + UUID.randomUUID(),
                "PUT /api/v1/privacy/retention", "POST /api/v1/contacts/lists", "POST /api/v1/contacts/segments",
                "POST /api/v1/contact-lists", "POST /api/v1/segments", "POST /api/v1/contacts/tags",
                "POST /api/v1/invitations", "PUT /api/v1/optout/keywords");
    }

    private String randomReadPath() {
        return pick("/api/v1/contacts", "/api/v1/conversations", "/api/v1/leads", "/api/v1/privacy/audit",
                "/api/v1/privacy/requests", "/api/v1/webhooks", "/api/v1/channels", "/api/v1/contacts/imports");
    }

    private String malformedOrValidBody() {
        return random.nextBoolean() ? malformedBody()
                : MetaWebhooks.inbound("1" + (100_000_000_000_000L + random.nextInt(1_000_000)), "9198" + random.nextInt(100_000_000),
                        "Fuzz", "{\"from\": \"919800000000\", \"id\": \"wamid.fuzz" + random.nextInt()
                                + "\", \"timestamp\": \"1767225600\", \"type\": \"text\", \"text\": {\"body\": \"STOP\"}}");
    }

    private String malformedBody() {
        return switch (random.nextInt(10)) {
            case 0 -> "";
            case 1 -> "{";
            case 2 -> "[" + "1,".repeat(random.nextInt(100)) + "2]";
            case 3 -> "\"just a string\"";
            case 4 -> "{\"object\": \"whatsapp_business_account\", \"entry\": [";
            case 5 -> "{\"a\": 1}}";
            case 6 -> "{\"a\": " + "9".repeat(1 + random.nextInt(5_000)) + "e99999}garbage";
            case 7 -> "null";
            case 8 -> "{\"a\":\u0000}";
            default -> junkToken(1 + random.nextInt(2_000));
        };
    }

    private String wrongTypes() {
        return pick("{\"phone\": 12, \"name\": [], \"tags\": \"x\"}", "{\"contacts\": {\"phone\": true}}",
                "{\"to\": {}, \"type\": 7, \"text\": {\"body\": []}}", "{\"type\": \"nonsense\", \"phone\": null}",
                "[]", "{\"name\": \"" + "x".repeat(100_000) + "\", \"phone\": \"+" + "9".repeat(5_000) + "\"}",
                "{\"url\": \"http://[::1\", \"events\": 5}", "{\"contentDays\": \"forever\"}",
                "{\"contacts\": [" + "{},".repeat(1_500) + "{}]}");
    }

    private String deeplyNested(int depth) {
        var open = random.nextBoolean() ? "[" : "{\"a\":";
        var close = open.equals("[") ? "]" : "}";
        return "{\"entry\":" + open.repeat(depth) + "1" + close.repeat(depth) + "}";
    }

    private String oversized(int length) {
        var padding = "x".repeat(Math.max(0, length - 40));
        return "{\"object\": \"whatsapp_business_account\", \"p\": \"" + padding + "\"}";
    }

    private byte[] invalidUtf8Json() {
        var prefix = "{\"object\": \"whatsapp_business_account\", \"s\": \"".getBytes(StandardCharsets.US_ASCII);
        var junk = new byte[1 + random.nextInt(64)];
        for (int i = 0; i < junk.length; i++) {
            junk[i] = (byte) (0x80 | random.nextInt(0x80));
        }
        var body = Arrays.copyOf(prefix, prefix.length + junk.length + 2);
        System.arraycopy(junk, 0, body, prefix.length, junk.length);
        body[body.length - 2] = '"';
        body[body.length - 1] = '}';
        return body;
    }

    private byte[] formWithInvalidUtf8() {
        var body = ("phone=%2B91" + random.nextInt(1_000_000) + "&name=").getBytes(StandardCharsets.US_ASCII);
        var withJunk = Arrays.copyOf(body, body.length + 4);
        for (int i = body.length; i < withJunk.length; i++) {
            withJunk[i] = (byte) (0x80 | random.nextInt(0x80));
        }
        return withJunk;
    }

    private String forgedSignature() {
        return switch (random.nextInt(5)) {
            case 0 -> "";
            case 1 -> "sha256=" + HexFormat.of().formatHex(randomBytes(32));
            case 2 -> "sha1=" + HexFormat.of().formatHex(randomBytes(20));
            case 3 -> "sha256=" + "zz".repeat(32);
            default -> "sha256=" + HexFormat.of().formatHex(randomBytes(random.nextInt(80)));
        };
    }

    private String junkQueryValue() {
        return pick("%FF", "%C3%28", "%E2%82", "%F0%28%8C%BC", "%ED%A0%80", "%C0%AF", "%00",
                "%2B9198" + random.nextInt(1_000_000), "-1", "99999999999999999999", junkToken(8));
    }

    private String junkPathSegment() {
        return pick("not-a-uuid", "%FF%FE", "%C3%28", "00000000-0000-0000-0000-00000000000Z", "..%2F..%2Fetc",
                "%00", "1".repeat(5_000), UUID.randomUUID().toString());
    }

    private String junkToken(int length) {
        var alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-.~+/=!$&'()*,;:@";
        var token = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            token.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return token.toString();
    }

    private String signature(byte[] body) {
        try {
            var mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(MetaWebhooks.APP_SECRET.getBytes(StandardCharsets.UTF_8),
                    "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] randomBytes(int length) {
        var bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    @SafeVarargs
    private <T> T pick(T... choices) {
        return choices[random.nextInt(choices.length)];
    }

    private long storedWhatsAppBodies() throws NoSuchAlgorithmException {
        var hashes = new ArrayList<byte[]>();
        for (var body : whatsappBodies) {
            hashes.add(MessageDigest.getInstance("SHA-256").digest(body));
        }
        return jdbc.sql("select count(*) from webhook_events where body_hash = any(?)")
                .param(hashes.toArray(byte[][]::new)).query(Long.class).single();
    }

    private int send(HttpRequest request) throws IOException, InterruptedException {
        return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + port + pathAndQuery);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
