package com.maxmysales.contacts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.maxmysales.privacy.spi.DataSubject;
import com.maxmysales.privacy.spi.PersonalDataHolder;
import com.maxmysales.shared.ContactId;
import com.maxmysales.shared.WorkspaceId;

import org.springframework.stereotype.Component;

/** The consent ledger in data-principal requests: a person sees every grant and withdrawal and its evidence. */
@Component
class ConsentPersonalData implements PersonalDataHolder {

    private final ConsentLedger ledger;
    private final ConsentEvents events;

    ConsentPersonalData(ConsentLedger ledger, ConsentEvents events) {
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
}
