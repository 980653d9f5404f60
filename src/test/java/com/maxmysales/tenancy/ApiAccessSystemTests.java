package com.maxmysales.tenancy;

import java.nio.charset.StandardCharsets;
import java.util.List;

import com.maxmysales.support.DatabaseDump;
import com.maxmysales.support.Http;
import com.maxmysales.support.PlatformTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@PlatformTest
class ApiAccessSystemTests {

    @LocalServerPort
    int port;
    @Autowired
    ApiKeyManagement apiKeys;
    @Autowired
    JdbcClient jdbc;
    Http http;

    @BeforeEach
    void connect() {
        http = new Http(port);
    }

    @Test
    void theOperatorCreatesAWorkspaceWhoseKeyWorksOnTheApi() {
        var created = http.post("/api/v1/admin/workspaces", PlatformTest.ADMIN_TOKEN, "{\"name\": \"Acme Traders\"}");

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Cache-Control")).contains("no-store");
        var key = created.json().get("apiKey").asString();
        var workspace = http.get("/api/v1/workspace", key);
        assertThat(workspace.status()).isEqualTo(200);
        assertThat(workspace.json().get("id").asString()).isEqualTo(created.json().get("id").asString());
        assertThat(workspace.json().get("name").asString()).isEqualTo("Acme Traders");
    }

    /**
     * "Kept only as a hash": the key's row holds its SHA-256 and no table holds the key, as text or as bytes. Keep the
     * key itself as the row's hint (ApiKeyManagement) → fails.
     */
    @Test
    void aKeyIsKeptOnlyAsItsHash() throws Exception {
        var created = http.post("/api/v1/admin/workspaces", PlatformTest.ADMIN_TOKEN, "{\"name\": \"Hashed keys\"}").json();
        var key = created.get("apiKey").asString();
        var secondKey = apiKeys.create(com.maxmysales.shared.WorkspaceId.of(created.get("id").asString()), "integration", null)
                .key().reveal();

        var hashes = jdbc.sql("select key_hash from api_keys where workspace_id = cast(? as uuid) order by created_at")
                .param(created.get("id").asString()).query(byte[].class).list();

        var sha256 = java.security.MessageDigest.getInstance("SHA-256");
        assertThat(hashes).containsExactly(sha256.digest(key.getBytes(StandardCharsets.UTF_8)),
                sha256.digest(secondKey.getBytes(StandardCharsets.UTF_8)));
        assertThat(DatabaseDump.of(jdbc).containing(List.of(key, secondKey, key.substring(4), secondKey.substring(4))))
                .as("the keys, anywhere in the database").isEmpty();
        assertThat(http.get("/api/v1/workspace", secondKey).status()).as("and still they work").isEqualTo(200);
    }

    @Test
    void aWrongMissingOrRevokedKeyIsRefusedWithAProblem() {
        var key = http.createWorkspace("Refusals");

        for (var bearer : new String[] {null, "mms_not-a-real-key", key + "x", PlatformTest.ADMIN_TOKEN}) {
            var refused = http.get("/api/v1/workspace", bearer);
            assertThat(refused.status()).as("bearer %s", bearer).isEqualTo(401);
            assertThat(refused.header("Content-Type")).isEqualTo("application/problem+json");
            assertThat(refused.json().get("type").asString()).isEqualTo("urn:maxmysales:problem:unauthorized");
        }

        var keyId = http.get("/api/v1/api-keys", key).json().get("items").get(0).get("id").asString();
        assertThat(http.delete("/api/v1/api-keys/" + keyId, key).status()).isEqualTo(204);
        assertThat(http.get("/api/v1/workspace", key).status()).isEqualTo(401);
    }

    @Test
    void theAdminApiWantsTheOperatorTokenNotAWorkspaceKey() {
        var key = http.createWorkspace("Not an operator");

        assertThat(http.post("/api/v1/admin/workspaces", key, "{\"name\": \"x\"}").status()).isEqualTo(401);
        assertThat(http.post("/api/v1/admin/workspaces", null, "{\"name\": \"x\"}").status()).isEqualTo(401);
    }

    @Test
    void badInputIsAProblemWithAStableType() {
        var blank = http.post("/api/v1/admin/workspaces", PlatformTest.ADMIN_TOKEN, "{\"name\": \"  \"}");
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.json().get("type").asString()).isEqualTo("urn:maxmysales:problem:invalid-request");
        assertThat(blank.json().get("detail").asString()).contains("name");

        var notJson = http.post("/api/v1/admin/workspaces", PlatformTest.ADMIN_TOKEN, "{name");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.json().get("type").asString()).isEqualTo("urn:maxmysales:problem:malformed-request");
    }

    @Test
    void listsArePagedNewestFirstWithAnOpaqueCursor() {
        var key = http.createWorkspace("Paging");
        var workspace = com.maxmysales.shared.WorkspaceId.of(http.get("/api/v1/workspace", key).json().get("id").asString());
        var created = new java.util.ArrayList<String>();
        created.add(http.get("/api/v1/api-keys", key).json().get("items").get(0).get("id").asString());
        for (int i = 0; i < 4; i++) {
            created.add(apiKeys.create(workspace, "key " + i, null).id().toString());
        }

        var seen = new java.util.ArrayList<String>();
        String cursor = null;
        do {
            var page = http.get("/api/v1/api-keys?limit=2" + (cursor == null ? "" : "&cursor=" + cursor), key).json();
            assertThat(page.get("items").size()).isBetween(1, 2);
            page.get("items").forEach(item -> seen.add(item.get("id").asString()));
            cursor = page.has("nextCursor") ? page.get("nextCursor").asString() : null;
        } while (cursor != null);

        assertThat(seen).containsExactlyElementsOf(created.reversed());

        var badCursor = http.get("/api/v1/api-keys?cursor=garbage", key);
        assertThat(badCursor.status()).isEqualTo(400);
        assertThat(badCursor.json().get("type").asString()).isEqualTo("urn:maxmysales:problem:invalid-cursor");
        assertThat(http.get("/api/v1/api-keys?limit=0", key).status()).isEqualTo(400);
    }

    @Test
    void healthAndTheOpenApiDocumentArePublicAndMetricsAreNot() {
        var health = http.get("/actuator/health", null);
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asString()).isEqualTo("UP");
        var openApi = http.get("/v3/api-docs", null);
        assertThat(openApi.status()).isEqualTo(200);
        assertThat(openApi.json().get("paths").has("/api/v1/admin/workspaces")).isTrue();
        assertThat(http.get("/actuator/prometheus", null).status()).isEqualTo(401);
        var metrics = http.get("/actuator/prometheus", PlatformTest.ADMIN_TOKEN);
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("http_server_requests");
    }

    @Test
    void everyResponseCarriesARequestIdKeepingOnlyASafeOneFromTheCaller() {
        assertThat(http.get("/actuator/health", null).header("X-Request-Id")).hasSizeGreaterThan(8);
        assertThat(http.get("/actuator/health", null, java.util.Map.of("X-Request-Id", "client-trace-0042"))
                .header("X-Request-Id")).isEqualTo("client-trace-0042");
        assertThat(http.get("/actuator/health", null, java.util.Map.of("X-Request-Id", "evil id; drop"))
                .header("X-Request-Id")).isNotEqualTo("evil id; drop");
    }
}
