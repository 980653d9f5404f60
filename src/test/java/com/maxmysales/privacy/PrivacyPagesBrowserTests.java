package com.maxmysales.privacy;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import com.maxmysales.support.BrowserSession;
import com.maxmysales.support.Eventually;
import com.maxmysales.support.Http;
import com.maxmysales.support.MetaWebhooks;
import com.maxmysales.support.SandboxNumber;
import com.maxmysales.support.PlatformTest;
import com.maxmysales.tenancy.ApiKeyManagement;
import com.maxmysales.tenancy.SignUp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** What an owner sees of retention, legal holds, the purge history and the audit log in the web app. */
@PlatformTest
class PrivacyPagesBrowserTests {

    @RegisterExtension
    final BrowserSession session = new BrowserSession();

    @LocalServerPort
    int port;
    @Autowired
    SignUp signUp;
    @Autowired
    ApiKeyManagement apiKeys;
    @Autowired
    JdbcClient jdbc;

    @Test
    void anOwnerShortensRetentionHoldsAConversationRehearsesAPurgeAndFindsItAllInTheAuditLog() {
        var email = "privacy-owner-" + System.nanoTime() + "@shop.example";
        var created = (SignUp.Result.Created) signUp.register(
                new SignUp.Form("Privacy Shop", "Meera", email, "a long enough password", true, true));
        var conversation = aConversationOf(created, "Held Customer");
        var notHeld = aConversationOf(created, "Another Customer");
        // Both ended eight days ago: past the seven days the owner is about to choose.
        jdbc.sql("update conversations set state = 'ended', ended_at = now() - interval '8 days' where id in (?, ?)")
                .params(UUID.fromString(conversation), UUID.fromString(notHeld)).update();
        var browser = session.open(port);
        browser.open("/login").click("#cookies-essential");
        browser.waitUntil(driver -> !browser.has("#cookie-banner"));
        browser.type("#username", email).type("#password", "a long enough password").click("#sign-in");
        browser.find("#workspace-name");

        browser.open("/app/settings/privacy");
        assertThat(browser.find("#content-days").getText()).isEqualTo("30");
        browser.type("#content-days-input", "7").click("#save-retention");
        assertThat(browser.find("#content-days").getText()).isEqualTo("7");
        new org.openqa.selenium.support.ui.Select(browser.find("#hold-type")).selectByValue("conversation");
        browser.type("#hold-record", conversation).type("#hold-reason", "Consumer forum notice 17/2026")
                .click("#place-hold");
        assertThat(browser.find("#holds").getText()).contains(conversation, "Consumer forum notice 17/2026", "user:");
        browser.click("#rehearse-purge");
        assertThat(browser.find("#rehearsal").getText()).as("the other customer's message goes, the held one stays")
                .contains("would remove 1 record(s) and keep 1 for legal holds");
        browser.screenshot("privacy-settings");

        browser.open("/app/settings/audit");
        assertThat(browser.find("#audit-entries").getText()).contains("privacy.retention.change", "privacy.legal-hold.place",
                "privacy.purge.dry-run", "admin POST /app/settings/privacy/retention");
        assertThat(browser.find("#audit-entries .actor").getText()).as("people by name, not by id").isEqualTo("Meera");
        browser.type("#filter-action", "privacy.legal").click("#search-audit");
        assertThat(browser.find("#audit-entries").getText()).contains("privacy.legal-hold.place")
                .doesNotContain("privacy.retention.change");
        browser.screenshot("audit-log");
    }

    /** A hold names a record of the workspace: a customer writes to its number, and that conversation can be held. */
    private String aConversationOf(SignUp.Result.Created workspace, String name) {
        var http = new Http(port);
        var apiKey = apiKeys.create(workspace.workspace(), "privacy pages " + name, workspace.owner()).key().reveal();
        var run = Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000L);
        var phoneNumberId = SandboxNumber.connect(http, apiKey).phoneNumberId();
        var waId = String.valueOf(919_200_000_000L + run);
        var message = """
                { "from": "%s", "id": "wamid.PAGES%d", "timestamp": "1767225660", "type": "text", "text": { "body": "hi" } }"""
                .formatted(waId, run);
        assertThat(MetaWebhooks.post(http, MetaWebhooks.inbound(phoneNumberId, waId, name, message)).status())
                .isEqualTo(200);
        var id = new AtomicReference<String>();
        Eventually.await(() -> {
            var contacts = http.get("/api/v1/contacts?phone=%2B" + waId, apiKey).json().get("items");
            var items = contacts.isEmpty() ? contacts
                    : http.get("/api/v1/conversations?contactId=" + contacts.get(0).get("id").asString(), apiKey).json().get("items");
            id.set(items.isEmpty() ? null : items.get(0).get("id").asString());
            return id.get() != null;
        });
        return id.get();
    }
}
