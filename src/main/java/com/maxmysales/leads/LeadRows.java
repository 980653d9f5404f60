package com.maxmysales.leads;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.maxmysales.platform.Cursor;
import com.maxmysales.shared.ContactId;
import com.maxmysales.shared.WorkspaceId;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The leads table as stored: answers as ciphertext, phone and email as keyed hashes. */
@Repository
class LeadRows {

    static final String COLUMNS = """
            l.id, l.workspace_id, l.source_id, s.type as source_type, l.external_id, l.form_id, l.campaign_id,
            l.campaign_name, l.ad_id, l.adgroup_id, l.is_test, l.submitted_at, l.received_at, l.stage, l.attempts,
            l.answers, l.contact_id, l.follow_up, l.follow_up_due_at, l.follow_up_message_id, l.follow_up_detail,
            l.conversation_id, l.assignee_id
            """;
    static final String FROM = " from leads l join lead_sources s on s.id = l.source_id ";

    record Row(UUID id, WorkspaceId workspace, UUID sourceId, String sourceType, String externalId, String formId,
            String campaignId, String campaignName, String adId, String adgroupId, boolean test, Instant submittedAt,
            Instant receivedAt, String stage, int attempts, byte[] answers, ContactId contactId, String followUp,
            Instant followUpDueAt, UUID followUpMessageId, String followUpDetail, UUID conversationId, UUID assigneeId) {}

    /** What the ad platform told us about a lead, before it is matched to anyone. */
    record Intake(WorkspaceId workspace, UUID sourceId, String externalId, String formId, String campaignId,
            String campaignName, String adId, String adgroupId, boolean test, Instant submittedAt, Sealed sealed) {}

    /** A lead's answers under encryption, with keyed hashes of its phone and email; all null before it was read. */
    record Sealed(byte[] answers, byte[] phoneIndex, byte[] emailIndex) {
        static final Sealed NOTHING_YET = new Sealed(null, null, null);
    }

    record Claimed(UUID id, WorkspaceId workspace) {}

    private final JdbcClient jdbc;

    LeadRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return false when the source has this lead already: a redelivery or a backfill of a lead we have */
    /** Whether this source has a lead from the person behind this phone index, for this ad, received since then. */
    boolean receivedSince(WorkspaceId workspace, UUID source, @Nullable String adId, byte[] phoneIndex, Instant since) {
        return jdbc.sql("""
                select exists (select 1 from leads
                               where workspace_id = :workspace and source_id = :source and phone_index = :phone
                                 and ad_id is not distinct from :ad and received_at >= :since)
                """)
                .param("workspace", workspace.value()).param("source", source).param("phone", phoneIndex)
                .param("ad", adId).param("since", Timestamp.from(since))
                .query(Boolean.class).single();
    }

    boolean insert(Intake lead, String stage, Instant now) {
        return jdbc.sql("""
                insert into leads (id, workspace_id, source_id, external_id, form_id, campaign_id, campaign_name, ad_id,
                                   adgroup_id, is_test, submitted_at, received_at, stage, next_attempt_at, answers,
                                   phone_index, email_index)
                values (:id, :workspace, :source, :external, :form, :campaign, :campaignName, :ad, :adgroup, :test,
                        :submitted, :now, :stage, :now, :answers, :phoneIndex, :emailIndex)
                on conflict (source_id, external_id) do nothing
                """)
                .param("id", UUID.randomUUID()).param("workspace", lead.workspace().value())
                .param("source", lead.sourceId()).param("external", lead.externalId()).param("form", lead.formId())
                .param("campaign", lead.campaignId()).param("campaignName", lead.campaignName())
                .param("ad", lead.adId()).param("adgroup", lead.adgroupId()).param("test", lead.test())
                .param("submitted", timestamp(lead.submittedAt())).param("now", Timestamp.from(now))
                .param("stage", stage).param("answers", lead.sealed().answers())
                .param("phoneIndex", lead.sealed().phoneIndex()).param("emailIndex", lead.sealed().emailIndex())
                .update() == 1;
    }

    /**
     * Leases up to {@code batch} leads that are due — to be read, matched, or followed up — to this worker; a
     * lease that runs out (its node died) makes them due again.
     */
    List<Claimed> claim(Instant now, Instant leaseUntil, int batch) {
        return jdbc.sql("""
                update leads set lease_until = :leaseUntil
                where id in (select id from leads
                             where (stage in ('fetching', 'received') and next_attempt_at <= :now
                                    or follow_up = 'pending' and follow_up_due_at <= :now)
                               and (lease_until is null or lease_until < :now)
                             order by received_at limit :batch for update skip locked)
                returning id, workspace_id
                """)
                .param("now", Timestamp.from(now)).param("leaseUntil", Timestamp.from(leaseUntil)).param("batch", batch)
                .query((rs, n) -> new Claimed(rs.getObject(1, UUID.class), new WorkspaceId(rs.getObject(2, UUID.class))))
                .list();
    }

    Optional<Row> find(WorkspaceId workspace, UUID id) {
        return jdbc.sql("select " + COLUMNS + FROM + "where l.workspace_id = :workspace and l.id = :id")
                .param("workspace", workspace.value()).param("id", id)
                .query(LeadRows::row).optional();
    }

    void fetched(WorkspaceId workspace, UUID id, Sealed sealed, String campaignId, String campaignName, String adId,
            boolean test, Instant submittedAt) {
        jdbc.sql("""
                update leads set stage = 'received', answers = :answers, phone_index = :phoneIndex,
                       email_index = :emailIndex, campaign_id = coalesce(:campaign, campaign_id),
                       campaign_name = coalesce(:campaignName, campaign_name), ad_id = coalesce(:ad, ad_id),
                       is_test = :test, submitted_at = coalesce(:submitted, submitted_at), last_error = null
                where workspace_id = :workspace and id = :id and stage = 'fetching'
                """)
                .param("answers", sealed.answers()).param("phoneIndex", sealed.phoneIndex())
                .param("emailIndex", sealed.emailIndex()).param("campaign", campaignId)
                .param("campaignName", campaignName).param("ad", adId).param("test", test)
                .param("submitted", timestamp(submittedAt))
                .param("workspace", workspace.value()).param("id", id)
                .update();
    }

    /** A read failed: try again at {@code next}, or give up ({@code next} null) keeping the last error. */
    void fetchFailed(WorkspaceId workspace, UUID id, String error, Instant next) {
        jdbc.sql("""
                update leads set attempts = attempts + 1, last_error = :error,
                       stage = case when cast(:next as timestamptz) is null then 'fetch_failed' else stage end,
                       next_attempt_at = coalesce(:next, next_attempt_at), lease_until = null
                where workspace_id = :workspace and id = :id and stage = 'fetching'
                """)
                .param("error", error).param("next", timestamp(next))
                .param("workspace", workspace.value()).param("id", id)
                .update();
    }

    /**
     * The lead is matched (or deliberately not): from here on only its follow-up moves. The worker keeps its lease
     * when it sends the follow-up next, so that no other worker takes that up meanwhile.
     */
    void processed(WorkspaceId workspace, UUID id, ContactId contact, String followUp, Instant dueAt, String detail,
            boolean sendingNext) {
        jdbc.sql("""
                update leads set stage = 'processed', contact_id = :contact, follow_up = :followUp,
                       follow_up_due_at = :due, follow_up_detail = :detail,
                       lease_until = case when :sendingNext then lease_until end
                where workspace_id = :workspace and id = :id and stage = 'received'
                """)
                .param("contact", contact == null ? null : contact.value()).param("followUp", followUp)
                .param("due", timestamp(dueAt)).param("detail", detail).param("sendingNext", sendingNext)
                .param("workspace", workspace.value()).param("id", id)
                .update();
    }

    void followedUp(WorkspaceId workspace, UUID id, UUID message, UUID conversation, UUID assignee) {
        jdbc.sql("""
                update leads set follow_up = 'queued', follow_up_message_id = :message, conversation_id = :conversation,
                       assignee_id = :assignee, follow_up_detail = null, lease_until = null
                where workspace_id = :workspace and id = :id and follow_up = 'pending'
                """)
                .param("message", message).param("conversation", conversation).param("assignee", assignee)
                .param("workspace", workspace.value()).param("id", id)
                .update();
    }

    /** The follow-up cannot go (and retrying would not help), or must wait: {@code status} says which. */
    void followUpNot(WorkspaceId workspace, UUID id, String status, String detail, Instant retryAt) {
        jdbc.sql("""
                update leads set follow_up = :status, follow_up_detail = :detail,
                       follow_up_due_at = coalesce(:retryAt, follow_up_due_at), lease_until = null
                where workspace_id = :workspace and id = :id and follow_up = 'pending'
                """)
                .param("status", status).param("detail", detail).param("retryAt", timestamp(retryAt))
                .param("workspace", workspace.value()).param("id", id)
                .update();
    }

    /** Newest first, keyset-paged. */
    List<Row> page(WorkspaceId workspace, LeadQueries.Filter filter, Cursor after, int limitPlusOne) {
        var from = Cursor.orFirst(after);
        return jdbc.sql("select " + COLUMNS + FROM + """
                where l.workspace_id = :workspace and (l.received_at, l.id) < (:at, :id)
                  and (cast(:source as uuid) is null or l.source_id = :source)
                  and (cast(:form as text) is null or l.form_id = :form)
                  and (cast(:campaign as text) is null or l.campaign_id = :campaign)
                  and (cast(:from as timestamptz) is null or l.received_at >= :from)
                  and (cast(:to as timestamptz) is null or l.received_at < :to)
                order by l.received_at desc, l.id desc limit :limit
                """)
                .param("workspace", workspace.value()).param("at", Timestamp.from(from.at())).param("id", from.id())
                .param("source", filter.sourceId()).param("form", blankToNull(filter.formId()))
                .param("campaign", blankToNull(filter.campaignId()))
                .param("from", timestamp(filter.from())).param("to", timestamp(filter.to()))
                .param("limit", limitPlusOne)
                .query(LeadRows::row).list();
    }

    /** The contact's leads, newest first: where a person in the inbox came from. */
    List<Row> ofContact(WorkspaceId workspace, ContactId contact, int limit) {
        return jdbc.sql("select " + COLUMNS + FROM + """
                where l.workspace_id = :workspace and l.contact_id = :contact
                order by l.received_at desc, l.id desc limit :limit
                """)
                .param("workspace", workspace.value()).param("contact", contact.value()).param("limit", limit)
                .query(LeadRows::row).list();
    }

    static Row row(ResultSet rs, int n) throws SQLException {
        var contact = rs.getObject("contact_id", UUID.class);
        return new Row(rs.getObject("id", UUID.class), new WorkspaceId(rs.getObject("workspace_id", UUID.class)),
                rs.getObject("source_id", UUID.class), rs.getString("source_type"), rs.getString("external_id"),
                rs.getString("form_id"), rs.getString("campaign_id"), rs.getString("campaign_name"), rs.getString("ad_id"),
                rs.getString("adgroup_id"), rs.getBoolean("is_test"), instant(rs.getTimestamp("submitted_at")),
                rs.getTimestamp("received_at").toInstant(), rs.getString("stage"), rs.getInt("attempts"),
                rs.getBytes("answers"), contact == null ? null : new ContactId(contact), rs.getString("follow_up"),
                instant(rs.getTimestamp("follow_up_due_at")), rs.getObject("follow_up_message_id", UUID.class),
                rs.getString("follow_up_detail"), rs.getObject("conversation_id", UUID.class),
                rs.getObject("assignee_id", UUID.class));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
