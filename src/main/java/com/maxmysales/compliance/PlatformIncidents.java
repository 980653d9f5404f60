package com.maxmysales.compliance;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.maxmysales.contacts.ContactDirectory;
import com.maxmysales.privacy.audit.AuditLog;
import com.maxmysales.shared.WorkspaceId;

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

    private final BreachRegister register;
    private final ContactDirectory contacts;
    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;

    PlatformIncidents(BreachRegister register, ContactDirectory contacts, JdbcClient jdbc, AuditLog audit, Clock clock) {
        this.register = register;
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
}
