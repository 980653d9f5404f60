package com.maxmysales.privacy;

import java.util.UUID;

import com.maxmysales.support.Http;
import com.maxmysales.support.PlatformTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person is one identity to every module (issue 12, item 5): an email typed one way when the business added the
 * contact and another way when the person asked for their data finds the same records, and erases them.
 */
@PlatformTest
class OneIdentitySystemTests {

    @LocalServerPort
    int port;

    Http http;
    String apiKey;
    String phone;

    @BeforeEach
    void aWorkspace() {
        http = new Http(port);
        apiKey = http.createWorkspace("Identity");
        phone = "+9195" + String.format("%08d", Math.abs(UUID.randomUUID().getLeastSignificantBits() % 100_000_000L));
    }

    @Test
    void aContactCreatedWithAnEmailTypedAnyWayIsFoundAndErasedThroughItsPlainSpelling() {
        var created = http.post("/api/v1/contacts", apiKey, """
                {"phone": "%s", "name": "Priya Nair", "email": " Priya.Nair@Example.COM "}""".formatted(phone));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        var contact = created.json().get("id").asString();

        var access = http.post("/api/v1/privacy/requests", apiKey, """
                {"type": "access", "email": "priya.nair@example.com"}""").json();

        assertThat(access.get("status").asString()).isEqualTo("completed");
        var export = http.get("/api/v1/privacy/requests/" + access.get("id").asString(), apiKey).json().get("export");
        assertThat(export.get("data").get("contacts")).singleElement().satisfies(found -> {
            assertThat(found.get("id").asString()).isEqualTo(contact);
            assertThat(found.get("email").asString()).isEqualTo("priya.nair@example.com");
        });

        var erasure = http.post("/api/v1/privacy/requests", apiKey, """
                {"type": "erasure", "email": "priya.nair@example.com"}""").json();

        assertThat(erasure.get("status").asString()).isEqualTo("completed");
        var erased = http.get("/api/v1/privacy/requests/" + erasure.get("id").asString(), apiKey).json();
        assertThat(erased.get("summary").get("contacts").asInt()).isEqualTo(1);
        assertThat(http.get("/api/v1/contacts/" + contact, apiKey).status()).isEqualTo(404);
        var again = http.post("/api/v1/contacts", apiKey, """
                {"phone": "+447700900123", "email": "PRIYA.NAIR@example.com"}""");
        assertThat(again.status()).as("the erased person is not added back under a third spelling").isEqualTo(409);
        assertThat(again.json().get("type").asString()).endsWith("erased-person");
    }
}
