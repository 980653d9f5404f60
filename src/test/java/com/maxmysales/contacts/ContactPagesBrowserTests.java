package com.maxmysales.contacts;

import java.util.UUID;

import com.maxmysales.shared.WorkspaceId;
import com.maxmysales.support.BrowserSession;
import com.maxmysales.support.PlatformTest;
import com.maxmysales.tenancy.SignUp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** A business user finds a contact by the number as they know it, edits it, records an opt-out and sees it counted. */
@PlatformTest
class ContactPagesBrowserTests {

    @RegisterExtension
    final BrowserSession session = new BrowserSession();

    @LocalServerPort
    int port;
    @Autowired
    SignUp signUp;
    @Autowired
    ContactProfiles profiles;
    @Autowired
    ConsentLedger consent;

    @Test
    void searchEditAndRecordAnOptOut() {
        var email = "agent-" + System.nanoTime() + "@shop.example";
        var created = (SignUp.Result.Created) signUp.register(new SignUp.Form("Kirana Store", "Meena", email,
                "a long enough password", true, true));
        var run = Math.abs(UUID.randomUUID().getMostSignificantBits() % 100_000L);
        var workspace = created.workspace();
        var contact = profiles.save(workspace, new ContactDraft("+91 98765 %05d".formatted(run), "Ravi", null, null,
                java.util.List.of("regular")), false).id();
        consent.record(workspace, contact, ConsentChange.grant(Purpose.MARKETING, ConsentSource.WEB_FORM, null, null,
                Evidence.of("newsletter box"), null));
        var browser = session.open(port);
        browser.open("/login").click("#cookies-essential");
        browser.waitUntil(driver -> !browser.has("#cookie-banner"));
        browser.type("#username", email).type("#password", "a long enough password").click("#sign-in");
        browser.find("#workspace-name");

        browser.click("#nav-contacts").type("#search-q", "098765 %05d".formatted(run)).click("#search button");
        assertThat(browser.find("#contacts").getText()).contains("+9198765%05d".formatted(run), "Ravi", "regular");
        assertThat(browser.find("#contacts .marketing").getText()).as("the consent recorded").isEqualTo("agreed");
        browser.click("#contacts a");
        browser.type("#contact-name", "Ravi Kumar").type("#contact-tags", "regular, vip").click("#save-contact");
        assertThat(browser.find("#contact-tags").getDomProperty("value")).isEqualTo("regular, vip");
        browser.click("#record-opt-out");
        assertThat(browser.find("#consents").getText()).contains("withdrawn", "agent", "granted", "web form")
                .doesNotContain("web_form");
        browser.screenshot("contact-page");

        browser.open("/app/contacts").type("#search-q", "ravi kum").click("#search button");
        assertThat(browser.find("#contacts").getText()).as("found by name").contains("Ravi Kumar");
        assertThat(browser.find("#contacts .marketing").getText()).isEqualTo("opted out");

        browser.open("/app/optout");
        assertThat(browser.find("#optout-numbers").getText()).contains("agent 1");
        browser.screenshot("optout-page");
        assertThat(consent.optedOut(new WorkspaceId(workspace.value()), java.util.List.of(contact))).hasSize(1);
    }
}
