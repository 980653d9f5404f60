package com.maxmysales.web;

import java.nio.file.Path;

import com.maxmysales.support.Browser;
import com.maxmysales.support.BrowserSession;
import com.maxmysales.support.PlatformTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The first hour of a new business: sign up, the dashboard's checklist, a sandbox number, the phone simulator
 * offering it by name, a customer writing, and the dashboard's numbers and checklist following what happened.
 * The screenshots of docs/app.md are taken here.
 */
@PlatformTest
class OnboardingBrowserTests {

    private static final String PASSWORD = "a long enough password";
    /**
     * Where the screenshots go: docs/screenshots when asked for ({@code -Ddocs.screenshots=true}, to refresh the
     * documentation's), else target/screenshots, so that a test run leaves the repository unchanged.
     */
    private static final Path SCREENSHOTS = Boolean.getBoolean("docs.screenshots") ? Path.of("docs", "screenshots")
            : Path.of("target", "screenshots", "docs");

    @RegisterExtension
    final BrowserSession session = new BrowserSession();

    @LocalServerPort
    int port;

    @Test
    void aNewBusinessSignsUpFollowsTheChecklistAndSeesItsFirstCustomerCounted() {
        var browser = session.open(port);
        var email = "first-hour-" + System.nanoTime() + "@chai.example";

        browser.open("/signup").click("#cookies-essential");
        browser.waitUntil(driver -> !browser.has("#cookie-banner"));
        browser.type("#workspaceName", "Chai Corner").type("#displayName", "Asha Rao").type("#email", email)
                .type("#password", PASSWORD).click("#adult").click("#acceptNotice").click("#create-workspace");
        assertThat(browser.find("#username").getDomProperty("value")).as("the email is kept").isEqualTo(email);
        browser.type("#password", PASSWORD).click("#sign-in");

        assertThat(browser.find("#workspace-name").getText()).isEqualTo("Chai Corner");
        assertThat(browser.find("#onboarding-progress").getText()).isEqualTo("0 of 4 done");
        assertThat(browser.find("#step-number").getDomAttribute("data-done")).isEqualTo("no");
        assertThat(browser.find("#connect-number").getDomAttribute("href")).isEqualTo("/app/settings/numbers");
        assertThat(browser.find("#stat-in").getText()).isEqualTo("0");
        shoot(browser, "onboarding");

        browser.click("#connect-number").click("#connect-sandbox");
        assertThat(browser.find("#numbers-connected").getText()).contains("Number connected");
        var displayPhone = browser.find("#numbers .number-phone").getText();

        browser.open("/app");
        assertThat(browser.find("#step-number").getDomAttribute("data-done")).isEqualTo("yes");
        assertThat(browser.find("#onboarding-progress").getText()).isEqualTo("1 of 4 done");

        browser.click("#nav-phone");
        var offered = new Select(browser.find("#to")).getFirstSelectedOption();
        assertThat(offered.getText()).as("the number by name, never an id to paste")
                .isEqualTo("MaxMySales Sandbox · " + displayPhone);
        browser.type("#phone", "+919876543210").type("#name", "Ravi Kumar").click("#open-chat");
        assertThat(browser.find("#phone").getDomProperty("value")).as("the customer is kept").isEqualTo("+919876543210");
        assertThat(new Select(browser.find("#to")).getFirstSelectedOption().getText()).contains(displayPhone);
        browser.type("#message-text", "Is the masala chai available today?").click("#send");

        browser.waitUntil(driver -> {
            browser.open("/app");
            return browser.find("#stat-in").getText().equals("1");
        });
        assertThat(browser.find("#stat-open").getText()).isEqualTo("1");
        shoot(browser, "dashboard");
    }

    /** The page at a laptop's width and at a phone's, with the phone's menu opened once. */
    private static void shoot(Browser browser, String name) {
        browser.width(1280);
        browser.screenshotTo(SCREENSHOTS.resolve(name + "-1280.png"));
        browser.width(390);
        browser.screenshotTo(SCREENSHOTS.resolve(name + "-390.png"));
        browser.click("#menu-button");
        browser.screenshotTo(SCREENSHOTS.resolve(name + "-390-menu.png"));
        browser.click("#menu-button");
        browser.width(1280);
    }
}
