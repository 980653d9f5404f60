package com.maxmysales.privacy.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/** The form's values, echoed back, and the query string that keeps them on the next page. */
public record AuditFilters(String action, String actor, String subject, LocalDate from, LocalDate to) {

    public String value(Object field) {
        return field == null ? "" : field.toString();
    }

    public String query() {
        var query = new StringBuilder();
        append(query, "action", action);
        append(query, "actor", actor);
        append(query, "subject", subject);
        append(query, "from", from);
        append(query, "to", to);
        return query.toString();
    }

    private static void append(StringBuilder query, String name, Object value) {
        if (value != null && !value.toString().isBlank()) {
            query.append('&').append(name).append('=')
                    .append(URLEncoder.encode(value.toString(), StandardCharsets.UTF_8));
        }
    }
}
