package com.maxmysales.contacts;

import java.util.List;
import java.util.Map;

import com.maxmysales.privacy.spi.EncryptedColumns;
import com.maxmysales.privacy.spi.EncryptedTable;
import com.maxmysales.privacy.spi.EncryptedValue;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The contacts module's ciphertext, so that a data-key rotation reaches it. */
@Configuration(proxyBeanMethods = false)
class ContactEncryptedColumns {

    @Bean
    EncryptedColumns contactColumns(JdbcClient jdbc) {
        return EncryptedTable.byId(jdbc, "contacts", "phone", "wa_id", "whatsapp_user_id", "name", "email", "attributes",
                "whatsapp_name");
    }

    /**
     * A merged contact's row, kept for the undo window as it was: each value is still encrypted with the field of
     * the contacts column it came from (so an undo puts it back as it is), stored in {@code contact_merges}.
     */
    @Bean
    EncryptedColumns mergedContactColumns(JdbcClient jdbc) {
        var stored = EncryptedTable.byId(jdbc, "contact_merges", "phone", "wa_id", "whatsapp_user_id", "name", "email",
                "attributes", "whatsapp_name");
        return new EncryptedColumns() {
            @Override
            public String name() {
                return stored.name();
            }

            @Override
            public java.util.Set<String> fields() {
                return stored.fields();
            }

            @Override
            public List<EncryptedValue> valuesAfter(@org.jspecify.annotations.Nullable String afterRowKey, int rows) {
                return stored.valuesAfter(afterRowKey, rows).stream().map(value -> new EncryptedValue(value.rowKey(),
                        value.workspace(), value.field().replace("contact_merges.", "contacts."), value.ciphertext()))
                        .toList();
            }

            @Override
            public boolean replace(EncryptedValue old, byte[] reEncrypted) {
                return stored.replace(new EncryptedValue(old.rowKey(), old.workspace(),
                        old.field().replace("contacts.", "contact_merges."), old.ciphertext()), reEncrypted);
            }
        };
    }

    @Bean
    EncryptedColumns consentEvidenceColumns(JdbcClient jdbc) {
        return new EncryptedTable(jdbc, "consent_events", Map.of("id", "bigint"), "consent_events t", "t.workspace_id",
                List.of("evidence"));
    }

    /** An upload is kept only until its import ends, but an import may wait through a rotation. */
    @Bean
    EncryptedColumns importChunkColumns(JdbcClient jdbc) {
        return new EncryptedTable(jdbc, "contact_import_chunks", ordered("import_id", "uuid", "seq", "integer"),
                "contact_import_chunks t join contact_imports i on i.id = t.import_id", "i.workspace_id", List.of("data"));
    }

    @Bean
    EncryptedColumns importErrorColumns(JdbcClient jdbc) {
        return new EncryptedTable(jdbc, "contact_import_errors", ordered("import_id", "uuid", "row_number", "bigint"),
                "contact_import_errors t", "t.workspace_id", List.of("row_values"));
    }

    private static Map<String, String> ordered(String first, String firstType, String second, String secondType) {
        var keys = new java.util.LinkedHashMap<String, String>();
        keys.put(first, firstType);
        keys.put(second, secondType);
        return keys;
    }
}
