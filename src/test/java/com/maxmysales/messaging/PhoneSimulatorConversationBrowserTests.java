package com.maxmysales.messaging;

import java.util.concurrent.atomic.AtomicReference;

import com.maxmysales.support.BrowserSession;
import com.maxmysales.support.Http;
import com.maxmysales.support.PlatformTest;
import com.maxmysales.support.SandboxNumber;
import com.maxmysales.tenancy.ApiKeyManagement;
import com.maxmysales.tenancy.SignUp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.maxmysales.support.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A member of a workspace chats as a customer in the phone simulator with the workspace's sandbox number; the
 * platform itself answers via its API.
 */
@PlatformTest
class PhoneSimulatorConversationBrowserTests {

    @RegisterExtension
    final BrowserSession session = new BrowserSession();

    @LocalServerPort
    int port;
    @Autowired
    SignUp signUp;
    @Autowired
    ApiKeyManagement apiKeys;

    @Test
    void theSimulatorAndThePlatformExchangeMessages() {
        var http = new Http(port);
        var email = "simulated-" + System.nanoTime() + "@shop.example";
        var created = (SignUp.Result.Created) signUp.register(new SignUp.Form("Simulated shop", "Devi", email,
                "a long enough password", true, true));
        var apiKey = apiKeys.create(created.workspace(), "Simulator", created.owner()).key().reveal();
        var number = SandboxNumber.connect(http, apiKey);
        var browser = session.open(port).signIn(email, "a long enough password").open("/sandbox/phone");
        new Select(browser.find("#customer")).selectByVisibleText("Asha Rao (+919811122233)");
        new Select(browser.find("#to")).selectByVisibleText("MaxMySales Sandbox · " + number.displayPhoneNumber());
        browser.click("#open-chat");

        browser.type("#message-text", "Is the blue kurta in stock?").click("#send");

        var received = new AtomicReference<String>();
        await(() -> {
            var contacts = http.get("/api/v1/contacts?phone=%2B919811122233", apiKey).json().get("items");
            for (var contact : contacts) {
                for (var conversation : http.get("/api/v1/conversations?contactId=" + contact.get("id").asString(), apiKey)
                        .json().get("items")) {
                    var messages = http.get("/api/v1/conversations/" + conversation.get("id").asString() + "/messages", apiKey)
                            .json().get("items");
                    messages.forEach(message -> received.set(message.get("text").asString()));
                }
            }
            return received.get() != null;
        });
        assertThat(received.get()).isEqualTo("Is the blue kurta in stock?");

        var reply = http.post("/api/v1/messages", apiKey, """
                {"to": "+919811122233", "type": "text", "text": "Yes, sizes S to XL. Shall I reserve one?"}""");
        assertThat(reply.status()).isEqualTo(202);
        var replyId = reply.json().get("id").asString();
        await(() -> http.get("/api/v1/messages/" + replyId, apiKey).json().get("wamid") != null
                && !http.get("/api/v1/messages/" + replyId, apiKey).json().get("wamid").isNull());
        var wamid = http.get("/api/v1/messages/" + replyId, apiKey).json().get("wamid").asString();

        browser.waitUntil(driver -> "read".equals(browser.tickOf(wamid)));
        assertThat(browser.find("[data-wamid='" + wamid + "'] .text").getText()).isEqualTo("Yes, sizes S to XL. Shall I reserve one?");
        await(() -> "read".equals(http.get("/api/v1/messages/" + replyId, apiKey).json().get("status").asString()));
        browser.screenshot("simulator-with-platform");
    }
}
