package com.maxmysales.web;

import java.util.Map;
import java.util.UUID;

import com.maxmysales.shared.Permission;
import com.maxmysales.shared.RequiresPermission;
import com.maxmysales.support.BrowserSession;
import com.maxmysales.support.Http;
import com.maxmysales.support.PlatformTest;
import com.maxmysales.support.WebSession;
import com.maxmysales.tenancy.ApiKeyManagement;
import com.maxmysales.tenancy.BusinessUserPrincipal;
import com.maxmysales.tenancy.Role;
import com.maxmysales.tenancy.SignUp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.View;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every refusal and failure of the web app is a page in the product's layout, never the framework's JSON; the API
 * keeps answering problem documents. The failing page and endpoint exist in this test's platform only.
 */
@PlatformTest
@Import({ ErrorPagesBrowserTests.FailingPage.class, ErrorPagesBrowserTests.FailingEndpoint.class })
class ErrorPagesBrowserTests {

    private static final String PASSWORD = "a long enough password";

    @Controller
    @RequiresPermission(Permission.WORKSPACE_VIEW)
    static class FailingPage {

        @GetMapping("/app/test-only/failing-page")
        String fail() {
            throw new IllegalStateException("a bug in a page, with a secret: hunter2");
        }

        /** Fails after the controller, while the view renders: the container sends that to /error. */
        @GetMapping("/app/test-only/failing-view")
        View failLater() {
            return (model, request, response) -> {
                throw new IllegalStateException("a bug in a view, with a secret: hunter2");
            };
        }
    }

    @RestController
    @RequiresPermission(Permission.WORKSPACE_VIEW)
    static class FailingEndpoint {

        @GetMapping("/api/v1/test-only/failing-endpoint")
        Map<String, Object> fail() {
            throw new IllegalStateException("a bug in an endpoint, with a secret: hunter2");
        }
    }

    @RegisterExtension
    final BrowserSession session = new BrowserSession();

    @LocalServerPort
    int port;
    @Autowired
    SignUp signUp;
    @Autowired
    ApiKeyManagement apiKeys;

    String email;
    String apiKey;
    String contactId;

    @BeforeEach
    void aWorkspaceWithAContact() {
        email = "errors-" + UUID.randomUUID() + "@shop.example";
        var created = (SignUp.Result.Created) signUp.register(new SignUp.Form("Error Pages", "Esha Rao", email, PASSWORD,
                true, true));
        apiKey = apiKeys.create(new BusinessUserPrincipal(created.owner(), created.workspace(), Role.OWNER, null),
                "test key", Role.OWNER).key().reveal();
        contactId = new Http(port).post("/api/v1/contacts", apiKey, "{\"phone\": \"+919811100002\", \"name\": \"Kiran\"}")
                .json().get("id").asString();
    }

    @Test
    void anUnknownContactAndAnUnknownAppPathShowTheProductsNotFoundPage() {
        var browser = session.open(port).signIn(email, PASSWORD);
        browser.find("#workspace-name");

        browser.open("/app/contacts/" + UUID.randomUUID());
        assertThat(browser.find("#not-found h1").getText()).isEqualTo("Not found");
        assertThat(browser.find("#error-detail").getText()).contains("does not exist in this workspace");
        assertThat(browser.has("#nav-contacts")).as("the product's layout, signed in").isTrue();
        browser.screenshot("error-page-unknown-contact");

        browser.open("/app/no-such-page");
        assertThat(browser.find("#not-found h1").getText()).isEqualTo("Not found");
        assertThat(browser.has("#nav-contacts")).as("the product's layout, signed in").isTrue();

        var web = signedIn();
        for (var path : new String[] {"/app/contacts/" + UUID.randomUUID(), "/app/contacts/not-an-id", "/app/no-such-page"}) {
            var page = web.get(path);
            assertThat(page.status()).as(path).isEqualTo(404);
            assertThat(page.header("Content-Type")).as(path).startsWith("text/html");
            assertThat(page.body()).as(path).contains("id=\"not-found\"", "id=\"sidebar\"");
        }
    }

    @Test
    void aPublicPageAnswersAnUnknownLinkWithTheProductsNotFoundPage() {
        var visitor = new WebSession(port, WebSession.newClientAddress());

        for (var path : new String[] {"/invite/no-such-token", "/password-reset/no-such-token"}) {
            var page = visitor.get(path);
            assertThat(page.status()).as(path).isEqualTo(404);
            assertThat(page.header("Content-Type")).as(path).startsWith("text/html");
            assertThat(page.body()).as(path).contains("id=\"not-found\"", "class=\"topbar\"", "never existed");
        }
    }

    @Test
    void aVisitorGetsTheNotFoundPageForAnUnknownPublicUrlAndTheLoginForTheAppsPages() {
        var visitor = new WebSession(port, WebSession.newClientAddress());

        for (var path : new String[] {"/no-such-page", "/wp-login.php", "/pricing/enterprise"}) {
            var page = visitor.get(path);
            assertThat(page.status()).as(path + ": a page that does not exist, not a sign-in").isEqualTo(404);
            assertThat(page.body()).as(path).contains("id=\"not-found\"", "class=\"topbar\"");
        }
        for (var path : new String[] {"/app", "/app/contacts", "/app/no-such-page"}) {
            var page = visitor.get(path);
            assertThat(page.status()).as(path).isEqualTo(302);
            assertThat(page.header("Location")).as(path).endsWith("/login");
        }
    }

    @Test
    void aWrongPasswordKeepsTheTypedEmailOnTheLoginFormAndNowhereElse() {
        var visitor = new WebSession(port, WebSession.newClientAddress());

        var refused = visitor.postForm("/login", Map.of("username", email, "password", "not the password"));
        assertThat(refused.header("Location")).endsWith("/login?error").doesNotContain(email);
        assertThat(visitor.get("/login?error").body()).contains("value=\"" + email + "\"");
        assertThat(visitor.get("/login").body()).as("shown once").doesNotContain(email);
    }

    @Test
    void aServerErrorShowsTheErrorPageWithTheRequestIdItIsLoggedUnder() {
        var browser = session.open(port).signIn(email, PASSWORD);
        browser.find("#workspace-name");

        browser.open("/app/test-only/failing-page");
        assertThat(browser.find("#server-error h1").getText()).isEqualTo("Something went wrong");
        assertThat(browser.find("#request-id").getText()).isNotBlank();
        assertThat(browser.has("#nav-contacts")).as("the product's layout, signed in").isTrue();
        browser.screenshot("error-page-server-error");

        var web = signedIn();
        for (var path : new String[] {"/app/test-only/failing-page", "/app/test-only/failing-view"}) {
            var page = web.get(path);
            assertThat(page.status()).as(path).isEqualTo(500);
            assertThat(page.header("Content-Type")).as(path).startsWith("text/html");
            assertThat(page.header("X-Request-Id")).as(path).isNotBlank();
            assertThat(page.body()).as(path).contains("id=\"server-error\"", "id=\"sidebar\"",
                    "<code id=\"request-id\">" + page.header("X-Request-Id") + "</code>")
                    .doesNotContain("hunter2", "IllegalStateException");
        }
    }

    @Test
    void aRefusedFormAnswers422WithTheFormAndItsMessage() {
        var saved = signedIn().postForm("/app/contacts/" + contactId, Map.of("name", "Kiran", "email", "not an email",
                "tags", "", "attributes", ""));

        assertThat(saved.status()).isEqualTo(422);
        assertThat(saved.body()).contains("id=\"contact-form\"", "email is not an email address");
    }

    @Test
    void theApiKeepsAnsweringProblemDocuments() {
        var http = new Http(port);

        var unknownPath = http.get("/api/v1/no-such-endpoint", apiKey);
        assertThat(unknownPath.status()).isEqualTo(404);
        assertThat(unknownPath.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(unknownPath.json().get("type").asString()).isEqualTo("urn:maxmysales:problem:not-found");

        var unknownContact = http.get("/api/v1/contacts/" + UUID.randomUUID(), apiKey);
        assertThat(unknownContact.status()).isEqualTo(404);
        assertThat(unknownContact.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(unknownContact.json().get("type").asString()).isEqualTo("urn:maxmysales:problem:not-found");
        assertThat(unknownContact.json().get("detail").asString()).endsWith("does not exist in this workspace");

        var failure = http.get("/api/v1/test-only/failing-endpoint", apiKey);
        assertThat(failure.status()).isEqualTo(500);
        assertThat(failure.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(failure.json().get("type").asString()).isEqualTo("urn:maxmysales:problem:internal-error");
        assertThat(failure.json().get("detail").asString()).contains(failure.header("X-Request-Id"))
                .doesNotContain("hunter2");
    }

    private WebSession signedIn() {
        var web = new WebSession(port, WebSession.newClientAddress());
        assertThat(web.signIn(email, PASSWORD)).isTrue();
        return web;
    }
}
