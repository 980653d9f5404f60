package com.maxmysales.compliance;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.maxmysales.contacts.ContactDirectory;
import com.maxmysales.platform.Cursor;
import com.maxmysales.platform.CursorPage;
import com.maxmysales.platform.Refusal;
import com.maxmysales.privacy.audit.AuditLog;
import com.maxmysales.shared.WorkspaceId;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The operator's platform-wide incident (a node, a backup or the database exposed): recorded once, and entered in
 * the register of every workspace that has people affected, each with its own affected list, deadline and notices.
 * Each workspace's entry is its own transaction, so one workspace's failure leaves the others recorded, and running
 * the same incident again (its id) adds only what is missing.
 */
@Service
public class PlatformIncidents {

    /** @param breaches one per workspace with people affected */
    public record Recorded(UUID incidentId, List<Entry> breaches) {}

    public record Entry(WorkspaceId workspace, UUID breachId, int affectedCount) {}

    /**
     * An incident as the operator reads it back: what happened and, per workspace it was entered in, the entry's ids,
     * people counts and report dates (no person's data).
     */
    public record Incident(UUID id, Instant detectedAt, Instant recordedAt, String description, Instant exposedFrom,
            Instant exposedTo, List<String> dataCategories, int workspaceCount, int affectedCount,
            List<WorkspaceEntry> workspaces) {}

    /** One workspace's register entry of an incident. */
    public record WorkspaceEntry(UUID workspaceId, UUID breachId, int affectedCount, int notified, Instant reportDueAt,
            @Nullable Instant reportFiledAt) {}

    private final BreachRegister register;
    private final ContactDirectory contacts;
    private final JdbcClient jdbc;
    private final Incidents incidents;
    private final AuditLog audit;
    private final Clock clock;

    PlatformIncidents(BreachRegister register, ContactDirectory contacts, JdbcClient jdbc, Incidents incidents,
            AuditLog audit, Clock clock) {
        this.register = register;
        this.incidents = incidents;
        this.contacts = contacts;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    public Recorded record(NewBreach incident) {
        register.validated(incident);
        var id = UUID.randomUUID();
        jdbc.sql("""
                insert into platform_incidents (id, detected_at, description, exposed_from, exposed_to, categories, recorded_at)
                values (:id, :detected, :description, :from, :to, :categories, :now)""")
                .param("id", id).param("detected", Timestamp.from(incident.detectedAt()))
                .param("description", incident.description()).param("from", Timestamp.from(incident.exposedFrom()))
                .param("to", Timestamp.from(incident.exposedTo()))
                .param("categories", String.join(",", incident.dataCategories()))
                .param("now", Timestamp.from(clock.instant())).update();
        audit.record(null, "incident.record", "incidentId=" + id, null);
        var entries = new ArrayList<Entry>();
        for (var workspace : contacts.workspacesWithContacts()) {
            register.recordIncident(workspace, id, incident)
                    .ifPresent(breach -> entries.add(new Entry(workspace, breach.id(), breach.affectedCount())));
        }
        return new Recorded(id, entries);
    }

    /** The incidents, newest detection first, a page at a time ({@code limit} 1–500, 50 when absent). */
    public CursorPage<Incident> page(@Nullable String cursor, @Nullable Integer limit) {
        var size = CursorPage.limit(limit);
        return CursorPage.of(incidents.page(Cursor.decode(cursor), size + 1), size,
                incident -> new Cursor(incident.detectedAt(), incident.id()).encode());
    }

    public Incident get(UUID id) {
        return incidents.find(id).orElseThrow(() -> Refusal.notFound("incident " + id));
    }
}
