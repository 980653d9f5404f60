package com.maxmysales.contacts;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.maxmysales.support.Http;
import com.maxmysales.support.PlatformTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Static lists and dynamic segments over the API: tags, consent, last message and typed attributes. */
@PlatformTest
class ContactGroupsSystemTests {

    @LocalServerPort
    int port;

    Http http;
    String apiKey;
    long run;

    @BeforeEach
    void aWorkspaceWithAttributes() {
        http = new Http(port);
        apiKey = http.createWorkspace("Segments");
        run = Math.abs(UUID.randomUUID().getMostSignificantBits() % 100_000L);
        http.post("/api/v1/contacts/attributes", apiKey, "{\"key\": \"orders\", \"type\": \"number\"}");
        http.post("/api/v1/contacts/attributes", apiKey, "{\"key\": \"city\", \"type\": \"text\"}");
    }

    @Test
    void aSegmentCombinesTagsConsentAndAttributesAndAListHoldsWhoWasPutThere() {
        var pune = contact(1, "[\"vip\"]", "{\"orders\": 5, \"city\": \"Pune\"}", true);
        var mumbai = contact(2, "[\"vip\"]", "{\"orders\": 1, \"city\": \"Mumbai\"}", true);
        var noConsent = contact(3, "[\"vip\"]", "{\"orders\": 9, \"city\": \"Pune\"}", false);
        var optedOut = contact(4, "[\"vip\"]", "{\"orders\": 7, \"city\": \"Pune\"}", true);
        var untagged = contact(5, "[]", "{\"orders\": 8, \"city\": \"Pune\"}", true);
        http.post("/api/v1/contacts/" + optedOut + "/consents", apiKey, "{\"purpose\": \"marketing\", \"status\": \"withdrawn\"}");

        var segment = http.post("/api/v1/segments", apiKey, """
                {"name": "Loyal Pune VIPs", "filter": {"tagsAll": ["VIP"], "consent": {"purpose": "marketing", "state": "granted"},
                 "attributes": [{"key": "orders", "op": "gte", "value": 3}, {"key": "city", "op": "contains", "value": "pun"}]}}""");
        assertThat(segment.status()).isEqualTo(201);
        assertThat(ids(http.get("/api/v1/segments/" + segment.json().get("id").asString() + "/contacts", apiKey)))
                .containsExactly(pune);
        var withoutConsent = http.post("/api/v1/segments", apiKey, """
                {"name": "Never asked", "filter": {"consent": {"purpose": "marketing", "state": "none"}}}""").json();
        assertThat(ids(http.get("/api/v1/segments/" + withoutConsent.get("id").asString() + "/contacts", apiKey)))
                .containsExactly(noConsent);

        var list = http.post("/api/v1/contact-lists", apiKey, "{\"name\": \"Diwali hampers\"}").json().get("id").asString();
        http.post("/api/v1/contact-lists/" + list + "/members", apiKey,
                "{\"contactIds\": [\"%s\", \"%s\"]}".formatted(mumbai, untagged));
        assertThat(ids(http.get("/api/v1/contact-lists/" + list + "/members", apiKey))).containsExactlyInAnyOrder(mumbai, untagged);
        var inListAndVip = http.post("/api/v1/segments", apiKey, """
                {"name": "Hamper VIPs", "filter": {"list": "%s", "tagsAny": ["vip"]}}""".formatted(list)).json();
        assertThat(ids(http.get("/api/v1/segments/" + inListAndVip.get("id").asString() + "/contacts", apiKey)))
                .containsExactly(mumbai);
        assertThat(http.post("/api/v1/segments", apiKey, "{\"name\": \"Bad\", \"filter\": {\"consent\": {\"purpose\": \"spam\"}}}")
                .status()).isEqualTo(400);
    }

    private String contact(int n, String tags, String attributes, boolean consent) {
        var body = """
                {"phone": "+9197%03d%05d", "tags": %s, "attributes": %s%s}""".formatted(n, run, tags, attributes,
                consent ? ", \"consent\": {\"purpose\": \"marketing\", \"basis\": \"shop form\"}" : "");
        var created = http.post("/api/v1/contacts", apiKey, body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private static List<String> ids(Http.Response page) {
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        var ids = new ArrayList<String>();
        for (JsonNode item : page.json().get("items")) {
            ids.add(item.get("id").asString());
        }
        return ids;
    }
}
