package com.maxmysales.whatsapp.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import com.maxmysales.privacy.audit.AuditSubjects;
import com.maxmysales.support.BrowserSession;
import com.maxmysales.support.ClockedPlatformTest;
import com.maxmysales.support.Http;
import com.maxmysales.support.MetaWebhooks;
import com.maxmysales.support.MutableClock;
import com.maxmysales.support.PlatformTest;
import com.maxmysales.support.SandboxNumber;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.maxmysales.support.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13, "shown on an operator page with its error and retried after a fix by one click": an event poisoned by a
 * database trigger (as in {@link DeadLetterSystemTests}) is parked; the operator signs in with the admin token, sees
 * it with its workspace and error (and nothing of its body), removes the cause, clicks Retry, and it is applied once.
 */
@ClockedPlatformTest
class DeadLetterPageBrowserTests {

    @RegisterExtension
    final BrowserSession session = new BrowserSession();

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MutableClock clock;
    @Autowired
    WebhookProcessor processor;
    @Autowired
    AuditSubjects subjects;

    final String run = UUID.randomUUID().toString().substring(0, 8);

    PoisonedMessage poison;

    @AfterEach
    void removeThePoison() {
        if (poison != null) {
            poison.close();
        }
    }

    @Test
    void theOperatorSeesAParkedEventWithItsErrorAndRetriesItByOneClickAfterTheFix() {
        var http = new Http(port);
        var apiKey = http.createWorkspace("Dead letter page");
        var workspace = http.get("/api/v1/workspace", apiKey).json().get("id").asString();
        var number = SandboxNumber.connect(http, apiKey);
        var wamid = "wamid.PAGE-POISON-" + run;
        poison = new PoisonedMessage(jdbc, wamid);
        var body = MetaWebhooks.inbound(number.phoneNumberId(), "919833300002", "Meera", """
                { "from": "919833300002", "id": "%s", "timestamp": "1767225660", "type": "text",
                  "text": { "body": "Is the blue one in stock?" } }""".formatted(wamid));
        assertThat(MetaWebhooks.post(http, body).status()).isEqualTo(200);
        var event = jdbc.sql("select id from webhook_events where body_hash = sha256(?)")
                .param(body.getBytes(StandardCharsets.UTF_8)).query(Long.class).single();
        parkByFailing(event);

        var browser = session.open(port);
        browser.open("/operator/login").click("#cookies-essential");
        browser.waitUntil(driver -> !browser.has("#cookie-banner"));
        browser.type("#operator-token", PlatformTest.ADMIN_TOKEN).click("#operator-sign-in");
        assertThat(browser.path()).isEqualTo("/operator/webhook-events");
        var row = browser.find("#event-" + event).getText();
        assertThat(row).contains(workspace, String.valueOf(WebhookProcessor.MAX_ATTEMPTS), "Exception")
                .doesNotContain("Meera").doesNotContain("919833300002").doesNotContain("blue");
        assertThat(browser.find("#parked-count").getDomAttribute("data-count")).isNotEqualTo("0");
        browser.screenshot("dead-letter-page");

        poison.cure();
        browser.click("#event-" + event + " .event-retry");
        assertThat(browser.find("#event-" + event + " .event-outcome").getText()).startsWith("Queued again");

        await(() -> "processed".equals(state(event)));
        assertThat(jdbc.sql("select count(*) from messages where wamid = ?").param(wamid).query(Integer.class).single())
                .as("applied exactly once").isEqualTo(1);
        browser.open("/operator/webhook-events");
        browser.find("#parked-count");
        assertThat(browser.has("#event-" + event)).as("no longer parked").isFalse();
        assertThat(audited("admin POST /operator/webhook-events/{id}/retry",
                subjects.describe(java.util.Map.of("id", String.valueOf(event))))).isEqualTo(1);
        assertThat(audited("webhook-event.retry", "webhookEventId=" + event)).isEqualTo(1);

        browser.click("#operator-sign-out");
        assertThat(browser.path()).isEqualTo("/operator/login");
        browser.open("/operator/webhook-events");
        assertThat(browser.path()).as("signed out").isEqualTo("/operator/login");
    }

    /** Attempts the poisoned event until it is parked, each retry brought forward by the clock. */
    private void parkByFailing(long event) {
        await(() -> attempts(event) >= 1);
        while (!"parked".equals(state(event))) {
            var before = attempts(event);
            clock.advance(Duration.ofHours(2));
            processor.wake();
            await(() -> attempts(event) > before || "parked".equals(state(event)));
        }
    }

    private int attempts(long event) {
        return jdbc.sql("select attempts from webhook_events where id = ?").param(event).query(Integer.class).single();
    }

    private String state(long event) {
        return jdbc.sql("select state from webhook_events where id = ?").param(event).query(String.class).single();
    }

    private int audited(String action, String subject) {
        return jdbc.sql("select count(*) from audit_log where action = ? and subject = ?").param(action).param(subject)
                .query(Integer.class).single();
    }
}
