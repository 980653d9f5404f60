package com.maxmysales.privacy.requests;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.maxmysales.platform.Refusal;
import com.maxmysales.privacy.audit.AuditLog;
import com.maxmysales.privacy.spi.Actor;
import com.maxmysales.privacy.spi.RequestActors;
import com.maxmysales.shared.EmailAddress;
import com.maxmysales.shared.PhoneNumber;
import com.maxmysales.shared.WorkspaceId;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Data-principal requests (P6): access, erasure, correction, grievance and nomination, each with a due date.
 * A request the business files for a person it knows is fulfilled at once; one that comes from the person
 * waits until they prove, with a one-time code sent to their WhatsApp or their email, that it is theirs. Refusals
 * carry a reason; every step is in the audit log.
 */
@Service
public class PrivacyRequests {

    static final Set<String> TYPES = Set.of("access", "erasure", "correction", "grievance", "nomination");

    private final PrivacyRequestRows rows;
    private final RequestSubjects subjects;
    private final RequestFulfilment fulfilment;
    private final VerificationCodes codes;
    private final CodeDelivery delivery;
    private final PrivacyRequestSettings settings;
    private final RequestActors actors;
    private final AuditLog audit;
    private final JsonMapper json;
    private final Clock clock;

    PrivacyRequests(PrivacyRequestRows rows, RequestSubjects subjects, RequestFulfilment fulfilment,
            VerificationCodes codes, CodeDelivery delivery, PrivacyRequestSettings settings, RequestActors actors,
            AuditLog audit, JsonMapper json, Clock clock) {
        this.rows = rows;
        this.subjects = subjects;
        this.fulfilment = fulfilment;
        this.codes = codes;
        this.delivery = delivery;
        this.settings = settings;
        this.actors = actors;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    @Transactional
    public PrivacyRequest file(WorkspaceId workspace, NewPrivacyRequest request) {
        var type = required(request.type(), "type");
        if (!TYPES.contains(type)) {
            throw invalid("type must be one of access, erasure, correction, grievance, nomination");
        }
        var requestedBy = request.requestedBy() == null ? "business" : request.requestedBy();
        if (!requestedBy.equals("business") && !requestedBy.equals("person")) {
            throw invalid("requestedBy must be business or person");
        }
        var phone = phone(request.phone());
        var email = email(request.email());
        if (phone == null && email == null) {
            throw invalid("phone or email is required: who the request is about");
        }
        var details = details(type, request);
        var now = clock.instant();
        var person = requestedBy.equals("person");
        var channel = person ? CodeDelivery.channel(request.verifyBy(), phone, email) : null;
        var row = new PrivacyRequestRows.Row(UUID.randomUUID(), workspace, type,
                person ? "awaiting-verification" : "open", requestedBy, actors.current().orElse(Actor.SYSTEM).id(),
                phone == null ? null : subjects.seal(workspace, RequestSubjects.PHONE, phone.e164()),
                email == null ? null : subjects.seal(workspace, RequestSubjects.EMAIL, email.value()),
                subjects.sealDetails(workspace, details), now, now.plus(settings.deadline()), null, null, null, null,
                null, null, null, null, 0, channel);
        rows.insert(row, subjects.subjectHash(phone, email));
        audit.record(workspace, "privacy.request.file", "requestId=" + row.id(), "type=" + type + ",requestedBy=" + requestedBy);
        if (person) {
            delivery.send(row);
        } else {
            fulfilment.fulfil(row);
        }
        return get(workspace, row.id());
    }

    /** Sends a fresh code, replacing the last one: for a person whose code expired or never arrived. */
    @Transactional
    public PrivacyRequest resendCode(WorkspaceId workspace, UUID id) {
        var row = awaitingVerification(workspace, id);
        delivery.send(row);
        return get(workspace, id);
    }

    /** The person's code, relayed by the business: fulfils the request if it matches. */
    @Transactional(noRollbackFor = Refusal.class)
    public PrivacyRequest verify(WorkspaceId workspace, UUID id, String code) {
        var row = awaitingVerification(workspace, id);
        var now = clock.instant();
        if (row.codeExpiresAt() == null || now.isAfter(row.codeExpiresAt())) {
            throw Refusal.unprocessable("code-expired", "Code expired",
                    "the code has expired; ask for a new one with POST /api/v1/privacy/requests/" + id + "/verification-code");
        }
        if (!codes.matches(id, code, row.codeHash())) {
            rows.wrongCode(id);
            var left = settings.maxCodeAttempts() - row.codeAttempts() - 1;
            if (left <= 0) {
                refuse(row, "identity-not-verified", null, now);
            }
            throw Refusal.unprocessable("wrong-code", "Wrong code",
                    left > 0 ? "that is not the code sent; " + left + " attempt(s) left"
                            : "too many wrong codes: the request is refused as unverified",
                    Map.of("attemptsLeft", Math.max(left, 0)));
        }
        rows.verified(id, "open", now);
        audit.record(workspace, "privacy.request.verify", "requestId=" + id, null);
        fulfilment.fulfil(rows.find(workspace, id).orElseThrow());
        return get(workspace, id);
    }

    /** Refuses an open request, with a reason code (e.g. legal-obligation) and a detail the person will read. */
    @Transactional
    public PrivacyRequest refuse(WorkspaceId workspace, UUID id, String reason, String detail) {
        var row = rows.lock(workspace, id).orElseThrow(() -> Refusal.notFound("privacy request " + id));
        if (row.status().equals("completed") || row.status().equals("refused")) {
            throw closed(id);
        }
        var code = required(reason, "reason").toLowerCase(Locale.ROOT);
        if (!code.matches("[a-z][a-z-]{2,60}")) {
            throw invalid("reason must be a short code such as legal-obligation or manifestly-unfounded");
        }
        refuse(row, code, detail, clock.instant());
        return get(workspace, id);
    }

    /** Answers an open grievance; the response is kept (encrypted) with the request. */
    @Transactional
    public PrivacyRequest resolve(WorkspaceId workspace, UUID id, String response) {
        var row = rows.lock(workspace, id).orElseThrow(() -> Refusal.notFound("privacy request " + id));
        if (!row.type().equals("grievance") || !row.status().equals("open")) {
            throw closed(id);
        }
        rows.completed(id, null, subjects.seal(workspace, RequestSubjects.RESOLUTION, required(response, "response")),
                clock.instant());
        audit.record(workspace, "privacy.request.resolve", "requestId=" + id, null);
        return get(workspace, id);
    }

    public PrivacyRequest get(WorkspaceId workspace, UUID id) {
        return rows.find(workspace, id).map(this::view).orElseThrow(() -> Refusal.notFound("privacy request " + id));
    }

    public List<PrivacyRequest> list(WorkspaceId workspace, Instant before, int limit) {
        return rows.page(workspace, before == null ? Instant.parse("9999-12-31T00:00:00Z") : before, limit).stream()
                .map(this::view).toList();
    }

    private void refuse(PrivacyRequestRows.Row row, String reason, String detail, Instant now) {
        rows.refused(row.id(), reason, detail == null ? null : subjects.seal(row.workspace(), RequestSubjects.REFUSAL, detail),
                now);
        audit.record(row.workspace(), "privacy.request.refuse", "requestId=" + row.id(), "reason=" + reason);
    }

    private PrivacyRequestRows.Row awaitingVerification(WorkspaceId workspace, UUID id) {
        var row = rows.lock(workspace, id).orElseThrow(() -> Refusal.notFound("privacy request " + id));
        if (!row.status().equals("awaiting-verification")) {
            throw Refusal.conflict("not-awaiting-verification", "Not awaiting verification",
                    "privacy request " + id + " is " + row.status());
        }
        return row;
    }

    private PrivacyRequest view(PrivacyRequestRows.Row row) {
        Map<String, Integer> summary = row.summary() == null ? null
                : json.readValue(row.summary(), new TypeReference<LinkedHashMap<String, Integer>>() {});
        return new PrivacyRequest(row.id(), row.type(), row.status(), row.requestedBy(), row.filedBy(), row.receivedAt(),
                row.dueAt(), row.verificationChannel(), row.verifiedAt(), row.completedAt(), summary, row.refusalReason(),
                subjects.open(row.workspace(), RequestSubjects.REFUSAL, row.refusalDetail()),
                subjects.open(row.workspace(), RequestSubjects.RESOLUTION, row.resolution()));
    }

    private static Map<String, String> details(String type, NewPrivacyRequest request) {
        var details = new LinkedHashMap<String, String>();
        switch (type) {
            case "correction" -> {
                if (isBlank(request.name()) && isBlank(request.correctedEmail())) {
                    throw invalid("a correction needs name or correctedEmail: the right value");
                }
                if (!isBlank(request.name())) {
                    details.put("name", request.name().strip());
                }
                if (!isBlank(request.correctedEmail())) {
                    details.put("email", email(request.correctedEmail()).value());
                }
            }
            case "grievance", "nomination" -> details.put("message", required(request.message(), "message"));
            default -> {
            }
        }
        return details;
    }

    // The workspace's region is not known here: a person's number is asked for in international format.
    private static @Nullable PhoneNumber phone(@Nullable String phone) {
        if (isBlank(phone)) {
            return null;
        }
        return PhoneNumber.parseLenient(phone, null)
                .orElseThrow(() -> invalid("phone must be in international format, such as +919812345678"));
    }

    private static @Nullable EmailAddress email(@Nullable String email) {
        if (isBlank(email)) {
            return null;
        }
        return EmailAddress.parse(email).orElseThrow(() -> invalid("email must be an email address"));
    }

    private static String required(@Nullable String value, String name) {
        if (isBlank(value)) {
            throw invalid(name + " is required");
        }
        return value.strip();
    }

    private static boolean isBlank(@Nullable String value) {
        return value == null || value.isBlank();
    }

    private static Refusal closed(UUID id) {
        return Refusal.conflict("request-closed", "Request closed",
                "privacy request " + id + " cannot take that step in its current state");
    }

    private static Refusal invalid(String detail) {
        return Refusal.invalid("invalid-privacy-request", "Invalid privacy request", detail);
    }
}
