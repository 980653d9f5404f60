package com.maxmysales.analytics;

import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;

import com.maxmysales.shared.WorkspaceId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Adds to the aggregate tables: one upsert per count, so concurrent listeners add up instead of overwriting. */
@Repository
class Aggregates {

    /** Nobody: no number known, no assignee. */
    static final UUID NONE = new UUID(0, 0);

    /** Rows per number and day that the message counts spread over (the table's check allows 0 to 7). */
    static final int SHARDS = 8;

    enum MessageCount {
        INBOUND, SENT, DELIVERED, READ, REPLIED, FAILED;

        /** The column: one of a fixed set, so formatting it into SQL is safe. */
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

    private final JdbcClient jdbc;

    Aggregates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * To one of {@link #SHARDS} rows: each listener's transaction holds its row's lock until it commits. The row is
     * the thread's, not a random one: the two counts of one transaction (inbound and replied) then go to the same row,
     * and two transactions never wait for each other's rows in opposite orders (a deadlock).
     */
    void message(WorkspaceId workspace, LocalDate day, UUID channel, MessageCount count) {
        jdbc.sql("""
                insert into analytics_message_days (workspace_id, day, channel_id, shard, %1$s)
                values (:workspace, :day, :channel, :shard, 1)
                on conflict (workspace_id, day, channel_id, shard)
                do update set %1$s = analytics_message_days.%1$s + 1
                """.formatted(count.column()))
                .param("workspace", workspace.value()).param("day", day).param("channel", channel)
                .param("shard", (int) (Thread.currentThread().threadId() % SHARDS)).update();
    }

    void failure(WorkspaceId workspace, LocalDate day, UUID channel, int code) {
        jdbc.sql("""
                insert into analytics_failure_days (workspace_id, day, channel_id, error_code, failed)
                values (:workspace, :day, :channel, :code, 1)
                on conflict (workspace_id, day, channel_id, error_code)
                do update set failed = analytics_failure_days.failed + 1
                """).param("workspace", workspace.value()).param("day", day).param("channel", channel)
                .param("code", code).update();
    }

    void pricing(WorkspaceId workspace, LocalDate day, UUID channel, String category) {
        jdbc.sql("""
                insert into analytics_pricing_days (workspace_id, day, channel_id, category, messages)
                values (:workspace, :day, :channel, :category, 1)
                on conflict (workspace_id, day, channel_id, category)
                do update set messages = analytics_pricing_days.messages + 1
                """).param("workspace", workspace.value()).param("day", day).param("channel", channel)
                .param("category", category).update();
    }

    void team(WorkspaceId workspace, LocalDate day, UUID agent, TeamMetric metric, int bucket) {
        jdbc.sql("""
                insert into analytics_team_days (workspace_id, day, agent_id, metric, bucket, conversations)
                values (:workspace, :day, :agent, :metric, :bucket, 1)
                on conflict (workspace_id, day, agent_id, metric, bucket)
                do update set conversations = analytics_team_days.conversations + 1
                """).param("workspace", workspace.value()).param("day", day).param("agent", agent)
                .param("metric", metric.code()).param("bucket", bucket).update();
    }

    void backlog(WorkspaceId workspace, LocalDate day, int opened, int resolved, int openNow) {
        jdbc.sql("""
                insert into analytics_backlog_days (workspace_id, day, opened, resolved, open_at_end)
                values (:workspace, :day, :opened, :resolved, :open)
                on conflict (workspace_id, day) do update set opened = analytics_backlog_days.opened + :opened,
                    resolved = analytics_backlog_days.resolved + :resolved, open_at_end = :open
                """).param("workspace", workspace.value()).param("day", day).param("opened", opened)
                .param("resolved", resolved).param("open", openNow).update();
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
                insert into analytics_lead_contact_days (workspace_id, day, source_id, bucket, leads)
                values (:workspace, :day, :source, :bucket, 1)
                on conflict (workspace_id, day, source_id, bucket)
                do update set leads = analytics_lead_contact_days.leads + 1
                """).param("workspace", workspace.value()).param("day", day).param("source", source)
                .param("bucket", bucket).update();
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

    void intent(WorkspaceId workspace, LocalDate day, String intent) {
        jdbc.sql("""
                insert into analytics_intent_days (workspace_id, day, intent, detected) values (:workspace, :day, :intent, 1)
                on conflict (workspace_id, day, intent) do update set detected = analytics_intent_days.detected + 1
                """).param("workspace", workspace.value()).param("day", day).param("intent", intent).update();
    }
}
