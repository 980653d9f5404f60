package com.maxmysales.chatbot;

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
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 18's "done when" in Chromium: a flow with a menu and a question built in the editor, chatted with in the
 * phone simulator, the answer saved on the contact, and "talk to a person" handing the conversation to the inbox
 * unassigned with the bot stopped. The editor is also looked at 390 px wide.
 */
@PlatformTest
class ChatbotBrowserTests {

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

    @Test
    void aFlowBuiltInTheEditorTalksInThePhoneSavesTheAnswerAndHandsOffToTheInbox() {
        var http = new Http(port);
        var fixture = new TeamFixture(signUp, team, apiKeys, workspaces, "Browser Bot");
        var key = fixture.keys.get(Role.OWNER);
        var number = SandboxNumber.connect(http, key);
        var run = String.valueOf(System.nanoTime() % 100_000_000L);
        var phone = "+9186" + run + "1";

        try (var browser = new Browser(port)) {
            browser.signIn(fixture.emails.get(Role.OWNER), TeamFixture.PASSWORD).open("/app/chatbot");
            browser.click("#chatbot-enabled").click("#save-settings");
            assertThat(browser.find("#chatbot-enabled").isSelected()).isTrue();

            browser.type("#new-flow-name", "Welcome").click("#create-flow");
            assertThat(browser.path()).startsWith("/app/chatbot/flows/");

            browser.type("#new-id", "ask_email");
            new Select(browser.find("#new-type")).selectByValue("question");
            browser.type("#new-text", "Your email, please?").type("#new-attribute", "signup_email");
            new Select(browser.find("#new-validation")).selectByValue("email");
            browser.type("#new-retry", "That is not an email.").click("#new-save");
            assertThat(browser.has("#flow-problems")).as("problems: %s", browser.driver().getPageSource().length()).isFalse();

            browser.click("#add-step summary").type("#new-id", "menu");
            new Select(browser.find("#new-type")).selectByValue("menu");
            browser.type("#new-text", "How can we help?").type("#new-options", "Sign up -> ask_email\nPrices")
                    .click("#new-save");
            browser.click("#step-hello summary").type("#hello-next", "menu").click("#hello-save");
            assertThat(browser.has("#flow-problems")).isFalse();
            assertThat(browser.find("#flow-graph").findElements(By.cssSelector("g.node"))).hasSize(3);
            assertThat(browser.find("#flow-graph").getText()).contains("Sign up");

            browser.find("#test-chat");
            browser.waitUntil(driver -> driver.findElement(By.id("test-chat")).getText().contains("How can we help?"));
            browser.click("#publish");
            assertThat(browser.find("#flow-status").getText()).contains("Published");
            browser.screenshot("chatbot-editor");
            browser.width(390);
            assertThat(browser.horizontalOverflow()).as("horizontal scroll at 390 px").isLessThanOrEqualTo(0);
            browser.width(1280);

            browser.open("/sandbox/phone?phone=" + phone.replace("+", "%2B") + "&name=Neha&to=" + number.phoneNumberId());
            browser.type("#message-text", "hi").click("#send");
            browser.waitUntil(driver -> driver.findElement(By.id("chat")).getText().contains("How can we help?"));
            browser.waitUntil(driver -> !driver.findElements(By.cssSelector("#chat button.choice")).isEmpty());
            browser.click("#chat button.choice");
            browser.waitUntil(driver -> driver.findElement(By.id("chat")).getText().contains("Your email, please?"));
            browser.type("#message-text", "neha at example").click("#send");
            browser.waitUntil(driver -> driver.findElement(By.id("chat")).getText().contains("That is not an email."));
            browser.type("#message-text", "neha@example.com").click("#send");
            Eventually.await(() -> contactOf(http, key, phone) != null && http.get("/api/v1/contacts/"
                    + contactOf(http, key, phone), key).body().contains("neha@example.com"));

            browser.open("/app/contacts/" + contactOf(http, key, phone));
            assertThat(browser.find("main").getText()).contains("signup_email", "neha@example.com");

            browser.open("/sandbox/phone?phone=" + phone.replace("+", "%2B") + "&name=Neha&to=" + number.phoneNumberId());
            browser.type("#message-text", "talk to a person").click("#send");
            browser.waitUntil(driver -> driver.findElement(By.id("chat")).getText().contains("A person from our team"));

            browser.open("/app/inbox");
            assertThat(browser.find("#inbox-list").getText()).contains("Neha", "bot handoff");
            var conversation = http.get("/api/v1/conversations?contactId=" + contactOf(http, key, phone), key).json()
                    .get("items").get(0);
            assertThat(conversation.path("assigneeId").isMissingNode() || conversation.get("assigneeId").isNull()).isTrue();
            assertThat(conversation.get("status").asString()).isEqualTo("open");

            browser.open("/sandbox/phone?phone=" + phone.replace("+", "%2B") + "&name=Neha&to=" + number.phoneNumberId());
            browser.type("#message-text", "hello again").click("#send");
            Eventually.await(() -> http.get("/api/v1/conversations/" + conversation.get("id").asString() + "/messages?limit=100",
                    key).body().contains("hello again"));
            sleep();
            var botAfter = http.get("/api/v1/conversations/" + conversation.get("id").asString() + "/messages?limit=100", key)
                    .json().get("items");
            assertThat(botAfter.get(0).get("text").asString()).as("the newest message is the customer's: the bot stopped")
                    .isEqualTo("hello again");
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(1500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String contactOf(Http http, String key, String phone) {
        var items = http.get("/api/v1/contacts?phone=" + phone.replace("+", "%2B"), key).json().get("items");
        return items.isEmpty() ? null : items.get(0).get("id").asString();
    }
}
