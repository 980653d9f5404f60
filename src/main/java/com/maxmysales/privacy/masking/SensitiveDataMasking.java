package com.maxmysales.privacy.masking;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import com.maxmysales.shared.WorkspaceId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Keeps sensitive data out (P1): card numbers, Aadhaar numbers, PANs, bank accounts beside an IFSC, UPI ids
 * and health terms in inbound text are masked before the text is stored or shown, keeping their shape
 * ({@code XXXX XXXX XXXX 1234}). What was masked is counted per workspace and day for the compliance report;
 * what it was is never kept, logged or counted by value.
 */
@NamedInterface("masking")
@Service
public class SensitiveDataMasking {

    /** The fields of Meta's message objects that carry what the customer typed: text bodies, captions, button text, file names. */
    private static final Set<String> TEXT_FIELDS = Set.of("body", "caption", "text", "filename");

    private final TextMasker masker;
    private final JsonMapper json;
    private final JdbcClient jdbc;
    private final Clock clock;

    SensitiveDataMasking(MaskingSettings settings, JsonMapper json, JdbcClient jdbc, Clock clock) {
        this.masker = new TextMasker(settings.healthTerms());
        this.json = json;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public MaskedText mask(String text) {
        return masker.mask(text);
    }

    /**
     * Masks a message's readable text and the same text where its JSON payload carries it. Only the readable
     * text is counted: the payload repeats it.
     */
    public MaskedMessage maskMessage(String text, String payloadJson) {
        var masked = masker.mask(text);
        return new MaskedMessage(masked.text(), maskTextFields(payloadJson), masked.masked());
    }

    /** Adds what was masked in a stored message to the workspace's daily counts; call once per stored message. */
    public void record(WorkspaceId workspace, MaskedMessage message) {
        var day = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        message.masked().forEach((kind, count) -> jdbc.sql("""
                insert into masking_counts (workspace_id, day, kind, count) values (:workspace, :day, :kind, :count)
                on conflict (workspace_id, day, kind) do update set count = masking_counts.count + excluded.count
                """)
                .param("workspace", workspace.value()).param("day", Date.valueOf(day)).param("kind", kind.code())
                .param("count", count)
                .update());
    }

    public List<MaskingCount> counts(WorkspaceId workspace, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                select day, kind, count from masking_counts
                where workspace_id = :workspace and day between :from and :to
                order by day, kind
                """)
                .param("workspace", workspace.value()).param("from", Date.valueOf(from)).param("to", Date.valueOf(to))
                .query((rs, n) -> new MaskingCount(rs.getDate(1).toLocalDate(), SensitiveKind.fromCode(rs.getString(2)),
                        rs.getLong(3)))
                .list();
    }

    private String maskTextFields(String payloadJson) {
        if (payloadJson == null) {
            return null;
        }
        var tree = json.readTree(payloadJson);
        return maskTextFields(tree) ? tree.toString() : payloadJson;
    }

    private boolean maskTextFields(JsonNode node) {
        var changed = false;
        if (node instanceof ObjectNode object) {
            for (var field : Set.copyOf(object.propertyNames())) {
                var value = object.get(field);
                if (TEXT_FIELDS.contains(field) && value.isString()) {
                    var masked = masker.mask(value.asString());
                    if (masked.changed()) {
                        object.put(field, masked.text());
                        changed = true;
                    }
                } else {
                    changed |= maskTextFields(value);
                }
            }
        } else if (node != null && node.isArray()) {
            for (var element : node) {
                changed |= maskTextFields(element);
            }
        }
        return changed;
    }
}
