package com.maxmysales.contacts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.maxmysales.shared.ContactId;
import com.maxmysales.shared.WorkspaceId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The consent_events table: appended to, read by contact, never updated (a trigger refuses it). */
@Repository
class ConsentEvents {

    static final String COLUMNS = "id, purpose, status, source, occurred_at, recorded_at, notice_version, evidence";

    record Row(long id, Purpose purpose, ConsentStatus status, ConsentSource source, Instant occurredAt,
            Instant recordedAt, String noticeVersion, byte[] evidence) {}

    private final JdbcClient jdbc;

    ConsentEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return false when the same fact (dedupe key) was recorded before */
    boolean append(WorkspaceId workspace, ContactId contact, ConsentChange change, byte[] evidence, Instant now) {
        return jdbc.sql("""
                insert into consent_events (workspace_id, contact_id, purpose, status, source, occurred_at, recorded_at,
                                            notice_version, evidence, dedupe_key)
                values (:workspace, :contact, :purpose, :status, :source, :occurredAt, :now, :notice, :evidence, :dedupe)
                on conflict do nothing
                """)
                .param("workspace", workspace.value()).param("contact", contact.value())
                .param("purpose", change.purpose().code()).param("status", change.status().code())
                .param("source", change.source().code()).param("occurredAt", Timestamp.from(change.occurredAt() == null ? now : change.occurredAt()))
                .param("now", Timestamp.from(now)).param("notice", change.noticeVersion())
                .param("evidence", evidence).param("dedupe", change.dedupeKey())
                .update() == 1;
    }

    /** The latest entry of each purpose the contact has any entry for. */
    List<Row> latest(WorkspaceId workspace, ContactId contact) {
        return jdbc.sql("select distinct on (purpose) " + COLUMNS + """
                 from consent_events
                where workspace_id = :workspace and contact_id = :contact
                order by purpose, recorded_at desc, id desc
                """)
                .param("workspace", workspace.value()).param("contact", contact.value())
                .query(ConsentEvents::row).list();
    }

    /** {@link #latest} of many contacts in one statement: a batch of sends decided at once. */
    Map<UUID, List<Row>> latestOf(WorkspaceId workspace, Collection<UUID> contacts) {
        var latest = new java.util.HashMap<UUID, List<Row>>();
        if (contacts.isEmpty()) {
            return latest;
        }
        jdbc.sql("select distinct on (contact_id, purpose) contact_id, " + COLUMNS + """
                 from consent_events
                where workspace_id = :workspace and contact_id = any(cast(:contacts as uuid[]))
                order by contact_id, purpose, recorded_at desc, id desc
                """)
                .param("workspace", workspace.value()).param("contacts", contacts.toArray(UUID[]::new))
                .query((rs, n) -> {
                    latest.computeIfAbsent(rs.getObject("contact_id", UUID.class), id -> new java.util.ArrayList<>())
                            .add(row(rs, n));
                    return null;
                }).list();
        return latest;
    }

    List<Row> history(WorkspaceId workspace, ContactId contact) {
        return jdbc.sql("select " + COLUMNS + """
                 from consent_events
                where workspace_id = :workspace and contact_id = :contact
                order by recorded_at desc, id desc
                """)
                .param("workspace", workspace.value()).param("contact", contact.value())
                .query(ConsentEvents::row).list();
    }

    /** Contacts among these whose latest marketing entry is a withdrawal: the API's {@code optedOut}. */
    List<UUID> optedOut(WorkspaceId workspace, Collection<UUID> contacts) {
        if (contacts.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select contact_id from (
                    select distinct on (contact_id) contact_id, status from consent_events
                    where workspace_id = :workspace and purpose = 'marketing' and contact_id in (:contacts)
                    order by contact_id, recorded_at desc, id desc) latest
                where status = 'withdrawn'
                """)
                .param("workspace", workspace.value()).param("contacts", contacts)
                .query(UUID.class).list();
    }

    /** The latest marketing entry's status of each of these contacts that has one ("granted", "withdrawn"). */
    Map<UUID, String> marketing(WorkspaceId workspace, Collection<UUID> contacts) {
        var states = new java.util.HashMap<UUID, String>();
        if (contacts.isEmpty()) {
            return states;
        }
        jdbc.sql("""
                select distinct on (contact_id) contact_id, status from consent_events
                where workspace_id = :workspace and purpose = 'marketing' and contact_id in (:contacts)
                order by contact_id, recorded_at desc, id desc
                """)
                .param("workspace", workspace.value()).param("contacts", contacts)
                .query((rs, n) -> states.put(rs.getObject(1, UUID.class), rs.getString(2))).list();
        return states;
    }

    /** Withdrawals recorded since a time, per source; one STOP that withdrew two purposes counts once. */
    Map<String, Long> withdrawalsBySource(WorkspaceId workspace, Instant since, Instant until) {
        var counts = new java.util.LinkedHashMap<String, Long>();
        jdbc.sql("""
                select source, count(distinct (contact_id, coalesce(dedupe_key, id::text))) from consent_events
                where workspace_id = :workspace and status = 'withdrawn' and recorded_at >= :since and recorded_at < :until
                group by source order by source
                """)
                .param("workspace", workspace.value()).param("since", Timestamp.from(since))
                .param("until", Timestamp.from(until))
                .query((rs, n) -> counts.put(rs.getString(1), rs.getLong(2))).list();
        return counts;
    }

    /** Median seconds from a person's request to its withdrawal taking effect, or null without withdrawals. */
    Double medianSecondsToEffect(WorkspaceId workspace, Instant since, Instant until) {
        return jdbc.sql("""
                select percentile_cont(0.5) within group (order by extract(epoch from recorded_at - occurred_at))
                from (select distinct on (contact_id, coalesce(dedupe_key, id::text)) recorded_at, occurred_at
                      from consent_events
                      where workspace_id = :workspace and status = 'withdrawn' and recorded_at >= :since
                        and recorded_at < :until) withdrawals
                """)
                .param("workspace", workspace.value()).param("since", Timestamp.from(since))
                .param("until", Timestamp.from(until))
                .query(Double.class).optional().orElse(null);
    }

    /**
     * Grants and withdrawals recorded in {@code [from, to)} per purpose; a purpose with none is absent. A withdrawal
     * counts only where the person had granted that purpose before: a STOP withdraws every business-initiated purpose,
     * and "lead follow-up withdrawn" of someone who never gave it is no withdrawal to report.
     */
    Map<String, long[]> totals(WorkspaceId workspace, Instant from, Instant to) {
        var totals = new java.util.TreeMap<String, long[]>();
        jdbc.sql("""
                select purpose, count(*) filter (where status = 'granted'),
                       count(*) filter (where status = 'withdrawn' and exists (
                           select 1 from consent_events grant_
                           where grant_.workspace_id = e.workspace_id and grant_.contact_id = e.contact_id
                             and grant_.purpose = e.purpose and grant_.status = 'granted' and grant_.id < e.id))
                from consent_events e
                where workspace_id = :workspace and recorded_at >= :from and recorded_at < :to
                group by purpose
                """)
                .param("workspace", workspace.value()).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query((rs, n) -> totals.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)})).list();
        return totals;
    }

    int delete(WorkspaceId workspace, Collection<UUID> contacts) {
        if (contacts.isEmpty()) {
            return 0;
        }
        return jdbc.sql("delete from consent_events where workspace_id = :workspace and contact_id in (:contacts)")
                .param("workspace", workspace.value()).param("contacts", contacts)
                .update();
    }

    static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getLong("id"), Purpose.fromCode(rs.getString("purpose")),
                ConsentStatus.fromCode(rs.getString("status")), ConsentSource.fromCode(rs.getString("source")),
                rs.getTimestamp("occurred_at").toInstant(), rs.getTimestamp("recorded_at").toInstant(),
                rs.getString("notice_version"), rs.getBytes("evidence"));
    }
}
