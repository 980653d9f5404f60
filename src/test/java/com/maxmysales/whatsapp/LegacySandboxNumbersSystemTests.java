package com.maxmysales.whatsapp;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.maxmysales.privacy.crypto.FieldCipher;
import com.maxmysales.shared.WorkspaceId;
import com.maxmysales.support.Http;
import com.maxmysales.support.PlatformTest;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.maxmysales.support.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An install upgraded from a version without the sandbox's registry: its sandbox number (the demo's), whose
 * token was the shared constant {@code sandbox-token}, keeps working for its workspace under a new token, and
 * the constant opens nothing.
 */
@PlatformTest
class LegacySandboxNumbersSystemTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    FieldCipher cipher;
    @Autowired
    LegacySandboxNumbers legacy;

    @Test
    void aSandboxNumberOfAnEarlierVersionIsRegisteredForItsWorkspaceUnderANewToken() throws Exception {
        var http = new Http(port);
        var apiKey = http.createWorkspace("Upgraded");
        var workspace = WorkspaceId.of(http.get("/api/v1/workspace", apiKey).json().get("id").asString());
        var phoneNumberId = String.valueOf(ThreadLocalRandom.current().nextLong(100_000_000_000_000L, 999_999_999_999_999L));
        // As an earlier version's demo wrote it.
        jdbc.sql("""
                insert into channels (id, workspace_id, phone_number_id, waba_id, display_phone_number, access_token,
                                      messages_per_second, sandbox, created_at)
                values (:id, :workspace, :number, :waba, '+1 555 010 4242', :token, 80, true, :now)""")
                .param("id", UUID.randomUUID()).param("workspace", workspace.value()).param("number", phoneNumberId)
                .param("waba", phoneNumberId + "1")
                .param("token", cipher.encrypt(workspace, ChannelManagement.TOKEN_FIELD, "sandbox-token"))
                .param("now", Timestamp.from(Instant.now().minusSeconds(3600))).update();

        var customer = "+9196" + ThreadLocalRandom.current().nextLong(10_000_000L, 99_999_999L);
        var write = "/sandbox/customers/" + customer.replace("+", "%2B") + "/messages";
        var text = """
                {"to": "%s", "name": "Asha", "text": "Still there?"}""".formatted(phoneNumberId);
        assertThat(http.post(write, apiKey, text).status()).as("unknown to the sandbox until registered").isEqualTo(404);

        legacy.run(null);
        legacy.run(null);

        var written = http.post(write, apiKey, text);
        assertThat(written.status()).as(written.body()).isEqualTo(202);
        await(() -> !http.get("/api/v1/contacts?phone=" + customer.replace("+", "%2B"), apiKey).json().get("items").isEmpty());
        var reply = http.post("/api/v1/messages", apiKey, """
                {"to": "%s", "type": "text", "text": "Yes, we are."}""".formatted(customer));
        assertThat(reply.status()).as(reply.body()).isEqualTo(202);
        var id = reply.json().get("id").asString();
        await(() -> Set.of("sent", "delivered", "read").contains(http.get("/api/v1/messages/" + id, apiKey).json()
                .get("status").asString()));

        assertThat(http.get("/sandbox/graph/v25.0/" + phoneNumberId, "sandbox-token").status())
                .as("the constant of earlier versions").isEqualTo(401);
        var stored = jdbc.sql("select access_token from channels where phone_number_id = ?").param(phoneNumberId)
                .query(byte[].class).single();
        assertThat(cipher.decrypt(workspace, ChannelManagement.TOKEN_FIELD, stored)).startsWith("EAASBX")
                .hasSizeGreaterThan(40);
    }
}
