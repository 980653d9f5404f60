package com.maxmysales.platform;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;

import com.maxmysales.support.Http;
import com.maxmysales.support.PlatformTest;
import com.maxmysales.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo workspace a first run makes shows the features built since, through its own login: three weeks of
 * analytics before today's traffic, the privacy contact filled in, and one breach in the register with its 72-hour
 * deadline (recorded through the register: its due time is the real one). Before: the analytics page was empty
 * and the breach register said "No breach recorded".
 */
@PlatformTest
class DemoShowcaseSystemTests {

    @LocalServerPort
    int port;
    @Autowired
    DataDirectory dataDirectory;

    @Test
    void theDemoWorkspaceShowsAnalyticsAPrivacyContactAndABreachWithItsDeadline() throws Exception {
        var credentials = Files.readString(dataDirectory.root().resolve("demo-login.txt"));
        var password = value(credentials, "Password:");
        var apiKey = value(credentials, "API key:");
        var http = new Http(port);

        var messages = http.get("/api/v1/analytics/messages", apiKey).json();
        var busyDays = 0;
        for (var day : messages.get("days")) {
            if (day.get("inbound").asInt() >= 40 && day.get("sent").asInt() >= 55) {
                busyDays++;
            }
        }
        assertThat(busyDays).as("three weeks of figures before today").isGreaterThanOrEqualTo(21);
        assertThat(messages.get("totals").get("deliveryRate").asDouble()).isBetween(0.5, 1.0);
        assertThat(http.get("/api/v1/analytics/team", apiKey).json().get("bot").get("conversations").asInt())
                .isGreaterThan(0);

        var breaches = http.get("/api/v1/privacy/breaches", apiKey).json().get("items");
        assertThat(breaches.size()).as("one breach, recorded once").isEqualTo(1);
        var breach = breaches.get(0);
        var detected = Instant.parse(breach.get("detectedAt").asString());
        assertThat(Duration.between(detected, Instant.parse(breach.get("reportDueAt").asString())))
                .isEqualTo(Duration.ofHours(72));
        var filed = breach.get("reportFiledAt");
        assertThat(filed == null || filed.isNull()).as("still to be filed").isTrue();
        assertThat(http.get("/api/v1/privacy/contact", apiKey).json().get("name").asString()).contains("Priya Menon");

        var web = new WebSession(port, WebSession.newClientAddress());
        assertThat(web.signIn("demo@maxmysales.local", password)).isTrue();
        var analytics = web.get("/app/analytics").body();
        var inbound = java.util.regex.Pattern.compile("id=\"total-inbound\" data-value=\"(\\d+)\"").matcher(analytics);
        assertThat(inbound.find()).isTrue();
        assertThat(Integer.parseInt(inbound.group(1))).as("the page's inbound total").isGreaterThanOrEqualTo(21 * 40);
        var register = web.get("/app/settings/breaches").body();
        assertThat(register).contains("id=\"breach-" + breach.get("id").asString() + "\"")
                .contains("id=\"privacy-contact-current\"").contains("Priya Menon")
                .doesNotContain("id=\"breaches-empty\"");
        var page = web.get("/app/settings/breaches/" + breach.get("id").asString()).body();
        assertThat(page).contains("shared publicly by mistake");
    }

    private static String value(String credentials, String label) {
        return credentials.lines().filter(line -> line.strip().startsWith(label)).findFirst().orElseThrow()
                .split(":", 2)[1].strip();
    }
}
