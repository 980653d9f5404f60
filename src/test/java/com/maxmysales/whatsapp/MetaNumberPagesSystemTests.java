package com.maxmysales.whatsapp;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.maxmysales.support.AgainstFakeMeta;
import com.maxmysales.support.Http;
import com.maxmysales.support.MetaWebhooks;
import com.maxmysales.support.WebSession;
import com.maxmysales.tenancy.SignUp;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.maxmysales.support.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Connecting a real number from the settings page, against Meta played by {@link com.maxmysales.support.FakeMeta}:
 * Meta's answer (verified name, quality, throughput, limit) is shown with the webhook URL and verify token to paste
 * into the Meta app, and the page confirms once Meta's first webhook for the number has arrived. A token Meta does
 * not confirm connects nothing and keeps the ids typed.
 */
class MetaNumberPagesSystemTests extends AgainstFakeMeta {

    private static final String PASSWORD = "a long enough password";

    @LocalServerPort
    int port;
    @Autowired
    SignUp signUp;

    @Test
    void theMetaFormShowsWhatMetaSaysAndTheWebhookToPasteAndConfirmsTheFirstWebhook() {
        var owner = owner("Meta Form Shop");
        var number = String.valueOf(ThreadLocalRandom.current().nextLong(100_000_000_000_000L, 199_999_999_999_999L));
        var waba = String.valueOf(ThreadLocalRandom.current().nextLong(200_000_000_000_000L, 299_999_999_999_999L));
        META.grantNumber("token-" + number, number, waba);

        var refused = owner.postForm("/app/settings/numbers/meta",
                Map.of("wabaId", waba, "phoneNumberId", number, "accessToken", "someone-elses-token"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("id=\"numbers-error\"", "Meta did not confirm", "value=\"" + number + "\"")
                .doesNotContain("someone-elses-token");

        var connected = owner.postForm("/app/settings/numbers/meta",
                Map.of("wabaId", waba, "phoneNumberId", number, "accessToken", "token-" + number));
        assertThat(connected.status()).as(connected.body()).isEqualTo(302);
        var numberPage = connected.header("Location");
        var page = owner.get(URIs.path(numberPage));
        assertThat(page.body()).contains("id=\"meta-verified-name\">A business", "GREEN", "TIER_250", "STANDARD",
                "/webhooks/whatsapp\"", "value=\"" + MetaWebhooks.VERIFY_TOKEN + "\"", "Waiting for Meta")
                .doesNotContain("token-" + number);
        assertThat(owner.get(URIs.path(numberPage)).body()).as("Meta's answer is shown once, and kept as its standing")
                .doesNotContain("id=\"meta-answer\"").contains("+91 98000 00001", "A business", "TIER_250");
        assertThat(owner.get("/app/settings/numbers").body()).contains("A business", "TIER_250");

        var body = MetaWebhooks.inbound(number, "919811122233", "Asha",
                "{\"from\": \"919811122233\", \"id\": \"wamid.FIRST" + UUID.randomUUID().toString().replace("-", "")
                        + "\", \"timestamp\": \"1733380000\", \"type\": \"text\", \"text\": {\"body\": \"hi\"}}");
        var delivered = new Http(port).post("/webhooks/whatsapp", null, body,
                Map.of("X-Hub-Signature-256", MetaWebhooks.sign(body)));
        assertThat(delivered.status()).isEqualTo(200);
        await(() -> owner.get(URIs.path(numberPage) + "/webhook-status").body().contains("Meta's webhooks arrive"));
    }

    private WebSession owner(String name) {
        var email = "owner-" + UUID.randomUUID().toString().substring(0, 8) + "@meta-form.example";
        signUp.register(new SignUp.Form(name, "Priya", email, PASSWORD, true, true));
        var session = new WebSession(port, WebSession.newClientAddress());
        assertThat(session.signIn(email, PASSWORD)).isTrue();
        return session;
    }

    private static final class URIs {
        static String path(String location) {
            return java.net.URI.create(location).getPath();
        }
    }
}
