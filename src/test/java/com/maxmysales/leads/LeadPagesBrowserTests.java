package com.maxmysales.leads;

import java.util.UUID;

import com.maxmysales.support.BrowserSession;
import com.maxmysales.support.Http;
import com.maxmysales.support.PlatformTest;
import com.maxmysales.tenancy.SignUp;
import com.maxmysales.whatsapp.ChannelManagement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A business adds a Google lead form as a source, sets its follow-up, and watches a lead arrive and be
 * followed up in the leads pages.
 */
@PlatformTest
class LeadPagesBrowserTests {

    @RegisterExtension
    final BrowserSession session = new BrowserSession();

    @LocalServerPort
    int port;
    @Autowired
    SignUp signUp;
    @Autowired
    ChannelManagement channels;

    @Test
    void addASourceSetItsFollowUpAndSeeALeadFollowedUp() {
        var email = "owner-" + System.nanoTime() + "@realty.example";
        var created = (SignUp.Result.Created) signUp.register(new SignUp.Form("Pune Realty", "Anil", email,
                "a long enough password", true, true));
        var run = String.format("%08d", Math.abs(UUID.randomUUID().getLeastSignificantBits() % 100_000_000L));
        channels.connectSandbox(created.workspace(), null);
        var browser = session.open(port);
        browser.open("/login").click("#cookies-essential");
        browser.waitUntil(driver -> !browser.has("#cookie-banner"));
        browser.type("#username", email).type("#password", "a long enough password").click("#sign-in");
        browser.find("#workspace-name");

        browser.click("#nav-leads").click("#sources-link");
        browser.type("#google-name", "Pune 2BHK form").click("#add-google-button");
        var url = browser.find("#created-url").getText();
        assertThat(url).contains("/webhooks/leads/google?source=");
        var key = browser.find("#created-key").getText();
        assertThat(key).as("the generated key, shown once").startsWith("gk_");
        browser.type(".follow-up-form input[name=templateName]", "lead_welcome")
                .type(".follow-up-form textarea[name=variables]", "full_name|there").click(".follow-up-form button");
        assertThat(browser.find(".follow-up-form input[name=templateName]").getDomProperty("value")).isEqualTo("lead_welcome");

        var posted = new Http(port).post(url.substring(url.indexOf("/webhooks/")), null, """
                {"lead_id": "browser-%s", "google_key": "%s", "campaign_id": 22334455667, "form_id": 11223344556,
                 "user_column_data": [{"column_name": "Full Name", "string_value": "Sunita Patil", "column_id": "FULL_NAME"},
                                      {"column_name": "User Phone", "string_value": "+9190%s", "column_id": "PHONE_NUMBER"},
                                      {"column_name": "Which locality?", "string_value": "Baner", "column_id": "QUESTION_1"}]}"""
                .formatted(run, key, run));
        assertThat(posted.status()).isEqualTo(200);

        browser.waitUntil(driver -> {
            browser.open("/app/leads");
            return browser.find("#leads").getText().matches("(?s).*(sent|delivered|read).*");
        });
        assertThat(browser.find("#leads").getText()).contains("Google Ads lead form", "11223344556", "22334455667");
        browser.click("#leads tbody a");
        assertThat(browser.find("#answers").getText()).contains("Full Name", "Sunita Patil", "Which locality?", "Baner");
        assertThat(browser.find("#follow-up-status").getText()).matches("sent|delivered|read");
        browser.screenshot("lead-page");
        browser.click("#lead-contact");
        assertThat(browser.find("#consents").getText()).as("in words").contains("lead follow-up", "lead form");
    }
}
