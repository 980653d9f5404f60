package com.maxmysales.analytics;

import java.sql.Date;
import java.time.Clock;

import com.maxmysales.tenancy.WorkspaceCreated;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo workspace of a first run opens its analytics on three weeks of a small shop's figures (the days before
 * today; today's come from its own traffic), so the charts show something before anyone has sent a message. Written
 * in the demo's own transaction, one statement per table: the demo exists with its figures or not at all, and the
 * first start stays quick (a few milliseconds). Invented aggregates only, as the tables hold anyway: no person.
 */
@Component
class DemoFigures {

    static final int DAYS = 21;
    private static final Logger log = LoggerFactory.getLogger(DemoFigures.class);

    private final JdbcClient jdbc;
    private final WorkspaceDays days;
    private final Clock clock;

    DemoFigures(JdbcClient jdbc, WorkspaceDays days, Clock clock) {
        this.jdbc = jdbc;
        this.days = days;
        this.clock = clock;
    }

    @EventListener
    void on(WorkspaceCreated created) {
        if (!created.demo()) {
            return;
        }
        var started = System.nanoTime();
        var workspace = created.workspaceId().value();
        var first = Date.valueOf(days.dayOf(created.workspaceId(), clock.instant()).minusDays(DAYS));
        // Day d of 0..20: busier on weekends' eves, a little growth week on week; every figure a function of d.
        var series = "from generate_series(0, " + (DAYS - 1) + ") d";
        jdbc.sql("""
                insert into analytics_message_days (workspace_id, day, channel_id, inbound, sent, delivered, read, replied, failed)
                select :w, cast(:first as date) + d, :none, 40 + 3 * d + 15 * (d % 7 / 5), 55 + 4 * d + 20 * (d % 7 / 5),
                       52 + 4 * d + 19 * (d % 7 / 5), 38 + 3 * d + 14 * (d % 7 / 5), 14 + d, 1 + d % 3
                """ + series).param("w", workspace).param("first", first).param("none", Aggregates.NONE).update();
        jdbc.sql("""
                insert into analytics_failure_days (workspace_id, day, channel_id, error_code, failed)
                select :w, cast(:first as date) + d, :none, case when d % 2 = 0 then 131026 else 131049 end, 1 + d % 3
                """ + series).param("w", workspace).param("first", first).param("none", Aggregates.NONE).update();
        jdbc.sql("""
                insert into analytics_pricing_days (workspace_id, day, channel_id, category, messages)
                select :w, cast(:first as date) + d, :none, category,
                       case category when 'marketing' then 20 + 2 * d when 'utility' then 12 + d else 23 + d end
                """ + series + ", unnest(array['marketing', 'utility', 'service']) category")
                .param("w", workspace).param("first", first).param("none", Aggregates.NONE).update();
        jdbc.sql("""
                insert into analytics_backlog_days (workspace_id, day, opened, resolved, open_at_end)
                select :w, cast(:first as date) + d, 18 + d % 5, 17 + d % 4, 6 + d % 4
                """ + series).param("w", workspace).param("first", first).update();
        // Response and resolution times as histograms (17 buckets, DurationBuckets): mostly minutes, some hours.
        jdbc.sql("""
                insert into analytics_team_days (workspace_id, day, agent_id, metric, buckets)
                select :w, cast(:first as date) + d, :none, metric, case metric
                    when 'first_response' then array[1, 2, 3, 4, 3, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0]
                    else array[0, 0, 0, 1, 2, 3, 3, 2, 2, 1, 1, 1, 0, 0, 0, 0, 0] end
                """ + series + ", unnest(array['first_response', 'resolution']) metric")
                .param("w", workspace).param("first", first).param("none", Aggregates.NONE).update();
        jdbc.sql("""
                insert into analytics_bot_days (workspace_id, day, engaged, contained, handed_off)
                select :w, cast(:first as date) + d, 9 + d % 4, 6 + d % 3, 2 + d % 2
                """ + series).param("w", workspace).param("first", first).update();
        jdbc.sql("""
                insert into analytics_optout_days (workspace_id, day, channel, optouts)
                select :w, cast(:first as date) + d, channel, 1
                """ + series + ", unnest(array['keyword', 'button']) channel where d % 4 = 1")
                .param("w", workspace).param("first", first).update();
        jdbc.sql("""
                insert into analytics_intent_days (workspace_id, day, intent, detected)
                select :w, cast(:first as date) + d, intent, 5 + (d + length(intent)) % 6
                """ + series + ", unnest(array['order_status', 'opening_hours', 'delivery', 'price']) intent")
                .param("w", workspace).param("first", first).update();
        log.info("Demo analytics: {} days of figures written in {} ms", DAYS, (System.nanoTime() - started) / 1_000_000);
    }
}
