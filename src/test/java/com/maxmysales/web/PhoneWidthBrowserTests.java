package com.maxmysales.web;

import java.util.ArrayList;
import java.util.List;

import com.maxmysales.support.Accessibility;
import com.maxmysales.support.BrowserSession;
import com.maxmysales.support.Http;
import com.maxmysales.support.PlatformTest;
import com.maxmysales.support.SandboxNumber;
import com.maxmysales.tenancy.ApiKeyManagement;
import com.maxmysales.tenancy.SignUp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every main page at a phone's width (390 CSS px) and a laptop's: nothing scrolls the page sideways (a wide table
 * scrolls inside its card) and axe-core finds no serious or critical accessibility violation.
 */
@PlatformTest
class PhoneWidthBrowserTests {

    private static final String PASSWORD = "a long enough password";

    /** The signed-in pages checked. A new section's pages join this list (the inbox, settings...). */
    static final List<String> APP_PAGES = List.of(
            "/app",
            "/app/inbox",
            "/app/inbox/{conversation}",
            "/app/contacts",
            "/app/templates",
            "/app/templates/new",
            "/app/contacts/import",
            "/app/leads",
            "/app/leads/sources",
            "/app/analytics",
            "/app/optout",
            "/app/settings",
            "/app/settings/workspace",
            "/app/settings/numbers",
            "/app/settings/webhooks",
            "/app/settings/optout-keywords",
            "/app/settings/privacy-requests",
            "/app/settings/team",
            "/app/settings/api-keys",
            "/app/settings/privacy",
            "/app/settings/audit",
            "/app/settings/breaches",
            "/app/compliance",
            "/sandbox/phone?customer=%2B919811122233&to=");

    /** The public pages checked. */
    static final List<String> PUBLIC_PAGES = List.of("/", "/login", "/signup", "/privacy", "/password-reset",
            "/consent/cookies", "/no-such-page");

    @RegisterExtension
    final BrowserSession session = new BrowserSession();

    @LocalServerPort
    int port;
    @Autowired
    SignUp signUp;
    @Autowired
    ApiKeyManagement apiKeys;

    @Test
    void everyMainPageFitsAPhoneAndPassesAxe() {
        var email = "widths-" + System.nanoTime() + "@shop.example";
        var created = (SignUp.Result.Created) signUp.register(new SignUp.Form("A business with a rather long name",
                "Meera Krishnamurthy", email, PASSWORD, true, true));
        var apiKey = apiKeys.create(created.workspace(), "Widths", created.owner()).key().reveal();
        var number = SandboxNumber.connect(new Http(port), apiKey);
        // Rows in the tables: a customer who wrote in, and a contact with a long email.
        number.customerWritesText("+919811122233", "Asha Rao", "Hello, do you ship to Pune?");
        new Http(port).post("/api/v1/contacts", apiKey, """
                {"phone": "+919811100077", "name": "Kiran Venkataraghavan", "email": "kiran.venkataraghavan@example.com"}""");

        var http = new Http(port);
        com.maxmysales.support.Eventually.await(() -> !http.get("/api/v1/conversations", apiKey).json().get("items").isEmpty());
        var conversation = http.get("/api/v1/conversations", apiKey).json().get("items").get(0).get("id").asString();

        var browser = session.open(port);
        var problems = new ArrayList<String>();
        for (var width : new int[] {390, 1280}) {
            browser.width(width);
            for (var path : PUBLIC_PAGES) {
                check(browser.open(path), path, width, problems);
            }
            browser.open("/login");
            if (browser.has("#cookies-essential")) {
                browser.click("#cookies-essential");
            }
            browser.type("#username", email).type("#password", PASSWORD).click("#sign-in").find("#workspace-name");
            for (var path : APP_PAGES) {
                var page = path.endsWith("&to=") ? path + number.phoneNumberId()
                        : path.replace("{conversation}", conversation);
                check(browser.open(page), path, width, problems);
            }
            browser.click("#sign-out");
        }
        assertThat(problems).isEmpty();
    }

    private static void check(com.maxmysales.support.Browser browser, String path, int width, List<String> problems) {
        browser.find("main");
        var overflow = browser.horizontalOverflow();
        if (overflow > 0) {
            problems.add(path + " at " + width + " px scrolls sideways by " + overflow + " px");
        }
        for (var violation : Accessibility.seriousViolations(browser)) {
            problems.add(path + " at " + width + " px: " + violation);
        }
    }
}
