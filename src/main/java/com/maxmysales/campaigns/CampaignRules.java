package com.maxmysales.campaigns;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * A workspace's campaign rules: quiet hours in its time zone, the frequency cap, the reply window.
 *
 * @param frequencyDays the cap's period in days
 */
public record CampaignRules(LocalTime quietStart, LocalTime quietEnd, int frequencyCap, int frequencyDays,
        int replyWindowHours) {

    /** Whether marketing must wait at this moment: within quiet hours, which may pass midnight. */
    public boolean quietAt(Instant at, ZoneId zone) {
        if (quietStart.equals(quietEnd)) {
            return false;
        }
        var local = at.atZone(zone).toLocalTime();
        return quietStart.isBefore(quietEnd)
                ? !local.isBefore(quietStart) && local.isBefore(quietEnd)
                : !local.isBefore(quietStart) || local.isBefore(quietEnd);
    }

    /** When quiet hours that hold at this moment end: the next morning's {@code quietEnd}. */
    public Instant quietEndsAfter(Instant at, ZoneId zone) {
        var local = at.atZone(zone);
        var end = local.with(quietEnd);
        return (end.isAfter(local) ? end : end.plusDays(1)).toInstant();
    }

    public Duration frequencyPeriod() {
        return Duration.ofDays(frequencyDays);
    }

    public Duration replyWindow() {
        return Duration.ofHours(replyWindowHours);
    }
}
