package com.maxmysales.contacts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.maxmysales.privacy.crypto.BlindIndex;
import com.maxmysales.privacy.crypto.FieldCipher;
import com.maxmysales.privacy.spi.DataSubject;
import com.maxmysales.privacy.spi.PersonalDataHolder;
import com.maxmysales.shared.WorkspaceId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Rows an import refused keep what the file said about a person until the import is deleted: found by the
 * blind indexes of their phone and email, so an access request shows them and an erasure removes them.
 */
@Component
class ImportErrorsPersonalData implements PersonalDataHolder {

    private final JdbcClient jdbc;
    private final BlindIndex index;
    private final FieldCipher cipher;

    ImportErrorsPersonalData(JdbcClient jdbc, BlindIndex index, FieldCipher cipher) {
        this.jdbc = jdbc;
        this.index = index;
        this.cipher = cipher;
    }

    @Override
    public String category() {
        return "import-error-reports";
    }

    @Override
    public List<Map<String, Object>> export(WorkspaceId workspace, DataSubject subject) {
        var records = new ArrayList<Map<String, Object>>();
        if (subject.phones().isEmpty() && subject.emails().isEmpty()) {
            return records;
        }
        jdbc.sql("""
                select i.file_name, e.row_number, e.reason, e.row_values
                from contact_import_errors e join contact_imports i on i.id = e.import_id
                where e.workspace_id = :workspace and (e.phone_index in (:phones) or e.email_index in (:emails))
                order by i.created_at, e.row_number
                """)
                .param("workspace", workspace.value()).param("phones", phones(workspace, subject))
                .param("emails", emails(workspace, subject))
                .query((rs, n) -> {
                    var record = new LinkedHashMap<String, Object>();
                    record.put("file", rs.getString(1));
                    record.put("row", rs.getLong(2));
                    record.put("reason", rs.getString(3));
                    record.put("values", cipher.decrypt(workspace, ImportBatch.ERROR_VALUES_FIELD, rs.getBytes(4)));
                    return records.add(record);
                }).list();
        return records;
    }

    @Override
    public int erase(WorkspaceId workspace, DataSubject subject) {
        if (subject.phones().isEmpty() && subject.emails().isEmpty()) {
            return 0;
        }
        return jdbc.sql("""
                delete from contact_import_errors
                where workspace_id = :workspace and (phone_index in (:phones) or email_index in (:emails))
                """)
                .param("workspace", workspace.value()).param("phones", phones(workspace, subject))
                .param("emails", emails(workspace, subject))
                .update();
    }

    /** A never-matching value stands in for an empty list, which SQL's IN cannot take. */
    private List<byte[]> phones(WorkspaceId workspace, DataSubject subject) {
        var indexes = new ArrayList<byte[]>(subject.phones().stream().map(phone -> index.of(workspace, phone)).toList());
        indexes.add(new byte[0]);
        return indexes;
    }

    private List<byte[]> emails(WorkspaceId workspace, DataSubject subject) {
        var indexes = new ArrayList<byte[]>(subject.emails().stream()
                .flatMap(email -> index.ofEverySpelling(workspace, email).stream()).toList());
        indexes.add(new byte[0]);
        return indexes;
    }
}
