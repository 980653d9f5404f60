package com.maxmysales.analytics;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.UUID;

import com.maxmysales.campaigns.Campaigns;
import com.maxmysales.shared.WorkspaceId;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads the campaigns' funnels of a range; each campaign's name comes from the campaigns module, never stored here. */
@Repository
class CampaignFigures {

    private final JdbcClient jdbc;
    private final Campaigns campaigns;

    CampaignFigures(JdbcClient jdbc, Campaigns campaigns) {
        this.jdbc = jdbc;
        this.campaigns = campaigns;
    }

    CampaignReport of(WorkspaceId workspace, DateRange range) {
        var params = MessageFigures.params(workspace, range, null);
        var byDay = new HashMap<LocalDate, CampaignReport.Day>();
        jdbc.sql("""
                select day, sum(sent) sent, sum(delivered) delivered, sum(read) read, sum(replied) replied,
                       sum(opted_out) opted_out
                from analytics_campaign_days
                where workspace_id = :workspace and day between :from and :to
                group by day
                """).params(params)
                .query((rs, n) -> new CampaignReport.Day(rs.getDate("day").toLocalDate(), rs.getInt("sent"),
                        rs.getInt("delivered"), rs.getInt("read"), rs.getInt("replied"), rs.getInt("opted_out")))
                .list().forEach(day -> byDay.put(day.date(), day));
        var days = range.days().stream()
                .map(date -> byDay.getOrDefault(date, new CampaignReport.Day(date, 0, 0, 0, 0, 0))).toList();
        var funnels = jdbc.sql("""
                select campaign_id, sum(sent) sent, sum(delivered) delivered, sum(read) read, sum(replied) replied,
                       sum(opted_out) opted_out
                from analytics_campaign_days
                where workspace_id = :workspace and day between :from and :to
                group by campaign_id
                order by min(day) desc, campaign_id
                """).params(params)
                .query((rs, n) -> new Funnel(rs.getObject("campaign_id", UUID.class), rs.getInt("sent"),
                        rs.getInt("delivered"), rs.getInt("read"), rs.getInt("replied"), rs.getInt("opted_out")))
                .list();
        var names = campaigns.names(workspace, funnels.stream().map(Funnel::campaign).toList());
        return new CampaignReport(range.from(), range.to(), days,
                funnels.stream().map(funnel -> funnel.report(names.get(funnel.campaign()))).toList());
    }

    private record Funnel(UUID campaign, int sent, int delivered, int read, int replied, int optedOut) {

        CampaignReport.Campaign report(@Nullable String name) {
            return new CampaignReport.Campaign(campaign, name, sent, delivered, read, replied, optedOut,
                    rate(delivered, sent), rate(read, delivered), rate(replied, read), rate(optedOut, sent));
        }
    }

    private static @Nullable Double rate(int part, int whole) {
        return whole == 0 ? null : Math.round(10_000.0 * part / whole) / 10_000.0;
    }
}
