package com.maxmysales.whatsapp;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.maxmysales.support.AgainstFakeMeta;
import com.maxmysales.support.Browser;
import com.maxmysales.support.BrowserSession;
import com.maxmysales.support.MetaWebhooks;
import com.maxmysales.tenancy.SignUp;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An owner connects numbers from the settings, in Chromium: a sandbox number in one click, listed at once; a real
 * number through the Meta form (Meta played by {@link com.maxmysales.support.FakeMeta}), whose page shows Meta's
 * verified name and the webhook URL and verify token to paste. Each settings page of this work fits a 390 px wide
 * phone.
 */
class NumberPagesBrowserTests extends AgainstFakeMeta {

    private static final String PASSWORD = "a long enough password";

    @RegisterExtension
    final BrowserSession session = new BrowserSession();

    @LocalServerPort
    int port;
    @Autowired
    SignUp signUp;

    @Test
    void anOwnerConnectsASandboxNumberInOneClickAndSeesItListed() {
        var browser = signedInOwner("Sandbox Click Shop");
        browser.open("/app/settings").click("#section-numbers a");
        assertThat(browser.has("#numbers-empty")).isTrue();

        browser.click("#connect-sandbox");

        assertThat(browser.path()).isEqualTo("/app/settings/numbers");
        assertThat(browser.find("#numbers-connected").getText()).contains("Number connected");
        assertThat(browser.find("#numbers tbody tr .number-name").getText()).isEqualTo("Sandbox number");
        assertThat(browser.find("#numbers tbody tr").getText()).contains("80 msg/s", "active");
        browser.screenshot("settings-numbers-desktop");
        var number = browser.find("#numbers tbody tr").getDomAttribute("id").substring("number-".length());
        fitsAPhone(browser, "/app/settings/numbers", "settings-numbers-phone");
        fitsAPhone(browser, "/app/settings", "settings-index-phone");
        fitsAPhone(browser, "/app/settings/numbers/" + number, "settings-sandbox-number-phone");
        fitsAPhone(browser, "/app/settings/numbers/" + number + "/profile", "settings-profile-phone");
        fitsAPhone(browser, "/app/settings/team", "settings-team-phone");
        fitsAPhone(browser, "/app/settings/webhooks", "settings-webhooks-phone");
        fitsAPhone(browser, "/app/settings/optout-keywords", "settings-optout-keywords-phone");
        fitsAPhone(browser, "/app/settings/privacy-requests", "settings-privacy-requests-phone");
    }

    @Test
    void theMetaFormShowsTheVerifiedNameAndTheWebhookToPaste() {
        var number = String.valueOf(ThreadLocalRandom.current().nextLong(300_000_000_000_000L, 399_999_999_999_999L));
        var waba = String.valueOf(ThreadLocalRandom.current().nextLong(400_000_000_000_000L, 499_999_999_999_999L));
        META.grantNumber("browser-token-" + number, number, waba);
        var browser = signedInOwner("Meta Form Browser Shop");
        browser.open("/app/settings/numbers");

        browser.type("#waba-id", waba).type("#phone-number-id", number).type("#access-token", "browser-token-" + number)
                .click("#connect-meta button[type=submit]");

        assertThat(browser.find("#meta-verified-name").getText()).isEqualTo("A business");
        assertThat(browser.find("#meta-answer").getText()).contains("GREEN", "TIER_250");
        assertThat(browser.find("#webhook-url").getDomProperty("value")).endsWith("/webhooks/whatsapp");
        assertThat(browser.find("#verify-token").getDomProperty("value")).isEqualTo(MetaWebhooks.VERIFY_TOKEN);
        assertThat(browser.find("#webhook-status").getText()).contains("Waiting for Meta");
        browser.screenshot("settings-number-connected-desktop");
        fitsAPhone(browser, browser.path(), "settings-number-phone");
    }

    private Browser signedInOwner(String name) {
        var email = "owner-" + UUID.randomUUID().toString().substring(0, 8) + "@numbers-browser.example";
        signUp.register(new SignUp.Form(name, "Priya", email, PASSWORD, true, true));
        var browser = session.open(port);
        browser.signIn(email, PASSWORD);
        browser.waitUntil(driver -> browser.path().startsWith("/app"));
        return browser;
    }

    /** At 390 px the page scrolls only down: wide tables scroll inside their card. */
    private static void fitsAPhone(Browser browser, String path, String screenshot) {
        var window = browser.driver().manage().window();
        var desktop = window.getSize();
        window.setSize(new Dimension(390, 844));
        try {
            browser.open(path);
            var widths = (java.util.List<?>) ((JavascriptExecutor) browser.driver()).executeScript(
                    "return [document.documentElement.scrollWidth, document.documentElement.clientWidth];");
            assertThat(((Number) widths.get(0)).longValue()).as("%s: page width at 390 px", path)
                    .isLessThanOrEqualTo(((Number) widths.get(1)).longValue());
            browser.screenshot(screenshot);
        } finally {
            window.setSize(desktop);
        }
    }
}
