package com.maxmysales.leads;

import java.sql.Timestamp;
import java.time.Instant;
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
 * An install upgraded from a version without the sandbox's registry: the demo's page (which migration V66
 * marks as the sandbox's) is registered for its workspace under a new token, and its test leads work again.
 */
@PlatformTest
class LegacySandboxPagesSystemTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    FieldCipher cipher;
    @Autowired
    LegacySandboxPages legacy;

    @Test
    void theDemoPageOfAnEarlierVersionTakesTestLeadsAgain() throws Exception {
        var http = new Http(port);
        var apiKey = http.createWorkspace("Upgraded leads");
        var workspace = WorkspaceId.of(http.get("/api/v1/workspace", apiKey).json().get("id").asString());
        var page = String.valueOf(ThreadLocalRandom.current().nextLong(700_000_000_000_000L, 799_999_999_999_999L));
        var source = UUID.randomUUID();
        jdbc.sql("""
                insert into lead_sources (id, workspace_id, type, name, page_id, page_access_token, forms, sandbox, created_at)
                values (:id, :workspace, 'meta', 'Demo Facebook Page (sandbox)', :page, :token, :forms, true, :now)""")
                .param("id", source).param("workspace", workspace.value()).param("page", page)
                .param("token", cipher.encrypt(workspace, LeadSources.PAGE_TOKEN_FIELD, "sandbox-page-token"))
                .param("forms", new String[] {page + "1"}).param("now", Timestamp.from(Instant.now())).update();
        var testLead = "/api/v1/lead-sources/" + source + "/test-leads";
        assertThat(http.post(testLead, apiKey, "{\"name\": \"Asha\", \"phone\": \"+919811100000\"}").status())
                .as("unknown to the sandbox until registered").isEqualTo(502);

        legacy.run(null);

        var asked = http.post(testLead, apiKey, "{\"name\": \"Asha\", \"phone\": \"+919811100000\"}");
        assertThat(asked.status()).as(asked.body()).isEqualTo(202);
        var leadgenId = asked.json().get("leadgenId").asString();
        await(() -> jdbc.sql("select count(*) from leads where external_id = ? and stage = 'processed'").param(leadgenId)
                .query(Integer.class).single() == 1);
    }
}
