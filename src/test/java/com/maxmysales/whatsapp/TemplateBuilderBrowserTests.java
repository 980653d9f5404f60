package com.maxmysales.whatsapp;

import java.util.UUID;

import com.maxmysales.support.Browser;
import com.maxmysales.support.BrowserSession;
import com.maxmysales.support.PlatformTest;
import com.maxmysales.tenancy.SignUp;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16 in Chromium: an owner builds a template in the builder, watches the WhatsApp-style preview follow the
 * form, sees Meta's broken rules next to their fields, fixes them, submits, and sees the sandbox approve it on the
 * list. Both pages fit a 390 px wide phone.
 */
@PlatformTest
class TemplateBuilderBrowserTests {

    private static final String PASSWORD = "a long enough password";

    @RegisterExtension
    final BrowserSession session = new BrowserSession();

    @LocalServerPort
    int port;
    @Autowired
    SignUp signUp;

    @Test
    void anOwnerBuildsATemplateSeesThePreviewFixesTheRulesAndSeesItApproved() {
        var browser = signedInOwner("Builder Browser Shop");
        browser.open("/app/settings/numbers").click("#connect-sandbox");
        browser.open("/app/templates").click("#new-template");
        assertThat(browser.path()).isEqualTo("/app/templates/new");

        new Select(browser.find("#headerType")).selectByValue("TEXT");
        browser.type("#name", "Diwali Sale").type("#headerText", "Hello {{1}}").type("#headerSample", "Asha")
                .type("#body", "{{1}}{{2}}").type("#footer", "Reply STOP to opt out")
                .type("#quickReplies", "Show me\nNot now");
        assertThat(browser.find("#preview-header").getText()).isEqualTo("Hello Asha");
        assertThat(browser.find("#preview-footer").getText()).isEqualTo("Reply STOP to opt out");
        assertThat(browser.find("#preview-buttons").getText()).contains("Show me", "Not now");

        browser.click("#submit-template");
        assertThat(browser.find("#builder-violations").getText()).contains("Meta would refuse");
        assertThat(browser.find("#error-name").getText()).contains("lowercase");
        assertThat(browser.find("#error-body").getText()).contains("start", "end", "next to each other");
        assertThat(browser.find("#error-bodySamples").getText()).contains("sample value");
        assertThat(browser.find("#headerText").getDomProperty("value")).as("the form keeps what was typed")
                .isEqualTo("Hello {{1}}");

        browser.type("#name", "diwali_sale").type("#body", "Hi there, our Diwali sale starts {{1}}: {{2}} off everything in store")
                .type("#bodySamples", "tomorrow\n20%");
        assertThat(browser.find("#preview-body").getText())
                .isEqualTo("Hi there, our Diwali sale starts tomorrow: 20% off everything in store");
        browser.screenshot("templates-builder-desktop");
        fitsAPhone(browser, "templates-builder-phone");

        browser.click("#submit-template");
        assertThat(browser.path()).isEqualTo("/app/templates");
        assertThat(browser.find("#template-submitted").getText()).contains("diwali_sale");
        browser.waitUntil(driver -> {
            browser.open("/app/templates");
            return "APPROVED".equals(browser.find("#template-diwali_sale-en_US .tpl-badge").getDomAttribute("data-status"));
        });
        assertThat(browser.find("#template-diwali_sale-en_US").getText()).contains("approved", "marketing", "English (United States)");
        browser.screenshot("templates-list-desktop");
        fitsAPhone(browser, "templates-list-phone");
    }

    private Browser signedInOwner(String name) {
        var email = "owner-" + UUID.randomUUID().toString().substring(0, 8) + "@templates-browser.example";
        signUp.register(new SignUp.Form(name, "Priya", email, PASSWORD, true, true));
        var browser = session.open(port);
        browser.signIn(email, PASSWORD);
        browser.waitUntil(driver -> browser.path().startsWith("/app"));
        return browser;
    }

    /** At 390 px the page scrolls only down: the table scrolls inside its card. */
    private static void fitsAPhone(Browser browser, String screenshot) {
        var window = browser.driver().manage().window();
        var desktop = window.getSize();
        window.setSize(new Dimension(390, 844));
        try {
            var widths = (java.util.List<?>) ((JavascriptExecutor) browser.driver()).executeScript(
                    "return [document.documentElement.scrollWidth, document.documentElement.clientWidth];");
            assertThat(((Number) widths.get(0)).longValue()).as("page width at 390 px")
                    .isLessThanOrEqualTo(((Number) widths.get(1)).longValue());
            browser.screenshot(screenshot);
        } finally {
            window.setSize(desktop);
        }
    }
}
