package com.maxmysales.web;

import com.maxmysales.support.PlatformTest;
import com.maxmysales.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The public pages promise what this install does, from its configuration, and nothing it does not. */
@PlatformTest
class PublicPagesSystemTests {

    @LocalServerPort
    int port;

    @Test
    void withoutAnAiProcessorOrABreachRegisterThePrivacyNoticeAndTheLandingPageClaimNeither() {
        var visitor = new WebSession(port, WebSession.newClientAddress());

        var notice = visitor.get("/privacy").body();
        assertThat(notice).contains("id=\"no-ai-processor\"").doesNotContain("id=\"ai-processors\"")
                .doesNotContain("breach", "72-hour", "chatbot", "Intent analysis");

        var home = visitor.get("/").body();
        assertThat(home).doesNotContainIgnoringCase("AI assistant").doesNotContain("a bot answers", "Campaigns")
                .contains("id=\"feature-sandbox\"", "purged 30");
    }
}
