package com.maxmysales.campaigns;

import java.sql.Time;

import com.maxmysales.platform.Refusal;
import com.maxmysales.shared.WorkspaceId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Each workspace's campaign rules, the install's defaults until it sets its own. */
@Service
public class WorkspaceCampaignRules {

    private final JdbcClient jdbc;
    private final CampaignSettings settings;

    WorkspaceCampaignRules(JdbcClient jdbc, CampaignSettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    public CampaignRules of(WorkspaceId workspace) {
        return jdbc.sql("""
                select quiet_start, quiet_end, frequency_cap, frequency_days, reply_window_hours
                from campaign_settings where workspace_id = :workspace
                """)
                .param("workspace", workspace.value())
                .query((rs, n) -> new CampaignRules(rs.getTime(1).toLocalTime(), rs.getTime(2).toLocalTime(),
                        rs.getInt(3), rs.getInt(4), rs.getInt(5)))
                .optional()
                .orElseGet(() -> new CampaignRules(settings.quietStart(), settings.quietEnd(), settings.frequencyCap(),
                        (int) Math.max(1, settings.frequencyPeriod().toDays()), (int) Math.max(1, settings.replyWindow().toHours())));
    }

    public CampaignRules change(WorkspaceId workspace, CampaignRules rules) {
        if (rules.quietStart() == null || rules.quietEnd() == null || rules.frequencyCap() < 1 || rules.frequencyCap() > 100
                || rules.frequencyDays() < 1 || rules.frequencyDays() > 90 || rules.replyWindowHours() < 1
                || rules.replyWindowHours() > 720) {
            throw new Refusal(Refusal.Kind.UNPROCESSABLE, "invalid-campaign-settings", "Invalid campaign settings",
                    "quietStart and quietEnd are times of day (HH:mm), frequencyCap 1 to 100, frequencyDays 1 to 90, "
                            + "replyWindowHours 1 to 720");
        }
        jdbc.sql("""
                insert into campaign_settings (workspace_id, quiet_start, quiet_end, frequency_cap, frequency_days,
                                               reply_window_hours)
                values (:workspace, :start, :end, :cap, :days, :reply)
                on conflict (workspace_id) do update set quiet_start = excluded.quiet_start,
                    quiet_end = excluded.quiet_end, frequency_cap = excluded.frequency_cap,
                    frequency_days = excluded.frequency_days, reply_window_hours = excluded.reply_window_hours
                """)
                .param("workspace", workspace.value()).param("start", Time.valueOf(rules.quietStart()))
                .param("end", Time.valueOf(rules.quietEnd())).param("cap", rules.frequencyCap())
                .param("days", rules.frequencyDays()).param("reply", rules.replyWindowHours())
                .update();
        return of(workspace);
    }
}
