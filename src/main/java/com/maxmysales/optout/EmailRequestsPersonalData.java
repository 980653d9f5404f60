package com.maxmysales.optout;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.maxmysales.privacy.crypto.BlindIndex;
import com.maxmysales.privacy.crypto.FieldCipher;
import com.maxmysales.privacy.spi.DataSubject;
import com.maxmysales.privacy.spi.PersonalDataHolder;
import com.maxmysales.shared.WorkspaceId;

import org.springframework.stereotype.Component;

/** A person's "Unsubscribe" emails (their address and an excerpt), found by the blind index of the address. */
@Component
class EmailRequestsPersonalData implements PersonalDataHolder {

    private final EmailRequests requests;
    private final BlindIndex index;
    private final FieldCipher cipher;

    EmailRequestsPersonalData(EmailRequests requests, BlindIndex index, FieldCipher cipher) {
        this.requests = requests;
        this.index = index;
        this.cipher = cipher;
    }

    @Override
    public String category() {
        return "email-opt-out-requests";
    }

    @Override
    public List<Map<String, Object>> export(WorkspaceId workspace, DataSubject subject) {
        return requests.bySender(workspace, indexes(workspace, subject)).stream().map(row -> {
            var record = new LinkedHashMap<String, Object>();
            record.put("receivedAt", row.receivedAt().toString());
            record.put("from", cipher.decrypt(workspace, EmailOptOuts.SENDER_FIELD, row.sender()));
            record.put("excerpt", cipher.decrypt(workspace, EmailOptOuts.EXCERPT_FIELD, row.excerpt()));
            record.put("status", row.status());
            record.put("dueAt", row.dueAt().toString());
            return (Map<String, Object>) record;
        }).toList();
    }

    @Override
    public int erase(WorkspaceId workspace, DataSubject subject) {
        return requests.delete(workspace, indexes(workspace, subject));
    }

    private List<byte[]> indexes(WorkspaceId workspace, DataSubject subject) {
        return subject.emails().stream().flatMap(email -> index.ofEverySpelling(workspace, email).stream()).toList();
    }
}
