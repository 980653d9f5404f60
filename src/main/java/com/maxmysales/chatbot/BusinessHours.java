package com.maxmysales.chatbot;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;

/**
 * When a person is there to answer, in the workspace's time zone: these days, from {@code opens} to
 * {@code closes} (a close before the open runs past midnight). Outside them the bot sends the away message where
 * it would have handed off, and flows can ask.
 */
public record BusinessHours(Set<DayOfWeek> days, LocalTime opens, LocalTime closes) {

    public BusinessHours {
        days = days.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(days));
    }

    public boolean open(Instant at, ZoneId zone) {
        var local = at.atZone(zone);
        var time = local.toLocalTime();
        if (!opens.isAfter(closes)) {
            return days.contains(local.getDayOfWeek()) && !time.isBefore(opens) && time.isBefore(closes);
        }
        // Past midnight: the evening belongs to today, the small hours to the day before.
        return time.isBefore(closes) ? days.contains(local.getDayOfWeek().minus(1))
                : days.contains(local.getDayOfWeek()) && !time.isBefore(opens);
    }
}
