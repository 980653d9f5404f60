package com.maxmysales.privacy;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import com.maxmysales.privacy.spi.SubjectCorrection;

import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Does what a request asks, once it may be done: counts for access, erasure everywhere, corrections in contacts. */
@Component
class RequestFulfilment {

    private final PrivacyRequestRows rows;
    private final RequestSubjects subjects;
    private final PersonalData personalData;
    private final LegalHolds legalHolds;
    private final SubjectCorrection correction;
    private final AuditLog audit;
    private final JsonMapper json;
    private final Clock clock;

    RequestFulfilment(PrivacyRequestRows rows, RequestSubjects subjects, PersonalData personalData,
            LegalHolds legalHolds, SubjectCorrection correction, AuditLog audit, JsonMapper json, Clock clock) {
        this.rows = rows;
        this.subjects = subjects;
        this.personalData = personalData;
        this.legalHolds = legalHolds;
        this.correction = correction;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    void fulfil(PrivacyRequestRows.Row row) {
        var workspace = row.workspace();
        var subject = subjects.resolve(row);
        Map<String, Integer> summary = new LinkedHashMap<>();
        switch (row.type()) {
            case "access" -> personalData.export(workspace, subject)
                    .forEach((category, records) -> summary.put(category, records.size()));
            case "erasure" -> {
                var held = legalHolds.active(workspace).contacts().stream().anyMatch(subject.contacts()::contains);
                if (held) {
                    rows.refused(row.id(), "legal-hold", subjects.seal(workspace, RequestSubjects.REFUSAL,
                            "Records about you must be kept under a legal hold; they will be erased when it ends."),
                            clock.instant());
                    audit.record(workspace, "privacy.request.refuse", "requestId=" + row.id(), "reason=legal-hold");
                    return;
                }
                summary.putAll(personalData.erase(workspace, subject));
            }
            case "correction" -> {
                var details = subjects.details(row);
                summary.put("contacts", correction.correct(workspace, subject, details.get("name"), details.get("email")));
            }
            case "grievance" -> {
                // Stays open until the business answers it.
                return;
            }
            default -> {
                // A nomination is recorded as filed: the nominee acts for the person when they no longer can.
            }
        }
        rows.completed(row.id(), json.writeValueAsString(summary), null, clock.instant());
        audit.record(workspace, "privacy.request.complete", "requestId=" + row.id(), "type=" + row.type());
    }
}
