package com.maxmysales.analytics;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import com.maxmysales.platform.Refusal;
import com.maxmysales.shared.WorkspaceId;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The analytics of a workspace over a range of days in its time zone: what the page charts, the API answers and the
 * exports hold. Everything comes from the aggregate tables; nothing here can name a customer.
 */
@Service
@Transactional(readOnly = true)
public class Analytics {

    /** Without a range: the last 30 days up to today. */
    static final int DEFAULT_DAYS = 30;
    private static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    private static final LocalDate LATEST = LocalDate.of(9999, 12, 31);

    private final MessageFigures messages;
    private final IntentFigures intents;
    private final TeamFigures team;
    private final LeadFigures leads;
    private final OptOutFigures optOuts;
    private final CampaignFigures campaigns;
    private final WorkspaceDays days;
    private final AnalyticsSettings settings;

    Analytics(MessageFigures messages, IntentFigures intents, TeamFigures team, LeadFigures leads,
            OptOutFigures optOuts, CampaignFigures campaigns, WorkspaceDays days, AnalyticsSettings settings) {
        this.messages = messages;
        this.intents = intents;
        this.team = team;
        this.leads = leads;
        this.optOuts = optOuts;
        this.campaigns = campaigns;
        this.days = days;
        this.settings = settings;
    }

    /** The asked range, checked; a missing end is today, a missing start 30 days before the end. */
    public DateRange range(WorkspaceId workspace, @Nullable LocalDate from, @Nullable LocalDate to) {
        for (var day : java.util.Arrays.asList(from, to)) {
            // Dates a calendar, PostgreSQL and a chart can all hold: a year such as -999999999 failed in each.
            if (day != null && (day.isBefore(EARLIEST) || day.isAfter(LATEST))) {
                throw Refusal.invalid("invalid-range", "Invalid date range",
                        "dates are between " + EARLIEST + " and " + LATEST);
            }
        }
        var end = to != null ? to : days.today(workspace);
        var start = from != null ? from : end.minusDays(DEFAULT_DAYS - 1);
        if (start.isAfter(end)) {
            throw Refusal.invalid("invalid-range", "Invalid date range", "from must not be after to");
        }
        if (ChronoUnit.DAYS.between(start, end) + 1 > settings.maxDays()) {
            throw Refusal.invalid("range-too-long", "Date range too long",
                    "a range covers at most " + settings.maxDays() + " days");
        }
        return new DateRange(start, end);
    }

    public MessageReport messages(WorkspaceId workspace, DateRange range, @Nullable UUID channel) {
        return messages.of(workspace, range, channel);
    }

    public IntentReport intents(WorkspaceId workspace, DateRange range) {
        return intents.of(workspace, range);
    }

    public TeamReport team(WorkspaceId workspace, DateRange range) {
        return team.of(workspace, range);
    }

    public LeadReport leads(WorkspaceId workspace, DateRange range) {
        return leads.of(workspace, range);
    }

    public OptOutReport optOuts(WorkspaceId workspace, DateRange range) {
        return optOuts.of(workspace, range);
    }

    public CampaignReport campaigns(WorkspaceId workspace, DateRange range) {
        return campaigns.of(workspace, range);
    }

    /** The suppression threshold, for pages that explain why a figure is missing. */
    public int suppressBelow() {
        return settings.suppressBelow();
    }
}
