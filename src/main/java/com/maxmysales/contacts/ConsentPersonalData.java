package com.maxmysales.contacts;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;

import com.maxmysales.privacy.spi.DataSubject;
import com.maxmysales.privacy.spi.PersonalDataHolder;
import com.maxmysales.shared.ContactId;
import com.maxmysales.shared.WorkspaceId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The consent ledger in data-principal requests: a person sees every grant and withdrawal and its evidence. */
@Component
class ConsentPersonalData implements PersonalDataHolder {

    private final ConsentLedger ledger;
    private final ConsentEvents events;
    private final JdbcClient jdbc;

    ConsentPersonalData(ConsentLedger ledger, ConsentEvents events, JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.events = events;
    }

    @Override
    public String category() {
        return "consents";
    }

    @Override
    public int erasureOrder() {
        return CONTACT_RECORDS - 10;
    }

    @Override
    public List<Map<String, Object>> export(WorkspaceId workspace, DataSubject subject) {
        var records = new ArrayList<Map<String, Object>>();
        for (var contact : subject.contacts()) {
            for (var entry : ledger.history(workspace, contact)) {
                var record = new LinkedHashMap<String, Object>();
                record.put("contactId", contact.toString());
                record.put("purpose", entry.purpose().code());
                record.put("status", entry.status().code());
                record.put("source", entry.source().code());
                record.put("occurredAt", entry.occurredAt().toString());
                record.put("recordedAt", entry.recordedAt().toString());
                record.put("noticeVersion", entry.noticeVersion());
                record.put("evidence", entry.evidence());
                records.add(record);
            }
        }
        return records;
    }

    @Override
    public int erase(WorkspaceId workspace, DataSubject subject) {
        return events.delete(workspace, subject.contacts().stream().map(ContactId::value).toList());
    }

    @Override
    public OptionalLong records(WorkspaceId workspace) {
        return OptionalLong.of(jdbc.sql("select count(*) from consent_events where workspace_id = :workspace")
                .param("workspace", workspace.value()).query(Long.class).single());
    }

    @Override
    public Optional<Set<ContactId>> contactsWithRecordsMadeBy(WorkspaceId workspace, Instant until) {
        return Optional.of(Set.copyOf(jdbc.sql("""
                select distinct contact_id from consent_events
                where workspace_id = :workspace and contact_id is not null and recorded_at <= :until""")
                .param("workspace", workspace.value()).param("until", Timestamp.from(until))
                .query((rs, n) -> new ContactId(rs.getObject(1, UUID.class))).list()));
    }
}
