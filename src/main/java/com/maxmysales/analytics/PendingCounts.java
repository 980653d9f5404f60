package com.maxmysales.analytics;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import com.maxmysales.shared.WorkspaceId;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Message counts applied in batches. A listener adds its events' counts with one insert per transaction (the row's key is the
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

    /** One event's counts, under its workspace, day and number, and the reply clock it starts if any. */
    record Added(WorkspaceId workspace, LocalDate day, UUID channel, List<Count> counts, @Nullable ReplyClock replyClock) {}

    /**
     * A customer's message in one statement: its inbound count, and its replied count when it stops the
     * conversation's reply clock (the business wrote and waited: counted once per answer, however many messages the
     * customer writes). Two round trips per customer's message before.
     */
    void addReceived(WorkspaceId workspace, LocalDate day, UUID channel, UUID message, UUID conversation) {
        jdbc.sql("""
                with stopped as (
                    delete from analytics_clocks where workspace_id = :workspace and clock_key = :clock and kind = 'reply'
                    returning 1
                )
                insert into analytics_pending_counts (workspace_id, event_key, day, channel_id, kind)
                select :workspace, :inbound, :day, :channel, 'inbound'
                union all
                select :workspace, :replied, :day, :channel, 'replied' where exists (select 1 from stopped)
                on conflict do nothing
                """).param("workspace", workspace.value()).param("clock", Clocks.key(conversation))
                .param("inbound", SeenEvents.key(Aggregates.MessageCount.INBOUND.column() + ":" + message))
                .param("replied", SeenEvents.key(Aggregates.MessageCount.REPLIED.column() + ":" + message))
                .param("day", day).param("channel", channel).update();
    }

    /**
     * Adds the counts of many events in one statement (arrays, so any number of them); with a {@code replyClock}, in
     * the same statement, starts the conversation's reply clock the first time this message's sent status is seen (a
     * later status or a redelivery never restarts it after the customer answered). Of several clocks of one message
     * in the list, the first is started, as adding them one by one would.
     */
    void addAll(List<Added> events) {
        var counts = new Columns();
        var clocks = new Columns();
        var guards = new HashSet<UUID>();
        for (var event : events) {
            var workspace = event.workspace().value().toString();
            for (var count : event.counts()) {
                counts.add(workspace, SeenEvents.key(count.identity()).toString(), event.day().toString(),
                        event.channel().toString(), count.kind(), text(count.errorCode()), count.category());
            }
            var clock = event.replyClock();
            if (clock != null && guards.add(SeenEvents.key("reply-clock:" + clock.messageId()))) {
                clocks.add(workspace, SeenEvents.key("reply-clock:" + clock.messageId()).toString(),
                        event.day().toString(), Clocks.key(clock.conversationId()).toString(), clock.at().toString());
            }
        }
        if (counts.isEmpty() && clocks.isEmpty()) {
            return;
        }
        jdbc.sql("""
                with clocks as (
                    select * from unnest(cast(cast(:clockWorkspace as text[]) as uuid[]), cast(cast(:guard as text[]) as uuid[]),
                                         cast(cast(:clockDay as text[]) as date[]), cast(cast(:clock as text[]) as uuid[]),
                                         cast(cast(:at as text[]) as timestamptz[]))
                        as c(workspace_id, guard, day, clock_key, started_at)
                ), guard as (
                    insert into analytics_seen_events (workspace_id, event_key, seen_on)
                    select workspace_id, guard, day from clocks on conflict do nothing returning workspace_id, event_key
                ), clock as (
                    insert into analytics_clocks (workspace_id, clock_key, kind, started_at)
                    select c.workspace_id, c.clock_key, 'reply', c.started_at
                    from clocks c join guard g on g.workspace_id = c.workspace_id and g.event_key = c.guard
                    on conflict do nothing returning 1
                )
                insert into analytics_pending_counts (workspace_id, event_key, day, channel_id, kind, error_code, category)
                select * from unnest(cast(cast(:workspace as text[]) as uuid[]), cast(cast(:key as text[]) as uuid[]),
                                     cast(cast(:day as text[]) as date[]), cast(cast(:channel as text[]) as uuid[]),
                                     cast(:kind as text[]), cast(cast(:code as text[]) as int[]), cast(:category as text[]))
                on conflict do nothing
                """)
                .param("clockWorkspace", clocks.column(0)).param("guard", clocks.column(1))
                .param("clockDay", clocks.column(2)).param("clock", clocks.column(3)).param("at", clocks.column(4))
                .param("workspace", counts.column(0)).param("key", counts.column(1)).param("day", counts.column(2))
                .param("channel", counts.column(3)).param("kind", counts.column(4)).param("code", counts.column(5))
                .param("category", counts.column(6))
                .update();
    }

    /** Rows of text values passed as one array per column. */
    private static final class Columns {
        private final List<@Nullable String[]> rows = new ArrayList<>();

        void add(@Nullable String... values) {
            rows.add(values);
        }

        boolean isEmpty() {
            return rows.isEmpty();
        }

        @Nullable String[] column(int index) {
            var column = new @Nullable String[rows.size()];
            for (var i = 0; i < column.length; i++) {
                column[i] = rows.get(i)[index];
            }
            return column;
        }
    }

    private static @Nullable String text(@Nullable Object value) {
        return value == null ? null : value.toString();
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
