package com.maxmysales.compliance;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.maxmysales.platform.Refusal;
import com.maxmysales.privacy.audit.AuditLog;
import com.maxmysales.privacy.crypto.FieldCipher;
import com.maxmysales.privacy.spi.Actor;
import com.maxmysales.privacy.spi.RequestActors;
import com.maxmysales.shared.WorkspaceId;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The log of disclosures to authorities (P3), listed in the compliance report; every entry is audited. */
@Service
public class DisclosureLog {

    static final String DATA_GIVEN = "disclosures.data_given";
    private static final int MAX_TEXT = 4000;

    /** A disclosure as it is recorded; {@code disclosedAt} defaults to now. */
    public record NewDisclosure(@Nullable String recipient, @Nullable String legalBasis, @Nullable String dataGiven,
            @Nullable Instant disclosedAt, @Nullable String reference) {}

    private final JdbcClient jdbc;
    private final FieldCipher cipher;
    private final AuditLog audit;
    private final RequestActors actors;
    private final Clock clock;

    DisclosureLog(JdbcClient jdbc, FieldCipher cipher, AuditLog audit, RequestActors actors, Clock clock) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.audit = audit;
        this.actors = actors;
        this.clock = clock;
    }

    @Transactional
    public Disclosure record(WorkspaceId workspace, NewDisclosure disclosure) {
        var recipient = required(disclosure.recipient(), "recipient");
        var basis = required(disclosure.legalBasis(), "legalBasis");
        var given = required(disclosure.dataGiven(), "dataGiven");
        var now = clock.instant();
        var at = disclosure.disclosedAt() == null ? now : disclosure.disclosedAt();
        if (at.isAfter(now)) {
            throw Refusal.invalid("invalid-disclosure", "Invalid disclosure", "disclosedAt is in the future");
        }
        var reference = disclosure.reference() == null || disclosure.reference().isBlank() ? null
                : required(disclosure.reference(), "reference");
        var id = UUID.randomUUID();
        var actor = actors.current().orElse(Actor.SYSTEM).id();
        jdbc.sql("""
                insert into disclosures (id, workspace_id, recipient, legal_basis, data_given, disclosed_at, reference,
                    recorded_at, recorded_by)
                values (:id, :workspace, :recipient, :basis, :given, :at, :reference, :now, :actor)""")
                .param("id", id).param("workspace", workspace.value()).param("recipient", recipient)
                .param("basis", basis).param("given", cipher.encrypt(workspace, DATA_GIVEN, given))
                .param("at", Timestamp.from(at)).param("reference", reference).param("now", Timestamp.from(now))
                .param("actor", actor).update();
        // What was given may name people: the audit record names the entry, never its content.
        audit.record(workspace, "disclosure.record", "disclosureId=" + id, null);
        return new Disclosure(id, recipient, basis, given, at, reference, now, actor);
    }

    /** Those made in {@code [from, to)}, oldest first. */
    public List<Disclosure> between(WorkspaceId workspace, Instant from, Instant to) {
        return jdbc.sql("""
                select id, recipient, legal_basis, data_given, disclosed_at, reference, recorded_at, recorded_by
                from disclosures where workspace_id = :workspace and disclosed_at >= :from and disclosed_at < :to
                order by disclosed_at, id""")
                .param("workspace", workspace.value()).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query((rs, n) -> new Disclosure(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        cipher.decrypt(workspace, DATA_GIVEN, rs.getBytes(4)), rs.getTimestamp(5).toInstant(),
                        rs.getString(6), rs.getTimestamp(7).toInstant(), rs.getString(8)))
                .list();
    }

    private static String required(@Nullable String value, String name) {
        if (value == null || value.isBlank()) {
            throw Refusal.invalid("invalid-disclosure", "Invalid disclosure", name + " is required");
        }
        if (value.length() > MAX_TEXT) {
            throw Refusal.invalid("invalid-disclosure", "Invalid disclosure",
                    name + " is longer than " + MAX_TEXT + " characters");
        }
        return value.strip();
    }
}
