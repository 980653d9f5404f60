package com.maxmysales.privacy;

import java.util.List;
import java.util.UUID;

import com.maxmysales.privacy.crypto.FieldCipher;
import com.maxmysales.shared.WorkspaceId;

import com.maxmysales.support.Http;
import com.maxmysales.support.MetaWebhooks;
import com.maxmysales.support.PlatformTest;
import com.maxmysales.support.SandboxNumber;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.maxmysales.support.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

/** Inbound messages are masked before they are stored, and only the counts are kept (P1). */
@PlatformTest
class SensitiveDataMaskingSystemTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    FieldCipher cipher;

    Http http;
    String apiKey;
    String phoneNumberId;
    String waId;
    long run;

    @BeforeEach
    void aConnectedNumber() {
        http = new Http(port);
        apiKey = http.createWorkspace("Masking");
        run = Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000L);
        phoneNumberId = SandboxNumber.connect(http, apiKey).phoneNumberId();
        waId = String.valueOf(919_700_000_000L + run);
    }

    /**
     * Read back both through the API and from the stored columns themselves, decrypted here: masking only when a
     * message is read would pass the first and fail the second: store the text unmasked (InboundWhatsApp) and mask it
     * when read (MessageCipher.open) → fails.
     */
    @Test
    void aCardNumberAndAHealthTermAreMaskedInTextAndCaptionsWhileTheOrderNumberStays() {
        receive("""
                { "from": "%s", "id": "wamid.MASK1%d", "timestamp": "1767225660", "type": "text",
                  "text": { "body": "Order #98765 - paid with 4111 1111 1111 1111, I am diabetic" } }""".formatted(waId, run));
        receive("""
                { "from": "%s", "id": "wamid.MASK2%d", "timestamp": "1767225670", "type": "image",
                  "image": { "caption": "my aadhaar 2345 6789 0124", "mime_type": "image/jpeg", "sha256": "abc", "id": "1598" } }"""
                .formatted(waId, run));

        var messages = messages();
        var text = messages.get(1);
        var image = messages.get(0);
        assertThat(text.get("text").asString()).isEqualTo("Order #98765 - paid with XXXX XXXX XXXX 1111, I am XXXXXXXX");
        assertThat(text.get("content").get("body").asString()).isEqualTo(text.get("text").asString());
        assertThat(image.get("text").asString()).isEqualTo("my aadhaar XXXX XXXX 0124");
        assertThat(image.get("content").get("caption").asString()).isEqualTo("my aadhaar XXXX XXXX 0124");
        assertThat(image.get("content").get("id").asString()).as("media ids are not text").isEqualTo("1598");

        var workspace = WorkspaceId.of(http.get("/api/v1/workspace", apiKey).json().get("id").asString());
        var stored = jdbc.sql("select text, payload from messages where workspace_id = ? order by wamid")
                .param(workspace.value()).query((rows, n) -> List.of(cipher.decrypt(workspace, "messages.text", rows.getBytes(1)),
                        cipher.decrypt(workspace, "messages.payload", rows.getBytes(2)))).list();
        assertThat(stored).hasSize(2);
        assertThat(stored.get(0).get(0)).isEqualTo("Order #98765 - paid with XXXX XXXX XXXX 1111, I am XXXXXXXX");
        assertThat(stored.get(0).get(1)).contains("XXXX XXXX XXXX 1111").doesNotContain("4111 1111").doesNotContain("diabetic");
        assertThat(stored.get(1).get(0)).isEqualTo("my aadhaar XXXX XXXX 0124");
        assertThat(stored.get(1).get(1)).contains("XXXX XXXX 0124").doesNotContain("2345 6789").contains("1598");

        var counts = http.get("/api/v1/privacy/masking-counts", apiKey).json().get("counts");
        assertThat(counts.toString()).contains("\"kind\":\"card-number\",\"count\":1", "\"kind\":\"health-term\",\"count\":1",
                "\"kind\":\"aadhaar\",\"count\":1");
    }

    private void receive(String message) {
        var body = MetaWebhooks.inbound(phoneNumberId, waId, "Masked Customer", message);
        assertThat(MetaWebhooks.post(http, body).status()).isEqualTo(200);
    }

    private tools.jackson.databind.JsonNode messages() {
        await(() -> conversation() != null && http.get("/api/v1/conversations/" + conversation() + "/messages", apiKey)
                .json().get("items").size() == 2);
        return http.get("/api/v1/conversations/" + conversation() + "/messages", apiKey).json().get("items");
    }

    private String conversation() {
        var contacts = http.get("/api/v1/contacts?phone=%2B" + waId, apiKey).json().get("items");
        if (contacts.isEmpty()) {
            return null;
        }
        var conversations = http.get("/api/v1/conversations?contactId=" + contacts.get(0).get("id").asString(), apiKey)
                .json().get("items");
        return conversations.isEmpty() ? null : conversations.get(0).get("id").asString();
    }
}
