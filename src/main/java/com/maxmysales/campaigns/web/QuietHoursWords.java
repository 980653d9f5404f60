package com.maxmysales.campaigns.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * When quiet hours end, as a business user reads it: the time with its zone's short name, and the day in words
 * ("09:00 IST tomorrow"), in the workspace's time zone — "0 %" with no word of why is what people misread.
 */
public final class QuietHoursWords {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm zzz", Locale.ENGLISH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMM", Locale.ENGLISH);

    private QuietHoursWords() {
    }

    /** @param now the page's moment, against which "today" and "tomorrow" are told */
    public static String when(Instant at, ZoneId zone, Instant now) {
        var local = at.atZone(zone);
        var today = now.atZone(zone).toLocalDate();
        var day = local.toLocalDate().equals(today) ? "today"
                : local.toLocalDate().equals(today.plusDays(1)) ? "tomorrow" : "on " + DAY.format(local);
        return TIME.format(local) + " " + day;
    }
}
