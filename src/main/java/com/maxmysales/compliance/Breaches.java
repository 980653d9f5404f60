package com.maxmysales.compliance;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.maxmysales.platform.Cursor;
import com.maxmysales.shared.ContactId;
import com.maxmysales.shared.WorkspaceId;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The breach register's rows; every query takes the workspace. */
@Repository
class Breaches {

    private static final String COLUMNS = """
            b.id, b.incident_id, b.detected_at, b.recorded_at, b.recorded_by, b.description, b.exposed_from,
            b.exposed_to, b.categories, b.likely_impact, b.measures, b.report_due_at, b.affected_count,
            (select count(*) from breach_affected a where a.breach_id = b.id and a.notified_at is not null),
            b.report_filed_at, b.report_reference
            """;

    private final JdbcClient jdbc;

    Breaches(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(WorkspaceId workspace, UUID id, @Nullable UUID incident, NewBreach breach, List<String> categories,
            Instant recordedAt, String recordedBy, Instant reportDueAt, Map<ContactId, Set<String>> affected) {
        jdbc.sql("""
                insert into breaches (id, workspace_id, incident_id, detected_at, recorded_at, recorded_by, description,
                    exposed_from, exposed_to, categories, likely_impact, measures, report_due_at, affected_count)
                values (:id, :workspace, :incident, :detected, :recorded, :by, :description, :from, :to, :categories,
                    :impact, :measures, :due, :affected)""")
                .param("id", id).param("workspace", workspace.value()).param("incident", incident)
                .param("detected", Timestamp.from(breach.detectedAt())).param("recorded", Timestamp.from(recordedAt))
                .param("by", recordedBy).param("description", breach.description())
                .param("from", Timestamp.from(breach.exposedFrom())).param("to", Timestamp.from(breach.exposedTo()))
                .param("categories", String.join(",", categories)).param("impact", breach.likelyImpact())
                .param("measures", breach.measures()).param("due", Timestamp.from(reportDueAt))
                .param("affected", affected.size())
                .update();
        // One statement for everyone affected: a breach of a large workspace affects tens of thousands.
        var contacts = new UUID[affected.size()];
        var categoriesOf = new String[affected.size()];
        var i = 0;
        for (var person : affected.entrySet()) {
            contacts[i] = person.getKey().value();
            categoriesOf[i++] = String.join(",", person.getValue().stream().sorted().toList());
        }
        jdbc.sql("""
                insert into breach_affected (breach_id, workspace_id, contact_id, categories)
                select :breach, :workspace, contact, categories from unnest(:contacts, :categories) as a(contact, categories)
                """)
                .param("breach", id).param("workspace", workspace.value()).param("contacts", contacts)
                .param("categories", categoriesOf).update();
    }

    Optional<Breach> find(WorkspaceId workspace, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from breaches b where b.workspace_id = :workspace and b.id = :id")
                .param("workspace", workspace.value()).param("id", id).query(Breaches::breach).optional();
    }

    Optional<UUID> findByIncident(WorkspaceId workspace, UUID incident) {
        return jdbc.sql("select id from breaches where workspace_id = :workspace and incident_id = :incident")
                .param("workspace", workspace.value()).param("incident", incident).query(UUID.class).optional();
    }

    /** Newest detection first, after the cursor's position (keyset: as fast on the thousandth page as the first). */
    List<Breach> page(WorkspaceId workspace, @Nullable Cursor after, int limitPlusOne) {
        var from = Cursor.orFirst(after);
        return jdbc.sql("select " + COLUMNS + """
                 from breaches b where b.workspace_id = :workspace and (b.detected_at, b.id) < (:at, :id)
                 order by b.detected_at desc, b.id desc limit :limit""")
                .param("workspace", workspace.value()).param("at", Timestamp.from(from.at())).param("id", from.id())
                .param("limit", limitPlusOne).query(Breaches::breach).list();
    }

    /** Those detected in {@code [from, to)}, and those still unfiled whatever their date: the report lists both. */
    List<Breach> forReport(WorkspaceId workspace, Instant from, Instant to) {
        return jdbc.sql("select " + COLUMNS + """
                 from breaches b where b.workspace_id = :workspace
                   and ((b.detected_at >= :from and b.detected_at < :to) or b.report_filed_at is null)
                 order by b.detected_at""")
                .param("workspace", workspace.value()).param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to)).query(Breaches::breach).list();
    }

    List<AffectedPerson> affected(WorkspaceId workspace, UUID breach) {
        return jdbc.sql("""
                select contact_id, categories, notified_at, channel from breach_affected
                where workspace_id = :workspace and breach_id = :breach order by contact_id""")
                .param("workspace", workspace.value()).param("breach", breach)
                .query(Breaches::affectedPerson).list();
    }

    /** The affected people in contact id order after {@code after} (null: from the first). */
    List<AffectedPerson> affectedPage(WorkspaceId workspace, UUID breach, @Nullable UUID after, int limitPlusOne) {
        return jdbc.sql("""
                select contact_id, categories, notified_at, channel from breach_affected
                where workspace_id = :workspace and breach_id = :breach
                  and (cast(:after as uuid) is null or contact_id > :after)
                order by contact_id limit :limit""")
                .param("workspace", workspace.value()).param("breach", breach).param("after", after)
                .param("limit", limitPlusOne).query(Breaches::affectedPerson).list();
    }

    /** How many affected people had data of each category exposed, counted by the database. */
    Map<String, Long> perCategory(WorkspaceId workspace, UUID breach) {
        var counts = new java.util.TreeMap<String, Long>();
        jdbc.sql("""
                select category, count(*) from breach_affected, unnest(string_to_array(categories, ',')) category
                where workspace_id = :workspace and breach_id = :breach group by category""")
                .param("workspace", workspace.value()).param("breach", breach)
                .query(rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                });
        return counts;
    }

    /** How many of these contacts the breach affects. */
    int countAffected(WorkspaceId workspace, UUID breach, Collection<UUID> contacts) {
        return jdbc.sql("""
                select count(*) from breach_affected
                where workspace_id = :workspace and breach_id = :breach and contact_id = any(:contacts)""")
                .param("workspace", workspace.value()).param("breach", breach)
                .param("contacts", contacts.toArray(UUID[]::new)).query(Integer.class).single();
    }

    /** Marks the notices of everyone affected not notified yet sent. @return how many were new */
    int notifiedAll(WorkspaceId workspace, UUID breach, String channel, Instant at, String by) {
        return jdbc.sql("""
                update breach_affected set notified_at = :at, channel = :channel, notified_by = :by
                where workspace_id = :workspace and breach_id = :breach and notified_at is null""")
                .param("at", Timestamp.from(at)).param("channel", channel).param("by", by)
                .param("workspace", workspace.value()).param("breach", breach).update();
    }

    /** Marks the notices of these people sent (once: a second call keeps the first time). @return how many were new */
    int notified(WorkspaceId workspace, UUID breach, Collection<UUID> contacts, String channel, Instant at, String by) {
        return jdbc.sql("""
                update breach_affected set notified_at = :at, channel = :channel, notified_by = :by
                where workspace_id = :workspace and breach_id = :breach and contact_id in (:contacts)
                  and notified_at is null""")
                .param("at", Timestamp.from(at)).param("channel", channel).param("by", by)
                .param("workspace", workspace.value()).param("breach", breach).param("contacts", contacts)
                .update();
    }

    boolean update(WorkspaceId workspace, UUID breach, @Nullable String impact, @Nullable String measures) {
        return jdbc.sql("""
                update breaches set likely_impact = coalesce(:impact, likely_impact), measures = coalesce(:measures, measures)
                where workspace_id = :workspace and id = :breach""")
                .param("impact", impact).param("measures", measures)
                .param("workspace", workspace.value()).param("breach", breach).update() == 1;
    }

    /** @return false when it was filed already (the first filing stands) */
    boolean filed(WorkspaceId workspace, UUID breach, Instant at, @Nullable String reference) {
        return jdbc.sql("""
                update breaches set report_filed_at = :at, report_reference = :reference
                where workspace_id = :workspace and id = :breach and report_filed_at is null""")
                .param("at", Timestamp.from(at)).param("reference", reference)
                .param("workspace", workspace.value()).param("breach", breach).update() == 1;
    }

    /** Unfiled reports of every workspace with the reminder last sent: the reminder job's work list. */
    List<Unfiled> unfiled() {
        return jdbc.sql("""
                select workspace_id, id, report_due_at, reminded, affected_count from breaches
                where report_filed_at is null order by report_due_at""")
                .query((rs, n) -> new Unfiled(new WorkspaceId(rs.getObject(1, UUID.class)), rs.getObject(2, UUID.class),
                        rs.getTimestamp(3).toInstant(), rs.getString(4), rs.getInt(5)))
                .list();
    }

    record Unfiled(WorkspaceId workspace, UUID id, Instant dueAt, String reminded, int affected) {}

    /** Moves the reminder state on once, whichever node gets there first. */
    boolean reminded(WorkspaceId workspace, UUID breach, String from, String to) {
        return jdbc.sql("""
                update breaches set reminded = :to
                where workspace_id = :workspace and id = :breach and reminded = :from and report_filed_at is null""")
                .param("to", to).param("workspace", workspace.value()).param("breach", breach).param("from", from)
                .update() == 1;
    }

    private static Breach breach(ResultSet rs, int n) throws SQLException {
        var incident = rs.getObject(2, UUID.class);
        return new Breach(rs.getObject(1, UUID.class), incident == null ? "workspace" : "operator", incident, rs.getTimestamp(3).toInstant(),
                rs.getTimestamp(4).toInstant(), rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant(),
                rs.getTimestamp(8).toInstant(), Arrays.asList(rs.getString(9).split(",")), rs.getString(10),
                rs.getString(11), rs.getTimestamp(12).toInstant(), rs.getInt(13), rs.getInt(14),
                instant(rs.getTimestamp(15)), rs.getString(16));
    }

    private static AffectedPerson affectedPerson(ResultSet rs, int n) throws SQLException {
        return new AffectedPerson(new ContactId(rs.getObject(1, UUID.class)), Arrays.asList(rs.getString(2).split(",")),
                instant(rs.getTimestamp(3)), rs.getString(4));
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
