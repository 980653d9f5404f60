package com.maxmysales.inbox;

import java.time.Duration;
import java.util.UUID;

import com.maxmysales.security.TeamFixture;
import com.maxmysales.support.Browser;
import com.maxmysales.support.BrowserSession;
import com.maxmysales.support.ClockedPlatformTest;
import com.maxmysales.support.Http;
import com.maxmysales.support.MutableClock;
import com.maxmysales.support.SandboxNumber;
import com.maxmysales.tenancy.ApiKeyManagement;
import com.maxmysales.tenancy.Role;
import com.maxmysales.tenancy.SignUp;
import com.maxmysales.tenancy.Team;
import com.maxmysales.tenancy.WorkspaceManagement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.maxmysales.support.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The inbox as a team uses it, in three Chromium windows: a customer writes in the phone simulator; the conversation
 * appears, without a reload, in the inboxes of an agent and of an admin who supervises; the agent takes it, and the
 * admin's list shows whose it is; the agent's reply reaches the simulator and its tick reaches read; an internal note
 * never reaches the customer; and a day later, the service window closed, the composer offers only templates and a
 * template goes out. The platform runs on a test clock so that the day can pass.
 */
@ClockedPlatformTest
class TwoAgentsInboxBrowserTests {

    @RegisterExtension
    final BrowserSession session = new BrowserSession();

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
    MutableClock clock;
    @Autowired
    WorkspaceInboxSettings inboxSettings;

    @Test
    void twoPeopleWorkOneCustomerLiveAndTheClosedWindowLeavesOnlyTemplates() throws InterruptedException {
        var http = new Http(port);
        var team = new TeamFixture(signUp, this.team, apiKeys, workspaces, "Two Agents Realty");
        var key = team.keys.get(Role.OWNER);
        var number = SandboxNumber.connect(http, key);
        // No round robin: the conversation waits, unassigned, for someone to take it.
        inboxSettings.choose(team.workspace, new WorkspaceInboxSettings.Choice(false, true, false));
        var template = "visit_reminder_" + UUID.randomUUID().toString().substring(0, 6);
        approve(http, key, template);
        var customer = "+9198" + String.format("%08d", Math.abs(UUID.randomUUID().getLeastSignificantBits() % 100_000_000L));

        var agent = session.open(port).signIn(team.emails.get(Role.AGENT), TeamFixture.PASSWORD).open("/app/inbox");
        var admin = new Browser(port);
        var phone = new Browser(port);
        try {
            admin.signIn(team.emails.get(Role.ADMIN), TeamFixture.PASSWORD).open("/app/inbox");
            phone.signIn(team.emails.get(Role.OWNER), TeamFixture.PASSWORD).open("/sandbox/phone")
                    .type("#phone", customer).type("#name", "Priya Nair");
            new Select(phone.find("#to")).selectByVisibleText("MaxMySales Sandbox · " + number.displayPhoneNumber());
            phone.click("#open-chat").type("#message-text", "Is the 3BHK in Whitefield still available?").click("#send");

            for (var inbox : new Browser[] {agent, admin}) {
                inbox.waitUntil(driver -> listText(inbox).contains("Priya Nair"));
                assertThat(listText(inbox)).contains("Is the 3BHK in Whitefield still available?");
            }

            agent.click("#inbox-list .inbox-row a[href^='/app/inbox/']");
            assertThat(agent.find("#thread-recent").getText()).contains("Is the 3BHK in Whitefield still available?");
            agent.click("#thread-actions form[data-action='assign-me'] button");
            admin.waitUntil(driver -> listText(admin).contains("A agent"));
            assertThat(admin.find("#inbox-list .inbox-assignee").getText()).isEqualTo("A agent");

            // The admin is about to search: the list is not pulled from under the search box, and catches up after.
            admin.find("#inbox-search").sendKeys("Pri");
            clock.advance(Duration.ofSeconds(1)); // the reply is the newest message on the list, not a tie on this clock
            agent.find("#composer-text").sendKeys("Yes, it is. Would Saturday at 11 suit you for a visit?", Keys.ENTER);
            phone.waitUntil(driver -> phone.find("#chat").getText().contains("Would Saturday at 11 suit you"));
            agent.waitUntil(driver -> "read".equals(lastTick(agent)));
            Thread.sleep(1_500); // the admin's page hears the same statuses: their refreshes come, and are held back
            assertThat(listText(admin)).doesNotContain("Yes, it is.");
            ((org.openqa.selenium.JavascriptExecutor) admin.driver()).executeScript("document.activeElement.blur()");
            admin.waitUntil(driver -> listText(admin).contains("Team: Yes, it is."));
            assertThat(admin.find("#inbox-search").getAttribute("value")).as("what was typed, not searched yet, is kept")
                    .isEqualTo("Pri");

            agent.type("#note-text", "Budget 1.2 Cr, prefers east-facing").click("#add-note");
            assertThat(agent.find("#thread-recent").getText()).contains("Budget 1.2 Cr, prefers east-facing");
            phone.type("#message-text", "Saturday works").click("#send");
            phone.waitUntil(driver -> phone.find("#chat").getText().contains("Saturday works"));
            agent.waitUntil(driver -> agent.find("#thread-recent").getText().contains("Saturday works"));
            assertThat(phone.find("#chat").getText()).as("a note is never sent").doesNotContain("Budget 1.2 Cr");
            ((org.openqa.selenium.JavascriptExecutor) agent.driver()).executeScript("window.scrollTo(0, 0)");
            agent.screenshot("inbox-thread-desktop");
            admin.screenshot("inbox-list-desktop");
            agent.width(390);
            agent.screenshot("inbox-thread-390");
            agent.width(1280);

            clock.advance(Duration.ofHours(24).plusMinutes(5));
            agent.open(agent.driver().getCurrentUrl().replaceFirst("^http://[^/]+", ""));
            assertThat(agent.has("#reply-form")).as("no free text after the window").isFalse();
            assertThat(agent.find("#window-closed").getText()).contains("templates only");
            new Select(agent.find("#composer-template")).selectByValue(template + ":en_US");
            agent.type("#template-value-1", "Priya");
            assertThat(agent.find("#template-preview").getText()).isEqualTo("Hi Priya, your site visit is confirmed.");
            assertThat(agent.find("#template-value-2").isDisplayed()).as("the template has one variable").isFalse();
            agent.click("#send-template");
            phone.waitUntil(driver -> {
                clock.advance(Duration.ofSeconds(7)); // the send path paces messages to one customer on this clock
                // The simulator shows the template as the customer reads it, its value in place.
                return phone.find("#chat").getText().contains("Hi Priya, your site visit is confirmed.");
            });
            assertThat(phone.find("#chat").getText()).doesNotContain("Budget 1.2 Cr");
            agent.waitUntil(driver -> agent.find("#thread-recent").getText()
                    .contains("Hi Priya, your site visit is confirmed."));
        } finally {
            admin.close();
            phone.close();
        }
    }

    private static String listText(Browser browser) {
        return browser.driver().findElement(By.id("inbox-list")).getText();
    }

    private static String lastTick(Browser browser) {
        var ticks = browser.driver().findElements(By.cssSelector(".bubble-out .tick"));
        return ticks.isEmpty() ? null : ticks.getLast().getDomAttribute("data-tick");
    }

    /** Written here (the catalogue keeps its text, so the thread shows it as the customer reads it), approved by the sandbox. */
    private static void approve(Http http, String key, String name) {
        var submitted = http.post("/api/v1/templates", key, """
                {"name": "%s", "language": "en_US", "category": "UTILITY",
                 "components": [{"type": "BODY", "text": "Hi {{1}}, your site visit is confirmed.",
                                 "example": {"body_text": [["Asha"]]}}]}""".formatted(name));
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        await(() -> http.get("/api/v1/templates?status=APPROVED", key).body().contains(name));
    }
}
