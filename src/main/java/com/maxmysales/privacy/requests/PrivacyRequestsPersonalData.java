package com.maxmysales.privacy.requests;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.maxmysales.privacy.spi.DataSubject;
import com.maxmysales.privacy.spi.PersonalDataHolder;
import com.maxmysales.shared.WorkspaceId;

import org.springframework.stereotype.Component;

/**
 * A person's own privacy requests are data about them too: listed in their export, and stripped of who they
 * were and what they wrote when they are erased, leaving that the requests were made and how they were answered.
 */
@Component
class PrivacyRequestsPersonalData implements PersonalDataHolder {

    private final PrivacyRequestRows rows;
    private final RequestSubjects subjects;

    PrivacyRequestsPersonalData(PrivacyRequestRows rows, RequestSubjects subjects) {
        this.rows = rows;
        this.subjects = subjects;
    }

    @Override
    public String category() {
        return "privacy requests";
    }

    @Override
    public List<Map<String, Object>> export(WorkspaceId workspace, DataSubject subject) {
        return rows.bySubject(workspace, subjects.subjectHashes(subject)).stream().map(row -> {
            var record = new LinkedHashMap<String, Object>();
            record.put("id", row.id().toString());
            record.put("type", row.type());
            record.put("status", row.status());
            record.put("receivedAt", row.receivedAt().toString());
            record.put("completedAt", row.completedAt() == null ? null : row.completedAt().toString());
            record.putAll(subjects.details(row));
            return (Map<String, Object>) record;
        }).toList();
    }

    @Override
    public int erase(WorkspaceId workspace, DataSubject subject) {
        return rows.forgetSubject(workspace, subjects.subjectHashes(subject));
    }
}
