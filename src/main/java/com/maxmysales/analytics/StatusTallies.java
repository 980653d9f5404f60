package com.maxmysales.analytics;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.maxmysales.shared.WorkspaceId;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What a transaction's outbound statuses and prices add to the day tables, written in one statement before it
 * commits. Messaging publishes a status only when it moves the message and a price only the first time, in that same
 * transaction, so these are counted as they come: no key per count and no pending row, which were a fifth of the
 * database's writes under a campaign (docs/performance.md). Failures still go through {@link PendingCounts}: a
 * message failed for an unknown outcome, then sent, may fail again, and its key counts it once.
 */
@Repository
class StatusTallies {

    /** Something a status or a price adds. */
    sealed interface Tally {}

    /** Steps of the funnel a message newly reached, under its workspace, day and number. */
    record Steps(WorkspaceId workspace, LocalDate day, UUID channel, int sent, int delivered, int read) implements Tally {}

    /** A message's first pricing category. */
    record Price(WorkspaceId workspace, LocalDate day, UUID channel, String category) implements Tally {}

    /** The business wrote and waits for the customer: the conversation's reply clock starts unless it runs. */
    record ReplyClock(WorkspaceId workspace, UUID conversation, Instant at) implements Tally {}

    /** A failure, counted once per message by its key. */
    record Failure(WorkspaceId workspace, LocalDate day, UUID channel, UUID message, @Nullable Integer code)
            implements Tally {}

    private record Day(String workspace, String day, String channel) {}

    private record Priced(Day day, String category) {}

    private final JdbcClient jdbc;

    StatusTallies(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Adds them all: the steps summed per workspace, day and number into one of the day's 8 shard rows (chosen at
     * random per transaction, so that concurrent webhook batches seldom wait for one row), the prices per category,
     * the clocks and the failures. The sums are written in key order, so two transactions never deadlock on them.
     */
    void write(List<Tally> tallies) {
        var steps = new LinkedHashMap<Day, int[]>();
        var prices = new LinkedHashMap<Priced, Integer>();
        var clocks = new Columns();
        var failures = new Columns();
        for (var tally : tallies) {
            switch (tally) {
                case Steps s -> {
                    var sums = steps.computeIfAbsent(day(s.workspace(), s.day(), s.channel()), key -> new int[3]);
                    sums[0] += s.sent();
                    sums[1] += s.delivered();
                    sums[2] += s.read();
                }
                case Price p -> prices.merge(new Priced(day(p.workspace(), p.day(), p.channel()), p.category()), 1,
                        Integer::sum);
                case ReplyClock c -> clocks.add(c.workspace().value().toString(),
                        Clocks.key(c.conversation()).toString(), c.at().toString());
                case Failure f -> failures.add(f.workspace().value().toString(),
                        SeenEvents.key(Aggregates.MessageCount.FAILED.column() + ":" + f.message()).toString(),
                        f.day().toString(), f.channel().toString(), f.code() == null ? null : f.code().toString());
            }
        }
        var stepDays = new Columns();
        steps.forEach((day, sums) -> stepDays.add(day.workspace(), day.day(), day.channel(), String.valueOf(sums[0]),
                String.valueOf(sums[1]), String.valueOf(sums[2])));
        var priceDays = new Columns();
        prices.forEach((price, messages) -> priceDays.add(price.day().workspace(), price.day().day(),
                price.day().channel(), price.category(), String.valueOf(messages)));
        jdbc.sql("""
                with clock as (
                    insert into analytics_clocks (workspace_id, clock_key, kind, started_at)
                    select workspace_id, clock_key, 'reply', started_at
                    from unnest(cast(cast(:clockWorkspace as text[]) as uuid[]), cast(cast(:clockKey as text[]) as uuid[]),
                                cast(cast(:clockAt as text[]) as timestamptz[])) as c(workspace_id, clock_key, started_at)
                    on conflict do nothing
                    returning 1
                ), failure as (
                    insert into analytics_pending_counts (workspace_id, event_key, day, channel_id, kind, error_code)
                    select workspace_id, event_key, day, channel_id, 'failed', error_code
                    from unnest(cast(cast(:failureWorkspace as text[]) as uuid[]), cast(cast(:failureKey as text[]) as uuid[]),
                                cast(cast(:failureDay as text[]) as date[]), cast(cast(:failureChannel as text[]) as uuid[]),
                                cast(cast(:failureCode as text[]) as int[]))
                        as f(workspace_id, event_key, day, channel_id, error_code)
                    on conflict do nothing
                    returning 1
                ), price as (
                    insert into analytics_pricing_days (workspace_id, day, channel_id, category, messages)
                    select * from unnest(cast(cast(:priceWorkspace as text[]) as uuid[]), cast(cast(:priceDay as text[]) as date[]),
                                         cast(cast(:priceChannel as text[]) as uuid[]), cast(:priceCategory as text[]),
                                         cast(cast(:priceMessages as text[]) as int[])) as p(workspace_id, day, channel_id, category, messages)
                    order by workspace_id, day, channel_id, category
                    on conflict (workspace_id, day, channel_id, category)
                    do update set messages = analytics_pricing_days.messages + excluded.messages
                    returning 1
                )
                insert into analytics_message_days (workspace_id, day, channel_id, shard, sent, delivered, read)
                select workspace_id, day, channel_id, :shard, sent, delivered, read
                from unnest(cast(cast(:stepWorkspace as text[]) as uuid[]), cast(cast(:stepDay as text[]) as date[]),
                            cast(cast(:stepChannel as text[]) as uuid[]), cast(cast(:sent as text[]) as int[]),
                            cast(cast(:delivered as text[]) as int[]), cast(cast(:read as text[]) as int[]))
                    as s(workspace_id, day, channel_id, sent, delivered, read)
                order by workspace_id, day, channel_id
                on conflict (workspace_id, day, channel_id, shard) do update set
                    sent = analytics_message_days.sent + excluded.sent,
                    delivered = analytics_message_days.delivered + excluded.delivered,
                    read = analytics_message_days.read + excluded.read
                """)
                .param("clockWorkspace", clocks.column(0)).param("clockKey", clocks.column(1))
                .param("clockAt", clocks.column(2))
                .param("failureWorkspace", failures.column(0)).param("failureKey", failures.column(1))
                .param("failureDay", failures.column(2)).param("failureChannel", failures.column(3))
                .param("failureCode", failures.column(4))
                .param("priceWorkspace", priceDays.column(0)).param("priceDay", priceDays.column(1))
                .param("priceChannel", priceDays.column(2)).param("priceCategory", priceDays.column(3))
                .param("priceMessages", priceDays.column(4))
                .param("shard", ThreadLocalRandom.current().nextInt(8))
                .param("stepWorkspace", stepDays.column(0)).param("stepDay", stepDays.column(1))
                .param("stepChannel", stepDays.column(2)).param("sent", stepDays.column(3))
                .param("delivered", stepDays.column(4)).param("read", stepDays.column(5))
                .update();
    }

    private static Day day(WorkspaceId workspace, LocalDate day, UUID channel) {
        return new Day(workspace.value().toString(), day.toString(), channel.toString());
    }

    /** Rows of text values passed as one array per column. */
    private static final class Columns {
        private final List<@Nullable String[]> rows = new ArrayList<>();

        void add(@Nullable String... values) {
            rows.add(values);
        }

        @Nullable String[] column(int index) {
            var column = new @Nullable String[rows.size()];
            for (var i = 0; i < column.length; i++) {
                column[i] = rows.get(i)[index];
            }
            return column;
        }
    }
}
