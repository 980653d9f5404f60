package com.maxmysales.optout;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Set;

/**
 * The deadline of an email opt-out (P6): the end of the tenth business day after the day it arrived, in
 * the operator's time zone, with Saturdays, Sundays and the configured holidays not counted.
 */
record BusinessDays(ZoneId zone, Set<LocalDate> holidays) {

    static final int EMAIL_OPT_OUT_DAYS = 10;

    Instant dueAfter(Instant received, int businessDays) {
        var day = received.atZone(zone).toLocalDate();
        var counted = 0;
        while (counted < businessDays) {
            day = day.plusDays(1);
            if (isBusinessDay(day)) {
                counted++;
            }
        }
        // PostgreSQL keeps microseconds and would round 23:59:59.999999999 up into the next day.
        return day.atTime(LocalTime.MAX).truncatedTo(ChronoUnit.MICROS).atZone(zone).toInstant();
    }

    /** Business days left from {@code now} until {@code due}: 0 on the due day, negative once it passed. */
    int businessDaysLeft(Instant now, Instant due) {
        var today = now.atZone(zone).toLocalDate();
        var dueDay = due.atZone(zone).toLocalDate();
        if (dueDay.isBefore(today)) {
            return -1;
        }
        var left = 0;
        for (var day = today; day.isBefore(dueDay); day = day.plusDays(1)) {
            if (isBusinessDay(day.plusDays(1))) {
                left++;
            }
        }
        return left;
    }

    private boolean isBusinessDay(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY
                && !holidays.contains(day);
    }
}
