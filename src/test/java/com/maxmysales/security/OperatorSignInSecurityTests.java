package com.maxmysales.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import com.maxmysales.privacy.audit.AuditSubjects;
import com.maxmysales.support.Http;
import com.maxmysales.support.PlatformTest;
import com.maxmysales.support.WebSession;
import com.maxmysales.tenancy.ApiKeyManagement;
import com.maxmysales.tenancy.BusinessUserPrincipal;
import com.maxmysales.tenancy.Role;
import com.maxmysales.tenancy.SignUp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13, the operator's browser door: the admin token typed into {@code /operator/login}. A wrong token is refused,
 * audited and throttled per address (a locked address is refused even the right token); a workspace owner, signed in or
 * with their API key, gets no operator page and no retry; the operator's session is nobody in the web app and the
 * APIs; the sign-in needs the CSRF token, gives a new session id, and signs out.
 */
@PlatformTest
class OperatorSignInSecurityTests {

    private static final String PASSWORD = "an owner's long password";
    private static final String PAGE = "/operator/webhook-events";

    @LocalServerPort
    int port;
    @Autowired
    SignUp signUp;
    @Autowired
    ApiKeyManagement apiKeys;
    @Autowired
    AuditSubjects subjects;
    @Autowired
    JdbcClient jdbc;

    @Test
    void wrongTokensAreRefusedAuditedThenTheAddressIsLockedEvenForTheRightToken() {
        var address = WebSession.newClientAddress();
        var guesser = new WebSession(port, address);

        assertThat(signIn(guesser, "not-the-token")).isEqualTo("/operator/login?error");
        assertThat(guesser.get("/operator/login?error").body()).contains("That is not the operator token.");
        var answers = new java.util.ArrayList<String>();
        for (int guess = 0; guess < 20; guess++) {
            answers.add(signIn(guesser, "guess-" + guess));
        }

        assertThat(answers).as("waits, then the lock").contains("/operator/login?throttled")
                .endsWith("/operator/login?throttled", "/operator/login?throttled");
        assertThat(signIn(guesser, PlatformTest.ADMIN_TOKEN)).as("the right token from the locked address")
                .isEqualTo("/operator/login?throttled");
        assertThat(guesser.get(PAGE).status()).as("not signed in").isEqualTo(302);
        var subject = subjects.describe(Map.of("address", address));
        assertThat(audited("operator.sign-in-refused", subject)).as("every token looked at and refused")
                .isBetween(3, 10);
        assertThat(audited("operator.sign-in-lock", subject)).isEqualTo(1);
        assertThat(audited("operator.sign-in", subject)).isZero();

        var operator = new WebSession(port, WebSession.newClientAddress());
        assertThat(signIn(operator, PlatformTest.ADMIN_TOKEN)).as("another address").isEqualTo(PAGE);
        assertThat(operator.get(PAGE).status()).isEqualTo(200);
    }

    @Test
    void aWorkspaceOwnerGetsNoOperatorPageNorRetryBySessionOrKey() {
        var email = "owner-" + UUID.randomUUID() + "@operator.example";
        var created = (SignUp.Result.Created) signUp.register(new SignUp.Form("Not The Operator", "Olu", email, PASSWORD,
                true, true));
        var ownerKey = apiKeys.create(new BusinessUserPrincipal(created.owner(), created.workspace(), Role.OWNER, null),
                "owner key", Role.OWNER).key().reveal();
        var owner = new WebSession(port, WebSession.newClientAddress());
        assertThat(owner.signIn(email, PASSWORD)).isTrue();

        var page = owner.get(PAGE);
        assertThat(page.status()).isEqualTo(302);
        assertThat(page.header("Location")).endsWith("/operator/login");
        var retry = owner.postForm(PAGE + "/retry", Map.of());
        assertThat(retry.status()).isEqualTo(302);
        assertThat(retry.header("Location")).endsWith("/operator/login");
        assertThat(owner.get("/operator/login").body()).as("the owner's session is nobody there")
                .doesNotContain("operator-sign-out");
        var http = new Http(port);
        assertThat(http.get(PAGE, ownerKey).status()).as("an API key opens no page").isEqualTo(302);
        assertThat(http.post(PAGE + "/retry", ownerKey, "").status()).isIn(302, 403);
        assertThat(http.get(PAGE, "guess-" + UUID.randomUUID()).status()).isEqualTo(302);
        assertThat(http.get(PAGE, PlatformTest.ADMIN_TOKEN).status())
                .as("even the admin token as a bearer: the page takes a signed-in operator").isEqualTo(302);
        assertThat(owner.signedIn()).as("still the owner in the app").isTrue();
    }

    @Test
    void theOperatorsSessionIsNobodyInTheWebAppAndTheApis() {
        var operator = new WebSession(port, WebSession.newClientAddress());
        operator.get("/operator/login");
        var before = operator.cookie("MMS_SESSION");
        assertThat(signIn(operator, PlatformTest.ADMIN_TOKEN)).isEqualTo(PAGE);
        assertThat(operator.cookie("MMS_SESSION")).as("a new session id at sign-in").isNotNull().isNotEqualTo(before);
        assertThat(operator.get(PAGE).body()).contains("Dead letters", "operator-sign-out");

        var app = operator.get("/app");
        assertThat(app.status()).isEqualTo(302);
        assertThat(app.header("Location")).endsWith("/login");
        assertThat(operator.get("/app/settings/team").status()).isEqualTo(302);
        assertThat(operator.get("/api/v1/contacts").status()).isEqualTo(401);
        assertThat(operator.get("/api/v1/workspace").status()).isEqualTo(401);
        assertThat(operator.get("/api/v1/admin/webhook-events/parked").status())
                .as("the admin API takes the token itself, never a session").isEqualTo(401);
        assertThat(operator.get("/sandbox/phone").status()).isEqualTo(302);

        assertThat(operator.postForm("/operator/logout", Map.of()).header("Location")).endsWith("/operator/login?signedOut");
        assertThat(operator.get(PAGE).status()).as("signed out").isEqualTo(302);
    }

    @Test
    void theSignInAndTheRetriesNeedTheCsrfToken() throws Exception {
        var operator = new WebSession(port, WebSession.newClientAddress());
        operator.get("/operator/login");
        assertThat(withoutCsrf(operator, "/operator/login", "token=" + PlatformTest.ADMIN_TOKEN))
                .as("a forged sign-in").isEqualTo(403);
        assertThat(signIn(operator, PlatformTest.ADMIN_TOKEN)).isEqualTo(PAGE);
        assertThat(withoutCsrf(operator, PAGE + "/retry", "")).as("a forged retry").isEqualTo(403);
        assertThat(operator.postForm(PAGE + "/retry", Map.of()).status()).as("with the token").isEqualTo(302);
    }

    /** Where the sign-in sends the browser (which follows, so that it holds the CSRF token signing in renewed). */
    private static String signIn(WebSession session, String token) {
        if (session.get("/operator/login").status() != 200) {
            throw new AssertionError("no operator sign-in page");
        }
        var answer = session.postForm("/operator/login", Map.of("token", token));
        assertThat(answer.status()).isEqualTo(302);
        var location = URI.create(answer.header("Location"));
        var path = location.getRawPath() + (location.getRawQuery() == null ? "" : "?" + location.getRawQuery());
        session.get(path);
        return path;
    }

    private int withoutCsrf(WebSession session, String path, String form) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Cookie", "MMS_SESSION=" + session.cookie("MMS_SESSION"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Forwarded-For", WebSession.newClientAddress())
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private int audited(String action, String subject) {
        return jdbc.sql("select count(*) from audit_log where action = ? and subject = ?").param(action).param(subject)
                .query(Integer.class).single();
    }
}
