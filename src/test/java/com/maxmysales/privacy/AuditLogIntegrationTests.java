package com.maxmysales.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import com.maxmysales.privacy.audit.AuditLog;
import com.maxmysales.privacy.audit.AuditQuery;
import com.maxmysales.shared.WorkspaceId;
import com.maxmysales.support.Http;
import com.maxmysales.support.MetaWebhooks;
import com.maxmysales.support.PlatformTest;
import com.maxmysales.support.SandboxNumber;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.maxmysales.support.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The audit log on real PostgreSQL: one chain from concurrent writers, tampering detected, reads recorded without personal data. */
@PlatformTest
class AuditLogIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    AuditLog audit;
    @Autowired
    JdbcClient jdbc;

    @Test
    void concurrentAppendsFormOneUnbrokenChain() {
        var workspace = WorkspaceId.random();
        var before = lastSeq();

        var writers = IntStream.range(0, 4).mapToObj(writer -> CompletableFuture.runAsync(() -> {
            for (int i = 0; i < 25; i++) {
                audit.record(workspace, "test.append", "writer=" + writer, "i=" + i);
            }
        })).toList();
        writers.forEach(CompletableFuture::join);

        assertThat(lastSeq() - before).isGreaterThanOrEqualTo(100);
        assertThat(audit.search(workspace, new AuditQuery("test.", null, null, null, null), null, 500)).hasSize(100);
        var verification = audit.verify();
        assertThat(verification.intact()).as(verification.problem()).isTrue();
        assertThat(verification.lastSeq()).isEqualTo(verification.firstSeq() + verification.rowsChecked() - 1);
    }

    @Test
    void theTableRefusesUpdatesAndDeletes() {
        var target = record(WorkspaceId.random(), "test.guard", "guarded " + UUID.randomUUID());

        assertThatThrownBy(() -> jdbc.sql("update audit_log set detail = 'x' where seq = ?").param(target).update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from audit_log where seq = ?").param(target).update())
                .hasMessageContaining("append-only");
    }

    /**
     * The row tampered with is this test's own, found by its unique detail: the newest row of the chain may be another
     * one, written meanwhile by the platform's own work.
     */
    @Test
    void editingOneRowBreaksVerificationAtThatRow() {
        var workspace = WorkspaceId.random();
        var first = "first " + UUID.randomUUID();
        var target = record(workspace, "test.tamper", first);
        record(workspace, "test.tamper", "second " + UUID.randomUUID());
        try {
            asDatabaseOwner("update audit_log set detail = 'rewritten' where seq = " + target);

            var verification = audit.verify();

            assertThat(verification.intact()).isFalse();
            assertThat(verification.brokenAt()).isEqualTo(target);
            assertThat(verification.problem()).isEqualTo("row " + target + " was changed");
        } finally {
            asDatabaseOwner("update audit_log set detail = '" + first + "' where seq = " + target);
        }
        assertThat(audit.verify().intact()).isTrue();
    }

    @Test
    void deletingOneRowBreaksVerificationAtThatRow() {
        var workspace = WorkspaceId.random();
        var target = record(workspace, "test.delete", "doomed " + UUID.randomUUID());
        record(workspace, "test.delete", "after " + UUID.randomUUID());
        var saved = jdbc.sql("select * from audit_log where seq = ?").param(target).query().singleRow();
        try {
            asDatabaseOwner("delete from audit_log where seq = " + target);

            var verification = audit.verify();

            assertThat(verification.intact()).isFalse();
            assertThat(verification.brokenAt()).isEqualTo(target);
            assertThat(verification.problem()).startsWith("row " + target + " is missing");
        } finally {
            jdbc.sql("""
                    insert into audit_log (seq, workspace_id, occurred_at, actor, action, subject, detail, prev_hash, hash)
                    values (:seq, :workspace_id, :occurred_at, :actor, :action, :subject, :detail, :prev_hash, :hash)
                    """).params(saved).update();
        }
        assertThat(audit.verify().intact()).isTrue();
    }

    @Test
    void readsOfPersonalDataAreRecordedWithIdsAndHashesOnlyAndTheOperatorVerifiesTheChain() {
        var http = new Http(port);
        var apiKey = http.createWorkspace("Audited");
        var run = Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000L);
        var phoneNumberId = SandboxNumber.connect(http, apiKey).phoneNumberId();
        var waId = String.valueOf(919_600_000_000L + run);
        MetaWebhooks.post(http, MetaWebhooks.inbound(phoneNumberId, waId, "Audit Person", """
                { "from": "%s", "id": "wamid.AUD%d", "timestamp": "1767225660", "type": "text", "text": { "body": "hi" } }"""
                .formatted(waId, run)));
        await(() -> !http.get("/api/v1/contacts?phone=%2B" + waId, apiKey).json().get("items").isEmpty());
        var contact = http.get("/api/v1/contacts?phone=%2B" + waId, apiKey).json().get("items").get(0).get("id").asString();

        assertThat(http.get("/api/v1/contacts/" + contact, apiKey).status()).isEqualTo(200);

        var records = http.get("/api/v1/privacy/audit?action=contact.", apiKey).json().get("items");
        assertThat(records.findValuesAsString("action")).contains("contact.read", "contact.search");
        assertThat(records.toString()).contains("contactId=" + contact).contains("phone-hash=")
                .doesNotContain(waId).contains("api-key:");
        var verify = http.post("/api/v1/admin/audit/verify", PlatformTest.ADMIN_TOKEN, "");
        assertThat(verify.status()).isEqualTo(200);
        assertThat(verify.json().get("intact").asBoolean()).as(verify.body()).isTrue();
        assertThat(http.post("/api/v1/admin/audit/verify", apiKey, "").status()).as("operator only").isEqualTo(401);
        assertThat(jdbc.sql("select count(*) from audit_log where actor = 'operator' and action = 'admin POST /api/v1/admin/workspaces'")
                .query(Integer.class).single()).as("admin actions are recorded").isPositive();
    }

    /** Records an entry whose detail, made unique here, no other row has, and returns its place in the chain. */
    private long record(WorkspaceId workspace, String action, String detail) {
        audit.record(workspace, action, null, detail);
        return jdbc.sql("select seq from audit_log where detail = ?").param(detail).query(Long.class).single();
    }

    private long lastSeq() {
        return jdbc.sql("select last_seq from audit_chain").query(Long.class).single();
    }

    /** What someone with the database owner's rights can do, past the append-only guard. */
    private void asDatabaseOwner(String statement) {
        var statements = new ArrayList<>(List.of("alter table audit_log disable trigger audit_log_append_only", statement,
                "alter table audit_log enable trigger audit_log_append_only"));
        statements.forEach(sql -> jdbc.sql(sql).update());
    }
}
