package com.maxmysales.security;

import java.util.UUID;

import com.maxmysales.support.Http;
import com.maxmysales.support.PlatformTest;
import com.maxmysales.support.SandboxNumber;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.maxmysales.support.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Attack round 5: an agent sent an approved MARKETING template to a customer who had said STOP, and to people who
 * never consented, by calling it "utility" (or "authentication"): the consent check asked about the purpose the
 * caller named. Meta delivers and prices such a template as marketing, so the platform now refuses it under any
 * other purpose, on the single and the bulk endpoint alike.
 */
@PlatformTest
class MarketingPurposeSecurityTests {

    @LocalServerPort
    int port;

    Http http;
    String apiKey;
    String template;
    long run;

    @BeforeEach
    void aWorkspaceWithAnApprovedMarketingTemplate() {
        http = new Http(port);
        apiKey = http.createWorkspace("Marketing purpose");
        SandboxNumber.connect(http, apiKey);
        run = Math.abs(UUID.randomUUID().getLeastSignificantBits() % 1_000_000L);
        template = "promo_" + run;
        var created = http.post("/api/v1/templates", apiKey, """
                {"name": "%s", "language": "en", "category": "MARKETING",
                 "components": [{"type": "BODY", "text": "Our festive sale starts today, everything 20 percent off"}]}"""
                .formatted(template));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        var id = created.json().get("id").asString();
        await(() -> "APPROVED".equals(http.get("/api/v1/templates/" + id, apiKey).json().get("status").asString()));
    }

    @Test
    void aMarketingTemplateSentAsUtilityOrAuthenticationIsRefused() {
        for (var purpose : new String[] {"utility", "authentication"}) {
            var refused = http.post("/api/v1/messages", apiKey, message(purpose));

            assertThat(refused.status()).as(refused.body()).isEqualTo(422);
            assertThat(refused.json().get("type").asString()).isEqualTo("urn:maxmysales:problem:purpose-not-allowed");
        }
        var bulk = http.post("/api/v1/messages/bulk", apiKey, "{\"messages\": [" + message("utility") + "]}");
        assertThat(bulk.status()).as(bulk.body()).isEqualTo(200);
        assertThat(bulk.json().get("results").get(0).get("type").asString())
                .isEqualTo("urn:maxmysales:problem:purpose-not-allowed");
    }

    /** As marketing it meets the consent check: without a grant, refused with the ledger's answer. */
    @Test
    void asMarketingItNeedsTheRecipientsConsent() {
        var refused = http.post("/api/v1/messages", apiKey, message("marketing"));

        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.json().get("type").asString()).isEqualTo("urn:maxmysales:problem:no-consent-recorded");
    }

    private String message(String purpose) {
        return """
                {"to": "+9198111%05d", "type": "template", "purpose": "%s", "template": {"name": "%s", "language": "en"}}"""
                .formatted(run % 100_000, purpose, template);
    }
}
