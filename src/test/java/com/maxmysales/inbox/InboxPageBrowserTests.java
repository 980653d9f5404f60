package com.maxmysales.inbox;

import java.util.UUID;

import com.maxmysales.security.TeamFixture;
import com.maxmysales.support.Browser;
import com.maxmysales.support.Eventually;
import com.maxmysales.support.Http;
import com.maxmysales.support.PlatformTest;
import com.maxmysales.support.SandboxNumber;
import com.maxmysales.tenancy.ApiKeyManagement;
import com.maxmysales.tenancy.Role;
import com.maxmysales.tenancy.SignUp;
import com.maxmysales.tenancy.Team;
import com.maxmysales.tenancy.WorkspaceManagement;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The inbox page in Chromium: a customer's new message appears in the open list without a reload (the page's one
 * EventSource, under the platform's CSP), the keyboard assigns the highlighted conversation, and at 390 px the page
 * is one column no wider than the screen. Its screenshots are docs/images/inbox-*.png.
 */
@PlatformTest
class InboxPageBrowserTests {

    @LocalServerPort
    int port;
    @Autowired
    SignUp signUp;
    @Autowired
    Team team;
    @Autowired
    ApiKeyManagement apiKeys;
    @Autowired
    WorkspaceManagement workspaces;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aNewMessageAppearsLiveTheKeyboardAssignsAndAPhoneSeesOneColumn() {
        var http = new Http(port);
        var fixture = new TeamFixture(signUp, team, apiKeys, workspaces, "Browser Inbox");
        var key = fixture.keys.get(Role.OWNER);
        var number = SandboxNumber.connect(http, key);
        var run = String.valueOf(System.nanoTime() % 100_000_000L);
        number.customerWritesText("+9183" + run + "1", "Asha Rao", "Is the 2BHK on MG Road still free?");
        number.customerWritesText("+9183" + run + "2", "Vikram Shah", "Can I visit on Saturday at 11?");
        Eventually.await(() -> http.get("/api/v1/conversations", key).json().get("items").size() == 2);

        try (var browser = new Browser(port)) {
            browser.signIn(fixture.emails.get(Role.OWNER), TeamFixture.PASSWORD).open("/app/inbox");
            assertThat(browser.find("#inbox-list").getText()).contains("Asha Rao", "Vikram Shah");

            number.customerWritesText("+9183" + run + "3", "Meera Iyer", "Do you have parking?");
            browser.waitUntil(driver -> driver.findElement(org.openqa.selenium.By.id("inbox-list")).getText()
                    .contains("Meera Iyer"));
            assertThat(browser.find("#inbox-list .inbox-row").getText()).contains("Meera Iyer", "Do you have parking?");

            new Actions(browser.driver()).sendKeys("j").perform();
            var first = browser.find("#inbox-list .inbox-row.focused").getAttribute("data-conversation");
            new Actions(browser.driver()).sendKeys("a").perform();
            browser.waitUntil(driver -> assignee(first) != null);
            assertThat(assignee(first)).isEqualTo(fixture.members.get(Role.OWNER));
            browser.screenshot("inbox-desktop");

            browser.driver().manage().window().setSize(new Dimension(390, 844));
            browser.open("/app/inbox");
            var js = (JavascriptExecutor) browser.driver();
            var overflow = (Long) js.executeScript("return document.documentElement.scrollWidth - window.innerWidth;");
            assertThat(overflow).as("horizontal scroll at 390 px").isLessThanOrEqualTo(0L);
            browser.screenshot("inbox-390");
            new Actions(browser.driver()).sendKeys("/").perform();
            assertThat(js.executeScript("return document.activeElement.id;")).isEqualTo("inbox-search");
            new Actions(browser.driver()).sendKeys("+91 83" + run.substring(0, 2) + " " + run.substring(2) + "2", Keys.ENTER).perform();
            browser.waitUntil(driver -> driver.getCurrentUrl().contains("q="));
            assertThat(browser.find("#inbox-list").getText()).contains("Vikram Shah").doesNotContain("Asha Rao");
        }
    }

    /**
     * Walkthrough finding: at 390 px the inbox's header (title, keyboard hints, views, search and filters) took half
     * the screen before the first conversation (293 px of header). The conversations now start in the top third
     * of a 390 × 844 phone, the inbox's own header under 170 px, and nothing scrolls sideways.
     */
    @Test
    void atAPhonesWidthTheHeaderLeavesTheScreenToTheConversations() {
        var http = new Http(port);
        var fixture = new TeamFixture(signUp, team, apiKeys, workspaces, "Compact Inbox");
        var key = fixture.keys.get(Role.OWNER);
        var number = SandboxNumber.connect(http, key);
        var run = String.valueOf(System.nanoTime() % 100_000_000L);
        number.customerWritesText("+9184" + run + "1", "Asha Rao", "Is the 2BHK on MG Road still free?");
        Eventually.await(() -> http.get("/api/v1/conversations", key).json().get("items").size() == 1);

        try (var browser = new Browser(port)) {
            browser.signIn(fixture.emails.get(Role.OWNER), TeamFixture.PASSWORD);
            browser.driver().manage().window().setSize(new Dimension(390, 844));
            browser.open("/app/inbox");
            var js = (JavascriptExecutor) browser.driver();
            var firstRow = ((Number) js.executeScript(
                    "return document.querySelector('#inbox-list .inbox-row').getBoundingClientRect().top;")).doubleValue();
            var header = firstRow - ((Number) js.executeScript(
                    "return document.querySelector('main').getBoundingClientRect().top;")).doubleValue();
            browser.screenshot("inbox-390-header");
            assertThat(header).as("the inbox's own header at 390 px, in CSS px").isLessThan(170);
            assertThat(firstRow).as("where the first conversation starts: in the top third of an 844 px high phone")
                    .isLessThan(844 / 3);
            assertThat(browser.horizontalOverflow()).as("horizontal scroll at 390 px").isLessThanOrEqualTo(0);
        }
    }

    private UUID assignee(String conversation) {
        return jdbc.sql("select assignee_id from conversations where id = ?").params(UUID.fromString(conversation))
                .query(UUID.class).optional().orElse(null);
    }
}
