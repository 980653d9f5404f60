package com.maxmysales.sandbox;

import com.maxmysales.sandbox.SandboxGraphSystemTests.PlatformWebhooks;
import com.maxmysales.support.Browser;
import com.maxmysales.support.BrowserSession;
import com.maxmysales.support.Http;
import com.maxmysales.tenancy.ApiKeyManagement;
import com.maxmysales.tenancy.SignUp;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The phone simulator as a member of a workspace uses it: signed in, chatting as a customer with one of the
 * workspace's sandbox numbers, picked by its display number.
 */
@SandboxPlatformTest
class PhoneSimulatorBrowserTests {

    @RegisterExtension
    final BrowserSession session = new BrowserSession();

    @LocalServerPort
    int port;
    @Autowired
    PlatformWebhooks platform;
    @Autowired
    SignUp signUp;
    @Autowired
    ApiKeyManagement apiKeys;
    SandboxClient sandbox;
    String phoneNumberId;
    String email;

    @BeforeEach
    void aMemberWithASandboxNumber() {
        email = "simulator-" + System.nanoTime() + "@shop.example";
        var created = (SignUp.Result.Created) signUp.register(new SignUp.Form("Simulated shop", "Devi", email,
                "a long enough password", true, true));
        var apiKey = apiKeys.create(created.workspace(), "Simulator", created.owner()).key().reveal();
        sandbox = new SandboxClient(new Http(port), apiKey);
        phoneNumberId = sandbox.phoneNumberId();
    }

    @Test
    void aVisitorWhoIsNotSignedInSignsInFirstAndThenSeesTheWorkspacesNumbersByName() {
        var browser = session.open(port).open("/sandbox/phone");
        assertThat(browser.path()).isEqualTo("/login");

        browser.click("#cookies-essential").type("#username", email).type("#password", "a long enough password")
                .click("#sign-in");

        assertThat(browser.path()).isEqualTo("/sandbox/phone");
        var numbers = new Select(browser.find("#to")).getOptions();
        assertThat(numbers).hasSize(1);
        assertThat(numbers.getFirst().getText()).as("by name, never by an id to paste")
                .isEqualTo("MaxMySales Sandbox · " + sandbox.number().displayPhoneNumber());
        assertThat(numbers.getFirst().getDomAttribute("value")).isEqualTo(phoneNumberId);
    }

    @Test
    void aCustomerWritesFromThePhoneAndWatchesTheBusinessReplyGetRead() {
        var browser = openChat("Priya Nair (+919833344455)");
        assertThat(browser.find("#chat-name").getText()).isEqualTo("Priya Nair");

        browser.type("#message-text", "Do you deliver to Kochi?").click("#send");

        var inbound = platform.await(json -> "Do you deliver to Kochi?".equals(message(json).path("text").path("body").asString(""))
                && phoneNumberId.equals(PlatformWebhooks.value(json).path("metadata").path("phone_number_id").asString("")));
        assertThat(message(inbound.json()).get("from").asString()).isEqualTo("919833344455");
        assertThat(PlatformWebhooks.value(inbound.json()).get("contacts").get(0).get("profile").get("name").asString())
                .isEqualTo("Priya Nair");
        var written = message(inbound.json()).get("id").asString();
        browser.waitUntil(driver -> "delivered".equals(browser.tickOf(written)));
        assertThat(browser.find("#message-text").getDomProperty("value")).as("the composer is cleared").isEmpty();

        var reply = sandbox.sendText(phoneNumberId, "+919833344455", "Yes, Kochi delivery takes two days.");

        browser.waitUntil(driver -> "read".equals(browser.tickOf(reply)));
        assertThat(browser.find("[data-wamid='" + reply + "'] .text").getText()).isEqualTo("Yes, Kochi delivery takes two days.");
        assertThat(browser.find("[data-wamid='" + reply + "']").getDomAttribute("class")).contains("theirs");
        assertThat(browser.find("[data-wamid='" + reply + "'] .ticks").getText()).isEqualTo("✓✓");
        browser.screenshot("phone-simulator-read");
    }

    @Test
    void tappingAReplyButtonAnswersTheBusinessAsAnInteractiveReply() {
        var browser = openChat("Vikram Singh (+919822233344)");
        browser.type("#message-text", "Hi").click("#send");
        // The customer's message must have reached the sandbox (opening the 24-hour window) before the business writes.
        platform.await(json -> "Hi".equals(message(json).path("text").path("body").asString(""))
                && phoneNumberId.equals(PlatformWebhooks.value(json).path("metadata").path("phone_number_id").asString("")));
        var question = sandbox.send(phoneNumberId, """
                {"messaging_product": "whatsapp", "to": "+919822233344", "type": "interactive",
                 "interactive": {"type": "button", "body": {"text": "When would you like to visit?"},
                   "action": {"buttons": [{"type": "reply", "reply": {"id": "visit_sat", "title": "Saturday"}},
                                          {"type": "reply", "reply": {"id": "visit_sun", "title": "Sunday"}}]}}}""");
        assertThat(question.status()).as(question.body()).isEqualTo(200);
        var wamid = question.json().get("messages").get(0).get("id").asString();

        // Once read, the bubble stops changing, so the chat is not swapped under the click.
        browser.waitUntil(driver -> "read".equals(browser.tickOf(wamid)));
        browser.click("[data-wamid='" + wamid + "'] form:nth-of-type(2) button.choice");

        var answer = platform.await(json -> wamid.equals(message(json).path("context").path("id").asString("")));
        assertThat(message(answer.json()).get("interactive")).isEqualTo(SandboxGraphSystemTests.JSON.readTree("""
                {"type": "button_reply", "button_reply": {"id": "visit_sun", "title": "Sunday"}}"""));
    }

    /**
     * Walkthrough finding: the chat's header showed the Graph phone-number id, and a template its name. The header is
     * the business's, as the customer's WhatsApp shows it, and a template reads as the customer gets it: the header,
     * the body with the values in it, the footer and the buttons, a quick reply answering with the send's payload.
     */
    @Test
    void theChatShowsTheBusinessByNameAndATemplateAsTheCustomerReadsIt() {
        var submitted = sandbox.post(sandbox.number().wabaId() + "/message_templates", """
                {"name": "order_shipped", "language": "en_US", "category": "UTILITY", "components": [
                  {"type": "HEADER", "format": "TEXT", "text": "Order {{1}}"},
                  {"type": "BODY", "text": "Hello {{1}}, your {{2}} left our shop today."},
                  {"type": "FOOTER", "text": "Sent by Simulated shop"},
                  {"type": "BUTTONS", "buttons": [{"type": "QUICK_REPLY", "text": "Track it"},
                    {"type": "URL", "text": "See the order", "url": "https://shop.example/orders/{{1}}"}]}]}""");
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
        var browser = openChat("Priya Nair (+919833344455)");
        assertThat(browser.find("#chat-business").getText()).isEqualTo("MaxMySales Sandbox");
        assertThat(browser.find("#chat-business-number").getText()).isEqualTo(sandbox.number().displayPhoneNumber());
        assertThat(browser.find("#phone-screen").getText()).as("an id WhatsApp never shows").doesNotContain(phoneNumberId);

        var sent = sandbox.send(phoneNumberId, """
                {"messaging_product": "whatsapp", "to": "+919833344455", "type": "template",
                 "template": {"name": "order_shipped", "language": {"code": "en_US"}, "components": [
                   {"type": "header", "parameters": [{"type": "text", "text": "#1042"}]},
                   {"type": "body", "parameters": [{"type": "text", "text": "Priya"}, {"type": "text", "text": "blue kurta"}]},
                   {"type": "button", "sub_type": "quick_reply", "index": "0", "parameters": [{"type": "payload", "payload": "track_1042"}]},
                   {"type": "button", "sub_type": "url", "index": "1", "parameters": [{"type": "text", "text": "1042"}]}]}}""");
        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
        var wamid = sent.json().get("messages").get(0).get("id").asString();
        var bubble = "[data-wamid='" + wamid + "']";
        browser.waitUntil(driver -> "read".equals(browser.tickOf(wamid)) || "delivered".equals(browser.tickOf(wamid)));
        assertThat(browser.find(bubble + " .header").getText()).isEqualTo("Order #1042");
        assertThat(browser.find(bubble + " .text").getText()).isEqualTo("Hello Priya, your blue kurta left our shop today.");
        assertThat(browser.find(bubble + " .footer").getText()).isEqualTo("Sent by Simulated shop");
        assertThat(browser.find(bubble).getText()).doesNotContain("order_shipped");
        assertThat(browser.find(bubble + " .choice.inert").getText()).isEqualTo("🔗 See the order");
        browser.screenshot("phone-simulator-template");

        browser.waitUntil(driver -> "read".equals(browser.tickOf(wamid)));
        browser.click(bubble + " button.choice");
        var tapped = platform.await(json -> wamid.equals(message(json).path("context").path("id").asString("")));
        assertThat(message(tapped.json()).get("button")).isEqualTo(SandboxGraphSystemTests.JSON.readTree("""
                {"payload": "track_1042", "text": "Track it"}"""));
    }

    private Browser openChat(String customer) {
        var browser = session.open(port).signIn(email, "a long enough password").open("/sandbox/phone");
        new Select(browser.find("#customer")).selectByVisibleText(customer);
        new Select(browser.find("#to")).selectByVisibleText("MaxMySales Sandbox · " + sandbox.number().displayPhoneNumber());
        browser.click("#open-chat");
        browser.find("#phone-screen");
        return browser;
    }

    private static tools.jackson.databind.JsonNode message(tools.jackson.databind.JsonNode notification) {
        return PlatformWebhooks.value(notification).path("messages").path(0);
    }
}
