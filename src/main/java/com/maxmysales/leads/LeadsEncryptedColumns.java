package com.maxmysales.leads;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.maxmysales.privacy.spi.EncryptedColumns;
import com.maxmysales.privacy.spi.EncryptedValue;
import com.maxmysales.shared.WorkspaceId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Lead answers and Meta Page tokens, for the re-encryption after a data-key rotation. */
@Component
class LeadsEncryptedColumns implements EncryptedColumns {

    private final JdbcClient jdbc;

    LeadsEncryptedColumns(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "leads";
    }

    /** Row keys are {@code lead:<uuid>} and then {@code source:<uuid>}: the leads pass, then the sources pass. */
    @Override
    public List<EncryptedValue> valuesAfter(String afterRowKey, int rows) {
        var values = new ArrayList<EncryptedValue>();
        if (afterRowKey == null || afterRowKey.startsWith("lead:")) {
            values.addAll(jdbc.sql("""
                    select id, workspace_id, answers from leads where answers is not null and id > :after order by id limit :rows
                    """)
                    .param("after", afterRowKey == null ? new UUID(0, 0) : UUID.fromString(afterRowKey.substring(5)))
                    .param("rows", rows)
                    .query((rs, n) -> new EncryptedValue("lead:" + rs.getObject(1, UUID.class),
                            new WorkspaceId(rs.getObject(2, UUID.class)), LeadCipher.ANSWERS_FIELD, rs.getBytes(3)))
                    .list());
            if (!values.isEmpty()) {
                return values;
            }
            afterRowKey = null;
        }
        return jdbc.sql("""
                select id, workspace_id, page_access_token from lead_sources
                where page_access_token is not null and id > :after order by id limit :rows
                """)
                .param("after", afterRowKey == null ? new UUID(0, 0) : UUID.fromString(afterRowKey.substring(7)))
                .param("rows", rows)
                .query((rs, n) -> new EncryptedValue("source:" + rs.getObject(1, UUID.class),
                        new WorkspaceId(rs.getObject(2, UUID.class)), LeadSources.PAGE_TOKEN_FIELD, rs.getBytes(3)))
                .list();
    }

    @Override
    public boolean replace(EncryptedValue old, byte[] reEncrypted) {
        var lead = old.rowKey().startsWith("lead:");
        var sql = lead ? "update leads set answers = :new where id = :id and answers = :old"
                : "update lead_sources set page_access_token = :new where id = :id and page_access_token = :old";
        return jdbc.sql(sql).param("new", reEncrypted).param("old", old.ciphertext())
                .param("id", UUID.fromString(old.rowKey().substring(lead ? 5 : 7)))
                .update() == 1;
    }
}
