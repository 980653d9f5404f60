package com.maxmysales.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.maxmysales.shared.WorkspaceId;
import com.maxmysales.support.Http;
import com.maxmysales.support.MetaWebhooks;
import com.maxmysales.support.SandboxNumber;
import com.maxmysales.support.PlatformTest;
import com.maxmysales.support.WebSession;
import com.maxmysales.tenancy.ApiKeyManagement;
import com.maxmysales.tenancy.BusinessUserPrincipal;
import com.maxmysales.tenancy.Role;
import com.maxmysales.tenancy.SignUp;
import com.maxmysales.tenancy.Team;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.maxmysales.support.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11 item 6, "brute force and enumeration": 50 wrong passwords in 5 s, then the right one logged in;
 * sign-up said "an account with this email already exists"; the public webhooks answered every wrong key or
 * signature as fast as it came; Google keys could be 12 characters; a resent verification code forgave the
 * wrong guesses before it. And from item 10: a password over 72 bytes answered 500 at sign-up. Every client here
 * comes from an address of its own (as a trusted proxy tells in {@code X-Forwarded-For}), so the throttles of
 * one test never touch another's.
 */
@PlatformTest
class BruteForceSecurityTests {

    private static final String PASSWORD = "the right password";

    @LocalServerPort
    int port;
    @Autowired
    SignUp signUp;
    @Autowired
    Team team;
    @Autowired
    ApiKeyManagement apiKeys;
    @Autowired
    JdbcClient jdbc;

    Http http;
    String email;
    String ownerKey;

    @BeforeEach
    void anAccount() {
        http = new Http(port);
        email = "target-" + UUID.randomUUID() + "@brute.example";
        var created = (SignUp.Result.Created) signUp.register(new SignUp.Form("Brute Force Target", "Tara", email,
                PASSWORD, true, true));
        ownerKey = apiKeys.create(new BusinessUserPrincipal(created.owner(), created.workspace(), Role.OWNER, null),
                "audit reader", Role.OWNER).key().reveal();
    }

    @Test
    void fiftyWrongPasswordsInFiveSecondsThenTheRightOneDoNotSignIn() {
        var attacker = new WebSession(port, WebSession.newClientAddress());

        for (int guess = 0; guess < 50; guess++) {
            assertThat(attacker.signIn(email, "wrong guess " + guess)).isFalse();
        }

        assertThat(attacker.signIn(email, PASSWORD)).as("the right password after 50 wrong ones").isFalse();
        assertThat(attacker.get("/login?throttled").body()).contains("Too many sign-in attempts");
        assertThat(new WebSession(port, WebSession.newClientAddress()).signIn(email, PASSWORD))
                .as("the account is locked, from any address, even with the right password").isFalse();
        assertThat(http.get("/api/v1/privacy/audit?action=login.account-lock", ownerKey).json().get("items").size())
                .as("the lock is audited").isEqualTo(1);
    }

    /**
     * The penetration test: the lock keyed the email as Java lower-cased it and the account was found as PostgreSQL
     * lower-cased it, so {@code tİna@...} (U+0130) reached the locked {@code tina@...} with a fresh budget.
     */
    @Test
    void aLockedAccountCannotBeReachedUnderAnotherSpellingOfItsEmail() {
        var tina = "tina-" + UUID.randomUUID() + "@lockme.example";
        signUp.register(new SignUp.Form("Lock Me", "Tina", tina, PASSWORD, true, true));
        var attacker = new WebSession(port, WebSession.newClientAddress());
        for (int guess = 0; guess < 12; guess++) {
            attacker.signIn(tina, "wrong guess " + guess);
        }

        for (var spelling : List.of(tina.replaceFirst("i", "\u0130"), tina.toUpperCase(Locale.ROOT),
                " " + tina + " ", tina.replaceFirst("i", "\u0131"))) {
            assertThat(new WebSession(port, WebSession.newClientAddress()).signIn(spelling, PASSWORD))
                    .as("the right password as %s", spelling).isFalse();
        }
    }

    @Test
    void wrongPasswordsAreAnsweredTheSameWhetherOrNotTheEmailHasAnAccount() {
        var known = answersTo(email);
        var unknown = answersTo("nobody-" + UUID.randomUUID() + "@brute.example");

        assertThat(unknown).isEqualTo(known).containsExactly("302 /login?error", "302 /login?throttled");
    }

    @Test
    void anAddressGuessingAcrossManyAccountsIsSlowedThenLocked() {
        var stuffer = new WebSession(port, WebSession.newClientAddress());
        for (int account = 0; account < 60; account++) {
            stuffer.signIn("victim-" + account + "-" + UUID.randomUUID() + "@brute.example", "Summer2026!");
        }

        assertThat(stuffer.signIn(email, PASSWORD)).as("from the locked address").isFalse();
        assertThat(new WebSession(port, WebSession.newClientAddress()).signIn(email, PASSWORD))
                .as("the account itself was never guessed at").isTrue();
    }

    @Test
    void signUpAnswersTheSameWhetherOrNotTheEmailHasAnAccount() {
        var taken = signUpAs(email, "a different password");
        var fresh = signUpAs("new-" + UUID.randomUUID() + "@brute.example", "a different password");

        assertThat(taken.status()).isEqualTo(fresh.status()).isEqualTo(302);
        assertThat(taken.header("Location")).isEqualTo(fresh.header("Location"));
        assertThat(taken.body()).isEqualTo(fresh.body()).doesNotContainIgnoringCase("already exists");
        assertThat(jdbc.sql("select count(*) from business_users where lower(email) = ?").param(email)
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(new WebSession(port, WebSession.newClientAddress()).signIn(email, PASSWORD))
                .as("the account and its password are untouched").isTrue();
    }

    @Test
    void signUpAndInvitationAcceptanceAreThrottledPerAddress() {
        var signUps = new WebSession(port, WebSession.newClientAddress());
        var statuses = new ArrayList<Integer>();
        for (int attempt = 0; attempt < 8; attempt++) {
            statuses.add(signUps.postForm("/signup", Map.of("workspaceName", "Spam " + attempt, "displayName", "Spammer",
                    "email", "spam-" + UUID.randomUUID() + "@brute.example", "password", "a long enough password",
                    "adult", "true", "acceptNotice", "true")).status());
        }
        assertThat(statuses.subList(0, 5)).containsOnly(302);
        assertThat(statuses.getLast()).isEqualTo(429);
        assertThat(new WebSession(port, WebSession.newClientAddress()).postForm("/signup", Map.of()).status())
                .as("another address").isEqualTo(200);

        var owner = jdbc.sql("select id, workspace_id from business_users where email = ?").param(email)
                .query((rs, n) -> new BusinessUserPrincipal(rs.getObject(1, UUID.class),
                        new WorkspaceId(rs.getObject(2, UUID.class)), Role.OWNER, null)).single();
        var link = "/invite/" + team.invite(owner, "invitee-" + UUID.randomUUID() + "@brute.example", Role.AGENT)
                .token().reveal();
        var guesser = new WebSession(port, WebSession.newClientAddress());
        var last = 0;
        for (int attempt = 0; attempt < 12; attempt++) {
            last = guesser.postForm(link, Map.of("displayName", "", "password", "short")).status();
        }
        assertThat(last).isEqualTo(429);
    }

    /** Item 10: bcrypt reads 72 bytes; a longer password was a 500 at sign-up. */
    @Test
    void aPasswordOver72BytesIsAFormErrorNeverA500() {
        var seventyThreeBytes = "é".repeat(36) + "x";
        var browser = new WebSession(port, WebSession.newClientAddress());

        var signUp = browser.postForm("/signup", Map.of("workspaceName", "Long Passwords", "displayName", "Lena",
                "email", "long-" + UUID.randomUUID() + "@brute.example", "password", seventyThreeBytes,
                "adult", "true", "acceptNotice", "true"));

        assertThat(signUp.status()).isEqualTo(200);
        assertThat(signUp.body()).contains("id=\"error-password\"", "Use at most 72 bytes");
        var login = browser.postForm("/login", Map.of("username", email, "password", PASSWORD + "x".repeat(80)));
        assertThat(login.status()).isEqualTo(302);
        assertThat(login.header("Location")).endsWith("/login?error");
    }

    @Test
    void aGoogleKeyIsGeneratedWithAtLeast128BitsAndACustomOneIsRefused() {
        var custom = http.post("/api/v1/lead-sources", ownerKey, "{\"type\": \"google\", \"key\": \"my-own-key-12\"}");
        assertThat(custom.status()).isEqualTo(422);
        assertThat(custom.json().get("type").asString()).isEqualTo("urn:maxmysales:problem:custom-key-not-allowed");

        var generated = http.post("/api/v1/lead-sources", ownerKey, "{\"type\": \"google\"}");

        assertThat(generated.status()).isEqualTo(201);
        var key = generated.json().get("key").asString();
        assertThat(Base64.getUrlDecoder().decode(key.substring(key.indexOf('_') + 1))).hasSizeGreaterThanOrEqualTo(16);
    }

    @Test
    void anAddressThatKeepsSendingWrongGoogleKeysIsAnswered429WithoutTheWork() {
        var source = http.post("/api/v1/lead-sources", ownerKey, "{\"type\": \"google\"}").json();
        var url = source.get("webhookUrl").asString();
        var path = url.substring(url.indexOf("/webhooks/"));
        var attacker = WebSession.newClientAddress();
        var lead = """
                {"lead_id": "%s", "google_key": "%s",
                 "user_column_data": [{"column_id": "PHONE_NUMBER", "string_value": "+919812345678"}]}""";

        var statuses = new ArrayList<Integer>();
        for (int guess = 0; guess < 21; guess++) {
            statuses.add(post(path, attacker, lead.formatted("guess-" + guess, "gk_wrong" + guess), Map.of()).status());
        }
        var withTheRightKey = post(path, attacker, lead.formatted("real-" + UUID.randomUUID(), source.get("key").asString()),
                Map.of());

        assertThat(statuses.subList(0, 20)).containsOnly(403);
        assertThat(statuses.getLast()).isEqualTo(429);
        assertThat(withTheRightKey.status()).as("locked: not even read").isEqualTo(429);
        assertThat(withTheRightKey.header("Retry-After")).isNotBlank();
        assertThat(post(path, WebSession.newClientAddress(), lead.formatted("real-" + UUID.randomUUID(),
                source.get("key").asString()), Map.of()).status()).as("from another address").isEqualTo(200);
    }

    @Test
    void anAddressThatKeepsSendingBadSignaturesIsAnswered429OnBothMetaWebhooks() {
        for (var path : List.of("/webhooks/whatsapp", "/webhooks/meta")) {
            var attacker = WebSession.newClientAddress();
            var body = "{\"object\": \"page\", \"entry\": []}";
            var statuses = new ArrayList<Integer>();
            for (int guess = 0; guess < 21; guess++) {
                statuses.add(post(path, attacker, body, Map.of("X-Hub-Signature-256", "sha256=" + "0".repeat(64)))
                        .status());
            }
            var signed = post(path, attacker, body, Map.of("X-Hub-Signature-256", MetaWebhooks.sign(body)));

            assertThat(statuses.subList(0, 20)).as(path).containsOnly(401);
            assertThat(statuses.getLast()).as(path).isEqualTo(429);
            assertThat(signed.status()).as(path + " locked, even signed").isEqualTo(429);
            assertThat(post(path, WebSession.newClientAddress(), body,
                    Map.of("X-Hub-Signature-256", MetaWebhooks.sign(body))).status()).as(path + " elsewhere").isEqualTo(200);
        }
    }

    @Test
    void aResentVerificationCodeKeepsTheWrongGuessesMadeBeforeIt() {
        var phoneNumberId = SandboxNumber.connect(http, ownerKey).phoneNumberId();
        var person = String.valueOf(919_600_000_000L + Math.abs(UUID.randomUUID().getLeastSignificantBits() % 1_000_000L));
        var message = """
                { "from": "%s", "id": "wamid.BRUTE%d", "timestamp": "%d", "type": "text", "text": { "body": "hi" } }"""
                .formatted(person, System.nanoTime(), Instant.now().getEpochSecond());
        assertThat(MetaWebhooks.post(http, MetaWebhooks.inbound(phoneNumberId, person, "Person", message)).status())
                .isEqualTo(200);
        await(() -> !http.get("/api/v1/contacts?phone=%2B" + person, ownerKey).json().get("items").isEmpty());
        var id = http.post("/api/v1/privacy/requests", ownerKey, """
                {"type": "access", "phone": "+%s", "requestedBy": "person"}""".formatted(person)).json().get("id").asString();

        for (int guess = 0; guess < 4; guess++) {
            http.post("/api/v1/privacy/requests/" + id + "/verification", ownerKey, "{\"code\": \"00000" + guess + "x\"}");
        }
        assertThat(http.post("/api/v1/privacy/requests/" + id + "/verification-code", ownerKey, "{}").status())
                .isEqualTo(200);
        var fifth = http.post("/api/v1/privacy/requests/" + id + "/verification", ownerKey, "{\"code\": \"000009x\"}");

        assertThat(fifth.json().get("attemptsLeft").asInt()).isZero();
        assertThat(http.get("/api/v1/privacy/requests/" + id, ownerKey).json().get("status").asString())
                .as("five wrong codes in all, across two codes").isEqualTo("refused");
    }

    /**
     * The answers to 15 wrong tries at this email from an address of its own, each run of equal answers told
     * once: how many tries land in each depends on the machine's speed, not on the email.
     */
    private List<String> answersTo(String anEmail) {
        var session = new WebSession(port, WebSession.newClientAddress());
        var answers = new ArrayList<String>();
        for (int guess = 0; guess < 15; guess++) {
            var answer = session.postForm("/login", Map.of("username", anEmail, "password", "wrong " + guess));
            var told = answer.status() + " " + answer.header("Location").replaceFirst("^https?://[^/]+", "");
            if (answers.isEmpty() || !answers.getLast().equals(told)) {
                answers.add(told);
            }
        }
        return answers;
    }

    private Http.Response signUpAs(String anEmail, String password) {
        return new WebSession(port, WebSession.newClientAddress()).postForm("/signup", Map.of("workspaceName",
                "Someone's shop", "displayName", "Someone", "email", anEmail, "password", password, "adult", "true",
                "acceptNotice", "true"));
    }

    private Http.Response post(String path, String clientAddress, String body, Map<String, String> headers) {
        var builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json").header("X-Forwarded-For", clientAddress)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(builder::header);
        try {
            var response = HttpClient.newHttpClient().send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Http.Response(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
