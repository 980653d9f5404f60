package com.maxmysales.compliance;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import com.maxmysales.support.Http;
import com.maxmysales.support.PlatformTest;
import com.maxmysales.support.WebSession;
import com.maxmysales.tenancy.ApiKeyManagement;
import com.maxmysales.tenancy.SignUp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A breach's times are the workspace's: in the dashboard notice, the draft report and the compliance page, each naming
 * the zone. Before: the notice and the draft said UTC, the report's page too, while the register said the zone.
 */
@PlatformTest
class BreachTimesSystemTests {

    private static final String PASSWORD = "a long enough password";
    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");

    @LocalServerPort
    int port;
    @Autowired
    SignUp signUp;
    @Autowired
    ApiKeyManagement apiKeys;

    @Test
    void theNoticeTheDraftAndTheReportWriteTimesInTheWorkspacesZone() {
        var http = new Http(port);
        var email = "times-owner-" + System.nanoTime() + "@shop.example";
        var created = (SignUp.Result.Created) signUp.register(new SignUp.Form("Times shop", "Owner", email, PASSWORD,
                true, true));
        var web = new WebSession(port, WebSession.newClientAddress());
        assertThat(web.signIn(email, PASSWORD)).isTrue();
        var apiKey = apiKeys.create(created.workspace(), "Times", created.owner()).key().reveal();
        assertThat(http.patch("/api/v1/workspace", apiKey, "{\"timeZone\": \"America/Chicago\"}").status()).isEqualTo(200);

        var detected = Instant.now().minus(Duration.ofMinutes(5)).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        var breach = http.post("/api/v1/privacy/breaches", apiKey, """
                {"detectedAt": "%s", "description": "A stolen laptop.", "exposedFrom": "%s", "exposedTo": "%s",
                 "dataCategories": ["contacts"]}""".formatted(detected, detected.minus(Duration.ofHours(2)), detected));
        assertThat(breach.status()).as(breach.body()).isEqualTo(201);
        var id = breach.json().get("id").asString();
        var due = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(detected.plus(Duration.ofHours(72))
                .atZone(CHICAGO)) + " (America/Chicago)";

        var dashboard = web.get("/app").body();
        assertThat(dashboard).contains("due by " + due).doesNotContain("UTC");
        var timing = http.get("/api/v1/privacy/breaches/" + id + "/report", apiKey).json().get("timing").asString();
        assertThat(timing).contains("due by " + due).doesNotContain("UTC");

        var report = http.get("/api/v1/reports/compliance", apiKey).json();
        assertThat(report.get("timeZone").asString()).isEqualTo("America/Chicago");
        var page = web.get("/app/compliance").body();
        assertThat(page).contains("id=\"report-zone\"", "America/Chicago", due).doesNotContain(" UTC");
        assertThat(web.get("/app/settings/breaches").body()).contains("id=\"register-zone\">America/Chicago<");
    }
}
