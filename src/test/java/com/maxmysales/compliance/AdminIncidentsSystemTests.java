package com.maxmysales.compliance;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.maxmysales.support.Http;
import com.maxmysales.support.PlatformTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operator reads back its platform-wide incidents: each with the workspaces it was entered in and their people
 * counts, no person's data; the list in keyset pages, newest detection first. Before: the operator could record an
 * incident and never see it again (no GET).
 */
@PlatformTest
class AdminIncidentsSystemTests {

    @LocalServerPort
    int port;

    @Test
    void theOperatorListsItsIncidentsWithTheWorkspacesAndTheirPeopleCounts() {
        var http = new Http(port);
        var start = Instant.now().minusSeconds(5);
        var first = http.createWorkspace("Incident shop one");
        var second = http.createWorkspace("Incident shop two");
        var phones = new ArrayList<String>();
        var base = ThreadLocalRandom.current().nextInt(10_000_000, 90_000_000);
        var contactIds = new ArrayList<String>();
        for (var i = 0; i < 3; i++) {
            var phone = "+9197%08d".formatted(base + i);
            phones.add(phone);
            var created = http.post("/api/v1/contacts", i < 2 ? first : second,
                    "{\"phone\": \"" + phone + "\", \"name\": \"Incident Person " + i + "\"}");
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            contactIds.add(created.json().get("id").asString());
        }
        var firstId = workspaceId(http, first);
        var secondId = workspaceId(http, second);
        var now = Instant.now();
        var older = record(http, now.minus(Duration.ofMinutes(2)), start, now);
        var newer = record(http, now.minus(Duration.ofMinutes(1)), start, now);

        var incident = http.get("/api/v1/admin/privacy/breaches/" + newer, PlatformTest.ADMIN_TOKEN);
        assertThat(incident.status()).as(incident.body()).isEqualTo(200);
        var entries = incident.json().get("workspaces");
        assertThat(entry(entries, firstId).get("affectedCount").asInt()).isEqualTo(2);
        assertThat(entry(entries, secondId).get("affectedCount").asInt()).isEqualTo(1);
        assertThat(entry(entries, firstId).get("notified").asInt()).isZero();
        assertThat(entry(entries, firstId).get("breachId").asString())
                .isEqualTo(http.get("/api/v1/privacy/breaches", first).json().get("items").get(0).get("id").asString());
        assertThat(incident.json().get("workspaceCount").asInt()).isEqualTo(entries.size());
        assertThat(incident.json().get("affectedCount").asInt()).isGreaterThanOrEqualTo(3);
        assertThat(incident.json().get("description").asString()).isEqualTo("A database backup was readable.");
        for (var personal : concat(phones, contactIds)) {
            assertThat(incident.body()).as("no person's data").doesNotContain(personal);
        }
        assertThat(incident.body()).doesNotContain("Incident Person");

        // Newest detection first, a page at a time: the newer incident, then the older one.
        var page = http.get("/api/v1/admin/privacy/breaches?limit=1", PlatformTest.ADMIN_TOKEN).json();
        assertThat(page.get("items").get(0).get("id").asString()).isEqualTo(newer);
        var next = http.get("/api/v1/admin/privacy/breaches?limit=1&cursor=" + page.get("nextCursor").asString(),
                PlatformTest.ADMIN_TOKEN).json();
        assertThat(next.get("items").get(0).get("id").asString()).isEqualTo(older);
        assertThat(entry(next.get("items").get(0).get("workspaces"), secondId).get("affectedCount").asInt()).isEqualTo(1);

        assertThat(http.get("/api/v1/admin/privacy/breaches/" + UUID.randomUUID(), PlatformTest.ADMIN_TOKEN).status())
                .isEqualTo(404);
        assertThat(http.get("/api/v1/admin/privacy/breaches?cursor=forged", PlatformTest.ADMIN_TOKEN).status())
                .isEqualTo(400);
        var withKey = http.get("/api/v1/admin/privacy/breaches/" + newer, first);
        assertThat(withKey.status()).as("a workspace's key").isEqualTo(401);
        assertThat(withKey.body()).doesNotContain(newer.toString());
    }

    private static String record(Http http, Instant detected, Instant from, Instant to) {
        var recorded = http.post("/api/v1/admin/privacy/breaches", PlatformTest.ADMIN_TOKEN, """
                {"detectedAt": "%s", "description": "A database backup was readable.", "exposedFrom": "%s",
                 "exposedTo": "%s", "dataCategories": ["contacts"]}""".formatted(detected, from, to));
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        return recorded.json().get("incidentId").asString();
    }

    private static JsonNode entry(JsonNode entries, String workspace) {
        for (var entry : entries) {
            if (entry.get("workspaceId").asString().equals(workspace)) {
                return entry;
            }
        }
        throw new AssertionError("no entry for workspace " + workspace + " in " + entries);
    }

    private static String workspaceId(Http http, String key) {
        return http.get("/api/v1/workspace", key).json().get("id").asString();
    }

    private static java.util.List<String> concat(java.util.List<String> a, java.util.List<String> b) {
        var all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
