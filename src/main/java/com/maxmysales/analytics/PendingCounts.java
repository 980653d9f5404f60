package com.maxmysales.analytics;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.UUID;

import com.maxmysales.shared.WorkspaceId;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Message counts applied in batches. A listener adds its event's counts with one insert (the row's key is the
 * count's one-way identity, so an event delivered twice before a batch adds nothing); {@link #apply} then takes
 * thousands of them in one statement: it keeps those whose identity was never counted ({@code analytics_seen_events}),
 * sums them per workspace, day and number and adds the sums to the day tables. One upsert per number and day instead
 * of two statements per count: the counting keeps up with a campaign's statuses.
 */
@Repository
class PendingCounts {

    /** What one event adds: a count of a kind under the event's identity. */
    record Count(String identity, String kind, @Nullable Integer errorCode, @Nullable String category) {

        static Count of(String identity, String kind) {
            return new Count(identity, kind, null, null);
        }
    }

    private final JdbcClient jdbc;

    PendingCounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Adds the counts; with a {@code replyClock}, in the same statement, starts the conversation's reply clock the
     * first time this message's sent status is seen (a later status or a redelivery never restarts it after the
     * customer answered).
     */
    void add(WorkspaceId workspace, LocalDate day, UUID channel, List<Count> counts, @Nullable ReplyClock replyClock) {
        if (counts.isEmpty() && replyClock == null) {
            return;
        }
        var params = new HashMap<String, Object>();
        params.put("workspace", workspace.value());
        params.put("day", day);
        params.put("channel", channel);
        var values = new ArrayList<String>();
        for (var i = 0; i < counts.size(); i++) {
            var count = counts.get(i);
            values.add("(:workspace, :key%1$d, :day, :channel, :kind%1$d, :code%1$d, :category%1$d)".formatted(i));
            params.put("key" + i, SeenEvents.key(count.identity()));
            params.put("kind" + i, count.kind());
            params.put("code" + i, count.errorCode());
            params.put("category" + i, count.category());
        }
        var sql = new StringBuilder();
        if (replyClock != null) {
            params.put("guard", SeenEvents.key("reply-clock:" + replyClock.messageId()));
            params.put("clock", Clocks.key(replyClock.conversationId()));
            params.put("at", Timestamp.from(replyClock.at()));
            sql.append("""
                    with guard as (
                        insert into analytics_seen_events (workspace_id, event_key, seen_on) values (:workspace, :guard, :day)
                        on conflict do nothing returning 1
                    ), clock as (
                        insert into analytics_clocks (workspace_id, clock_key, kind, started_at)
                        select :workspace, :clock, 'reply', :at from guard on conflict do nothing returning 1
                    )
                    """);
            if (counts.isEmpty()) {
                sql.append("select (select count(*) from clock)");
                jdbc.sql(sql.toString()).params(params).query(Long.class).single();
                return;
            }
        }
        sql.append("""
                insert into analytics_pending_counts (workspace_id, event_key, day, channel_id, kind, error_code, category)
                values %s on conflict do nothing
                """.formatted(String.join(", ", values)));
        jdbc.sql(sql.toString()).params(params).update();
    }

    /** The reply clock a sent message starts: the business wrote and waits for the customer. */
    record ReplyClock(UUID messageId, UUID conversationId, Instant at) {}

    /**
     * Applies up to {@code limit} pending counts in one statement; rows another node is applying are skipped. The
     * sums are written in key order, so two nodes applying at once wait for each other instead of deadlocking. (Data-
     * modifying parts of a WITH run to completion whether the final select reads them or not.)
     *
     * @return how many pending rows it took
     */
    int apply(int limit) {
        return jdbc.sql("""
                with batch as (
                    delete from analytics_pending_counts where ctid = any(array(
                        select ctid from analytics_pending_counts limit :limit for update skip locked))
                    returning workspace_id, event_key, day, channel_id, kind, error_code, category
                ), fresh as (
                    insert into analytics_seen_events (workspace_id, event_key, seen_on)
                    select workspace_id, event_key, day from batch
                    on conflict do nothing
                    returning workspace_id, event_key
                ), counted as (
                    select b.* from batch b join fresh f using (workspace_id, event_key)
                ), messages as (
                    insert into analytics_message_days (workspace_id, day, channel_id, shard, inbound, sent, delivered,
                                                        read, replied, failed)
                    select workspace_id, day, channel_id, 0, count(*) filter (where kind = 'inbound'),
                           count(*) filter (where kind = 'sent'), count(*) filter (where kind = 'delivered'),
                           count(*) filter (where kind = 'read'), count(*) filter (where kind = 'replied'),
                           count(*) filter (where kind = 'failed')
                    from counted where kind <> 'pricing'
                    group by workspace_id, day, channel_id order by workspace_id, day, channel_id
                    on conflict (workspace_id, day, channel_id, shard) do update set
                        inbound = analytics_message_days.inbound + excluded.inbound,
                        sent = analytics_message_days.sent + excluded.sent,
                        delivered = analytics_message_days.delivered + excluded.delivered,
                        read = analytics_message_days.read + excluded.read,
                        replied = analytics_message_days.replied + excluded.replied,
                        failed = analytics_message_days.failed + excluded.failed
                    returning 1
                ), failures as (
                    insert into analytics_failure_days (workspace_id, day, channel_id, error_code, failed)
                    select workspace_id, day, channel_id, coalesce(error_code, 0), count(*) from counted
                    where kind = 'failed'
                    group by workspace_id, day, channel_id, coalesce(error_code, 0)
                    order by workspace_id, day, channel_id, coalesce(error_code, 0)
                    on conflict (workspace_id, day, channel_id, error_code)
                    do update set failed = analytics_failure_days.failed + excluded.failed
                    returning 1
                ), pricing as (
                    insert into analytics_pricing_days (workspace_id, day, channel_id, category, messages)
                    select workspace_id, day, channel_id, category, count(*) from counted
                    where kind = 'pricing' and category is not null
                    group by workspace_id, day, channel_id, category order by workspace_id, day, channel_id, category
                    on conflict (workspace_id, day, channel_id, category)
                    do update set messages = analytics_pricing_days.messages + excluded.messages
                    returning 1
                )
                select count(*) from batch
                """).param("limit", limit).query(Integer.class).single();
    }
}
