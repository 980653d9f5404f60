package com.maxmysales.privacy.crypto;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.maxmysales.privacy.spi.EncryptedColumns;
import com.maxmysales.shared.WorkspaceId;
import com.maxmysales.support.Http;
import com.maxmysales.support.PlatformTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every ciphertext column of the schema is known to the {@link ReEncryptionJob}, so a rotated data key reaches
 * all stored values. A bytea column is ciphertext unless its name says it is a hash, an index or a wrapped key, or
 * it is one of the few listed below with the reason.
 */
@PlatformTest
class EncryptedColumnsRegistrationIntegrationTests {

    /** Bytea columns that hold no FieldCipher value, and why. */
    static final Set<String> NOT_CIPHERTEXT = Set.of(
            // Spring Session's serialized attributes: the session holds ids, never personal data.
            "spring_session_attributes.attribute_bytes",
            // The tombstone hash of a person's number: a keyed hash, not a value.
            "webhook_event_subjects.subject",
            // Replayed API responses, kept 24 hours; platform cannot use privacy's cipher (see docs/privacy.md).
            "idempotency_records.body",
            // The sentence-embedding vectors of the business's own FAQ questions and intent examples (knowledge).
            "knowledge_faq_entries.embedding", "knowledge_intent_examples.embedding");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    List<EncryptedColumns> registered;
    @Autowired
    ReEncryptionJob job;
    @Autowired
    KeyRotation rotation;
    @Autowired
    FieldCipher cipher;

    @Test
    void everyCiphertextColumnOfTheSchemaIsRegisteredForReEncryption() {
        var ciphertext = jdbc.sql("""
                select table_name || '.' || column_name from information_schema.columns
                where table_schema = current_schema() and data_type = 'bytea'
                  and table_name not like 'test\\_%' and table_name not like 'bench\\_%'
                  and column_name <> 'hash' and column_name not like '%\\_hash' and column_name not like '%\\_index'
                  and column_name not in ('sha256', 'wrapped_key')
                """).query(String.class).list().stream().filter(column -> !NOT_CIPHERTEXT.contains(column))
                .collect(Collectors.toCollection(TreeSet::new));
        var fields = registered.stream().flatMap(columns -> columns.fields().stream())
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(fields).as("no ciphertext column is left out of re-encryption").containsAll(ciphertext);
        assertThat(ciphertext).as("every registered column exists").containsAll(fields);
    }

    @Test
    void aRotatedDataKeyReachesTheValuesOfEveryModule() {
        var http = new Http(port);
        var apiKey = http.createWorkspace("Rotation everywhere");
        var workspace = WorkspaceId.of(http.get("/api/v1/workspace", apiKey).json().get("id").asString());
        var contact = http.post("/api/v1/contacts", apiKey, """
                {"phone": "+919650001234", "email": "rotated@example.com", "name": "Rotated"}""").json().get("id").asString();
        http.post("/api/v1/privacy/requests", apiKey, """
                {"type": "grievance", "email": "rotated@example.com", "message": "please rotate"}""");
        http.post("/api/v1/privacy/legal-holds", apiKey, """
                {"recordType": "contact", "recordId": "%s", "reason": "Audit"}""".formatted(contact));
        var version = rotation.rotateDataKey(workspace);

        var results = job.run();

        assertThat(results).extracting(ReEncrypted::columns).contains("contacts", "privacy_requests", "legal_holds",
                "messages", "webhook_events", "contact_import_chunks", "consent_events");
        for (var column : List.of("contacts.phone", "contacts.email", "contacts.name", "privacy_requests.email",
                "privacy_requests.details", "legal_holds.reason")) {
            var table = column.substring(0, column.indexOf('.'));
            var stored = jdbc.sql("select " + column + " from " + table + " where workspace_id = ? and "
                    + column + " is not null").param(workspace.value()).query(byte[].class).list();
            assertThat(stored).as(column).isNotEmpty().allSatisfy(
                    value -> assertThat(Envelope.dataKeyVersion(value).orElseThrow()).as(column).isEqualTo(version));
        }
        assertThat(http.get("/api/v1/contacts/" + contact, apiKey).json().get("email").asString())
                .isEqualTo("rotated@example.com");
        assertThat(http.get("/api/v1/privacy/legal-holds", apiKey).json().get(0).get("reason").asString()).isEqualTo("Audit");
    }
}
