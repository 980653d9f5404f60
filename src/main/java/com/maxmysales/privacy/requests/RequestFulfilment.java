package com.maxmysales.privacy.requests;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import com.maxmysales.privacy.audit.AuditLog;
import com.maxmysales.privacy.retention.HeldSubjects;
import com.maxmysales.privacy.spi.SubjectCorrection;
import com.maxmysales.shared.EmailAddress;

import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Does what a request asks, once it may be done: counts for access, erasure everywhere, corrections in contacts. */
@Component
class RequestFulfilment {

    private final PrivacyRequestRows rows;
    private final RequestSubjects subjects;
    private final PersonalData personalData;
    private final HeldSubjects held;
    private final SubjectCorrection correction;
    private final AuditLog audit;
    private final JsonMapper json;
    private final Clock clock;

    RequestFulfilment(PrivacyRequestRows rows, RequestSubjects subjects, PersonalData personalData,
            HeldSubjects held, SubjectCorrection correction, AuditLog audit, JsonMapper json, Clock clock) {
        this.rows = rows;
        this.subjects = subjects;
        this.personalData = personalData;
        this.held = held;
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
                var holds = held.blocking(workspace, subject);
                if (!holds.isEmpty()) {
                    // All or nothing: the person is told why, the business sees which holds, and may file again on release.
                    rows.refused(row.id(), "legal-hold", subjects.seal(workspace, RequestSubjects.REFUSAL,
                            "Records about you, or a conversation with you, must be kept under a legal hold, so nothing "
                                    + "was erased. Ask again when the hold ends and everything will be erased."),
                            clock.instant());
                    audit.record(workspace, "privacy.request.refuse", "requestId=" + row.id(), "reason=legal-hold,"
                            + holds.stream().map(hold -> "holdId=" + hold.id()).collect(Collectors.joining(",")));
                    return;
                }
                summary.putAll(personalData.erase(workspace, subject));
            }
            case "correction" -> {
                var details = subjects.details(row);
                summary.put("contacts", correction.correct(workspace, subject, details.get("name"),
                        EmailAddress.parse(details.get("email")).orElse(null)));
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
