package com.maxmysales.privacy;

import java.util.UUID;

import com.maxmysales.support.ClockedPlatformTest;
import com.maxmysales.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A platform without a mail server for privacy requests: the one whose clock the tests move has none (every other
 * test platform has {@code TestMail}'s), so this runs there rather than start a platform of its own.
 */
@ClockedPlatformTest
class EmailVerificationUnavailableSystemTests {

    @LocalServerPort
    int port;

    @Test
    void verificationByEmailWithoutAMailServerIsAProblemNotAFailure() {
        var http = new Http(port);
        var apiKey = http.createWorkspace("No mail server");
        var person = "+9195" + String.format("%08d", Math.abs(UUID.randomUUID().getLeastSignificantBits() % 100_000_000L));

        var refused = http.post("/api/v1/privacy/requests", apiKey, """
                {"type": "access", "phone": "%s", "email": "p%s@example.com", "requestedBy": "person", "verifyBy": "email"}"""
                .formatted(person, person.substring(1)));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().get("type").asString()).isEqualTo("urn:maxmysales:problem:email-verification-unavailable");
        assertThat(http.get("/api/v1/privacy/requests", apiKey).json().get("items").size()).as("nothing filed").isZero();
        assertThat(http.post("/api/v1/privacy/requests", apiKey, """
                {"type": "access", "phone": "%s", "requestedBy": "person", "verifyBy": "email"}""".formatted(person))
                .json().get("type").asString()).as("email verification needs an email")
                .isEqualTo("urn:maxmysales:problem:verification-unavailable");
        assertThat(http.post("/api/v1/privacy/requests", apiKey, """
                {"type": "access", "phone": "%s", "requestedBy": "person", "verifyBy": "pigeon"}""".formatted(person))
                .status()).isEqualTo(400);
    }
}
