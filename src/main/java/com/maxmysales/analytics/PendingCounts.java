package com.maxmysales.analytics;

import java.time.LocalDate;
import java.util.UUID;

import com.maxmysales.shared.WorkspaceId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Message counts applied in batches: customers' messages, their replies and failures. A listener adds its events'
 * counts with one insert per transaction (the row's key is the count's one-way identity, so an event delivered twice
 * before a batch adds nothing); {@link #apply} then takes thousands of them in one statement: it keeps those whose
 * identity was never counted ({@code analytics_seen_events}), sums them per workspace, day and number and adds the
 * sums to the day tables. It still sums sent, delivered, read and pricing rows: they were pending here before
 * {@link StatusTallies} counted them, and a database upgraded with some waiting counts them once.
 */
@Repository
class PendingCounts {

    private final JdbcClient jdbc;

    PendingCounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

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
