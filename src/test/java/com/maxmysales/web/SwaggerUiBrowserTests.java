package com.maxmysales.web;

import java.time.Duration;

import com.maxmysales.support.BrowserSession;
import com.maxmysales.support.Http;
import com.maxmysales.support.PlatformTest;
import com.maxmysales.support.SandboxNumber;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.maxmysales.support.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An integrator's first call, as issue 15 asks: Swagger UI, "Authorize" with the workspace's API key, "Try it out"
 * on POST /api/v1/messages with the text example, and the message is queued (202, as documented) to a sandbox
 * customer who wrote first.
 */
@PlatformTest
class SwaggerUiBrowserTests {

    @RegisterExtension
    final BrowserSession session = new BrowserSession();

    @LocalServerPort
    int port;

    @Test
    void tryItOutSendsAMessageWithAnApiKey() {
        var http = new Http(port);
        var key = http.createWorkspace("Swagger UI");
        var number = SandboxNumber.connect(http, key);
        var customer = "+919845001601";
        number.customerWritesText(customer, "Asha Rao", "Is my order on its way?");
        // Applied after Meta's 200 is answered: the 24-hour window opens once the message is stored.
        await(() -> http.get("/api/v1/contacts?phone=" + customer.replace("+", "%2B"), key).json().path("items")
                .path(0).path("lastInboundAt").isString());
        var browser = session.open(port);

        browser.open("/swagger-ui.html");
        browser.find("button.authorize").click();
        var keyField = browser.find(".auth-container input[type=text], .auth-container input[type=password]");
        keyField.sendKeys(key);
        browser.find(".auth-btn-wrapper button.authorize").click();
        browser.find(".auth-btn-wrapper .btn-done").click();

        var send = browser.find("#operations-Messages-send");
        send.findElement(By.cssSelector(".opblock-summary-control")).click();
        browser.find("#operations-Messages-send .try-out__btn").click();
        var body = browser.find("#operations-Messages-send textarea.body-param__text");
        assertThat(body.getAttribute("value")).as("the text example is offered").contains("\"type\": \"text\"");
        body.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        body.sendKeys("{\"to\": \"" + customer + "\", \"type\": \"text\", \"text\": \"Shipped today, Asha\"}");
        browser.find("#operations-Messages-send button.execute").click();

        var status = new WebDriverWait(browser.driver(), Duration.ofSeconds(15)).until(driver -> {
            var cells = driver.findElements(By.cssSelector("#operations-Messages-send .live-responses-table tr.response .response-col_status"));
            return cells.isEmpty() || cells.getFirst().getText().isBlank() ? null : cells.getFirst().getText().trim();
        });
        assertThat(status).isEqualTo("202");
        assertThat(browser.find("#operations-Messages-send .responses-table:not(.live-responses-table) tr[data-code='202']"))
                .as("202 is what the document promised").isNotNull();
        var answer = browser.find("#operations-Messages-send .live-responses-table .response-col_description pre").getText();
        var id = java.util.regex.Pattern.compile("\"id\": \"([0-9a-f-]{36})\"").matcher(answer);
        assertThat(id.find()).as(answer).isTrue();
        var message = http.get("/api/v1/messages/" + id.group(1), key).json();
        assertThat(message.get("text").asString()).isEqualTo("Shipped today, Asha");
    }
}
