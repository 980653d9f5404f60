package com.maxmysales.analytics;

import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;

import com.maxmysales.shared.WorkspaceId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Adds to the aggregate tables: one upsert per count, so concurrent listeners add up instead of overwriting. Message
 * counts, the busiest by far, go through {@link PendingCounts} in batches instead.
 */
@Repository
class Aggregates {

    /** Nobody: no number known, no assignee. */
    static final UUID NONE = new UUID(0, 0);

    enum MessageCount {
        INBOUND, SENT, DELIVERED, READ, REPLIED, FAILED;

        /** The column, and the kind of a pending count. */
        String column() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    enum TeamMetric {
        FIRST_RESPONSE, RESOLUTION;

        String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A new histogram: zeros, and one in the bucket counted (SQL arrays count from 1, buckets from 0). */
    private static final String ONE_IN_SLOT =
            "(select array_agg(case when i = :slot then 1 else 0 end order by i) from generate_series(1, :size) i)";

    private final JdbcClient jdbc;

    Aggregates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds one to the bucket of the day's histogram (a row of {@link DurationBuckets#SIZE} counts). */
    void team(WorkspaceId workspace, LocalDate day, UUID agent, TeamMetric metric, int bucket) {
        jdbc.sql("""
                insert into analytics_team_days (workspace_id, day, agent_id, metric, buckets)
                values (:workspace, :day, :agent, :metric, %s)
                on conflict (workspace_id, day, agent_id, metric)
                do update set buckets[:slot] = analytics_team_days.buckets[:slot] + 1
                """.formatted(ONE_IN_SLOT)).param("workspace", workspace.value()).param("day", day).param("agent", agent)
                .param("metric", metric.code()).param("slot", bucket + 1).param("size", DurationBuckets.SIZE).update();
    }

    /**
     * Adds conversations opened and resolved to the day, and carries the open count along: the day's first change
     * counts the open resolution clocks once, every later one adds and subtracts (under the row's lock, so concurrent
     * listeners stay exact). Counting the open clocks on every change cost a scan of all of a workspace's open
     * conversations per new conversation: a million messages' bench spent most of its time there.
     */
    void backlog(WorkspaceId workspace, LocalDate day, int opened, int resolved) {
        jdbc.sql("""
                with changed as (
                    update analytics_backlog_days set opened = opened + :opened, resolved = resolved + :resolved,
                        open_at_end = greatest(open_at_end + :opened - :resolved, 0)
                    where workspace_id = :workspace and day = :day
                    returning 1
                )
                insert into analytics_backlog_days (workspace_id, day, opened, resolved, open_at_end)
                select :workspace, :day, :opened, :resolved,
                       (select count(*) from analytics_clocks where workspace_id = :workspace and kind = 'resolution')
                where not exists (select 1 from changed)
                on conflict (workspace_id, day) do update set opened = analytics_backlog_days.opened + :opened,
                    resolved = analytics_backlog_days.resolved + :resolved,
                    open_at_end = greatest(analytics_backlog_days.open_at_end + :opened - :resolved, 0)
                """).param("workspace", workspace.value()).param("day", day).param("opened", opened)
                .param("resolved", resolved).update();
    }

    /** Sets the day's open count to the open resolution clocks: after the sweep dropped clocks nobody stopped. */
    void recountBacklog(WorkspaceId workspace, LocalDate day) {
        jdbc.sql("""
                insert into analytics_backlog_days (workspace_id, day, open_at_end)
                values (:workspace, :day,
                        (select count(*) from analytics_clocks where workspace_id = :workspace and kind = 'resolution'))
                on conflict (workspace_id, day) do update set open_at_end = excluded.open_at_end
                """).param("workspace", workspace.value()).param("day", day).update();
    }

    void lead(WorkspaceId workspace, LocalDate day, UUID source, long form, int received, int contacted) {
        jdbc.sql("""
                insert into analytics_lead_days (workspace_id, day, source_id, form_id, received, contacted)
                values (:workspace, :day, :source, :form, :received, :contacted)
                on conflict (workspace_id, day, source_id, form_id) do update set
                    received = analytics_lead_days.received + :received,
                    contacted = analytics_lead_days.contacted + :contacted
                """).param("workspace", workspace.value()).param("day", day).param("source", source)
                .param("form", form).param("received", received).param("contacted", contacted).update();
    }

    void leadContact(WorkspaceId workspace, LocalDate day, UUID source, int bucket) {
        jdbc.sql("""
                insert into analytics_lead_contact_days (workspace_id, day, source_id, buckets)
                values (:workspace, :day, :source, %s)
                on conflict (workspace_id, day, source_id)
                do update set buckets[:slot] = analytics_lead_contact_days.buckets[:slot] + 1
                """.formatted(ONE_IN_SLOT)).param("workspace", workspace.value()).param("day", day)
                .param("source", source).param("slot", bucket + 1).param("size", DurationBuckets.SIZE).update();
    }

    void optOut(WorkspaceId workspace, LocalDate day, String channel) {
        jdbc.sql("""
                insert into analytics_optout_days (workspace_id, day, channel, optouts) values (:workspace, :day, :channel, 1)
                on conflict (workspace_id, day, channel) do update set optouts = analytics_optout_days.optouts + 1
                """).param("workspace", workspace.value()).param("day", day).param("channel", channel).update();
    }

    void emailRequest(WorkspaceId workspace, LocalDate day, boolean withinDeadline) {
        jdbc.sql("""
                insert into analytics_email_request_days (workspace_id, day, processed, within_deadline)
                values (:workspace, :day, 1, :within)
                on conflict (workspace_id, day) do update set processed = analytics_email_request_days.processed + 1,
                    within_deadline = analytics_email_request_days.within_deadline + :within
                """).param("workspace", workspace.value()).param("day", day).param("within", withinDeadline ? 1 : 0)
                .update();
    }

    void bot(WorkspaceId workspace, LocalDate day, int engaged, int contained, int handedOff) {
        jdbc.sql("""
                insert into analytics_bot_days (workspace_id, day, engaged, contained, handed_off)
                values (:workspace, :day, :engaged, :contained, :handedOff)
                on conflict (workspace_id, day) do update set engaged = analytics_bot_days.engaged + :engaged,
                    contained = analytics_bot_days.contained + :contained,
                    handed_off = analytics_bot_days.handed_off + :handedOff
                """).param("workspace", workspace.value()).param("day", day).param("engaged", engaged)
                .param("contained", contained).param("handedOff", handedOff).update();
    }

    void intent(WorkspaceId workspace, LocalDate day, String intent) {
        jdbc.sql("""
                insert into analytics_intent_days (workspace_id, day, intent, detected) values (:workspace, :day, :intent, 1)
                on conflict (workspace_id, day, intent) do update set detected = analytics_intent_days.detected + 1
                """).param("workspace", workspace.value()).param("day", day).param("intent", intent).update();
    }

    void campaign(WorkspaceId workspace, LocalDate day, UUID campaign, long sent, long delivered, long read,
            long replied, long optedOut) {
        jdbc.sql("""
                insert into analytics_campaign_days (workspace_id, day, campaign_id, sent, delivered, read, replied, opted_out)
                values (:workspace, :day, :campaign, :sent, :delivered, :read, :replied, :optedOut)
                on conflict (workspace_id, day, campaign_id) do update set
                    sent = analytics_campaign_days.sent + excluded.sent,
                    delivered = analytics_campaign_days.delivered + excluded.delivered,
                    read = analytics_campaign_days.read + excluded.read,
                    replied = analytics_campaign_days.replied + excluded.replied,
                    opted_out = analytics_campaign_days.opted_out + excluded.opted_out
                """).param("workspace", workspace.value()).param("day", day).param("campaign", campaign)
                .param("sent", sent).param("delivered", delivered).param("read", read).param("replied", replied)
                .param("optedOut", optedOut).update();
    }
}
