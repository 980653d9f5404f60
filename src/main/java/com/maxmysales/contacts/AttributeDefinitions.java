package com.maxmysales.contacts;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import com.maxmysales.platform.Refusal;
import com.maxmysales.shared.WorkspaceId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The custom attributes a workspace declares, each with a type, so that "city" is always text and
 * "orders" always a number a segment can compare. A value of the wrong type is refused, not coerced.
 */
@Service
public class AttributeDefinitions {

    public enum Type { TEXT, NUMBER, DATE, BOOLEAN }

    private final JdbcClient jdbc;
    private final Clock clock;

    AttributeDefinitions(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void define(WorkspaceId workspace, String key, Type type) {
        if (key == null || !key.matches("[a-z][a-z0-9_]{0,39}")) {
            throw invalid("an attribute key is 1 to 40 lower-case letters, digits or _, starting with a letter");
        }
        var existing = all(workspace).get(key);
        if (existing != null && existing != type) {
            throw Refusal.conflict("attribute-type-conflict", "Attribute already defined",
                    key + " is defined as " + existing.name().toLowerCase(Locale.ROOT));
        }
        jdbc.sql("""
                insert into contact_attribute_definitions (workspace_id, key, type, created_at)
                values (:workspace, :key, :type, :now) on conflict do nothing
                """)
                .param("workspace", workspace.value()).param("key", key).param("type", type.name().toLowerCase(Locale.ROOT))
                .param("now", Timestamp.from(clock.instant()))
                .update();
    }

    public Map<String, Type> all(WorkspaceId workspace) {
        var types = new LinkedHashMap<String, Type>();
        jdbc.sql("select key, type from contact_attribute_definitions where workspace_id = :workspace order by key")
                .param("workspace", workspace.value())
                .query((rs, n) -> types.put(rs.getString(1), Type.valueOf(rs.getString(2).toUpperCase(Locale.ROOT))))
                .list();
        return types;
    }

    /** Values checked against their definitions; text for a number or a date is parsed, as a CSV gives it. */
    static Map<String, Object> typed(Map<String, Type> definitions, Map<String, ?> values) {
        var typed = new LinkedHashMap<String, Object>();
        values.forEach((key, value) -> {
            var type = definitions.get(key);
            if (type == null) {
                throw invalid("attribute " + key + " is not defined; define it first (POST /api/v1/contacts/attributes)");
            }
            typed.put(key, value == null ? null : convert(key, type, value));
        });
        return typed;
    }

    static Object convert(String key, Type type, Object value) {
        var text = value.toString().strip();
        try {
            return switch (type) {
                case TEXT -> text;
                case NUMBER -> value instanceof Number number ? new BigDecimal(number.toString()) : new BigDecimal(text);
                case DATE -> LocalDate.parse(text).toString();
                case BOOLEAN -> switch (text.toLowerCase(Locale.ROOT)) {
                    case "true", "yes", "y", "1" -> true;
                    case "false", "no", "n", "0" -> false;
                    default -> throw new IllegalArgumentException(text);
                };
            };
        } catch (NumberFormatException | DateTimeParseException e) {
            throw invalid("attribute " + key + " must be a " + type.name().toLowerCase(Locale.ROOT)
                    + (type == Type.DATE ? " (YYYY-MM-DD)" : ""));
        } catch (IllegalArgumentException e) {
            throw invalid("attribute " + key + " must be true or false");
        }
    }

    private static Refusal invalid(String detail) {
        return Refusal.invalid("invalid-attribute", "Invalid attribute", detail);
    }
}
