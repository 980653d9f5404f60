package com.maxmysales.compliance;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import java.util.regex.Pattern;

import com.maxmysales.platform.Refusal;
import com.maxmysales.privacy.audit.AuditLog;
import com.maxmysales.privacy.spi.Actor;
import com.maxmysales.privacy.spi.RequestActors;
import com.maxmysales.shared.WorkspaceId;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Each workspace's own privacy contact; every change is audited. */
@Service
public class PrivacyContacts {

    private static final int MAX = 200;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 ()-]{5,30}");

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final RequestActors actors;
    private final Clock clock;

    PrivacyContacts(JdbcClient jdbc, AuditLog audit, RequestActors actors, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.actors = actors;
        this.clock = clock;
    }

    public Optional<PrivacyContact> of(WorkspaceId workspace) {
        return jdbc.sql("select name, email, phone from privacy_contacts where workspace_id = ?")
                .param(workspace.value())
                .query((rs, n) -> new PrivacyContact(rs.getString(1), rs.getString(2), rs.getString(3)))
                .optional();
    }

    /** Sets the contact; a retry with the same values leaves the same row. */
    @Transactional
    public PrivacyContact set(WorkspaceId workspace, @Nullable String name, @Nullable String email,
            @Nullable String phone) {
        var contact = new PrivacyContact(required(name, "name"), required(email, "email"),
                phone == null || phone.isBlank() ? null : phone.strip());
        if (!EMAIL.matcher(contact.email()).matches()) {
            throw invalid("email must be an email address");
        }
        if (contact.phone() != null && !PHONE.matcher(contact.phone()).matches()) {
            throw invalid("phone must be a phone number such as +91 98765 43210");
        }
        jdbc.sql("""
                insert into privacy_contacts (workspace_id, name, email, phone, updated_at, updated_by)
                values (?, ?, ?, ?, ?, ?)
                on conflict (workspace_id) do update set name = excluded.name, email = excluded.email,
                    phone = excluded.phone, updated_at = excluded.updated_at, updated_by = excluded.updated_by""")
                .params(workspace.value(), contact.name(), contact.email(), contact.phone(),
                        Timestamp.from(clock.instant()), actors.current().orElse(Actor.SYSTEM).id())
                .update();
        audit.record(workspace, "privacy-contact.update", null, null);
        return contact;
    }

    private static String required(@Nullable String value, String field) {
        if (value == null || value.isBlank()) {
            throw invalid(field + " is required");
        }
        if (value.strip().length() > MAX) {
            throw invalid(field + " is longer than " + MAX + " characters");
        }
        return value.strip();
    }

    private static Refusal invalid(String detail) {
        return Refusal.invalid("invalid-privacy-contact", "Invalid privacy contact", detail);
    }
}
