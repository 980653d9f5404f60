package com.maxmysales.optout;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BusinessDaysTests {

    private static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");

    @Test
    void tenBusinessDaysSkipWeekendsAndEndAtMidnightInTheOperatorsZone() {
        var days = new BusinessDays(KOLKATA, Set.of());
        // Friday 2026-11-06, 10:00 in India.
        var received = Instant.parse("2026-11-06T04:30:00Z");

        // The last microsecond of the day: PostgreSQL would round nanoseconds up into the next day.
        assertThat(days.dueAfter(received, 10)).isEqualTo(Instant.parse("2026-11-20T18:29:59.999999Z"));
    }

    @Test
    void holidaysDoNotCountAndALateNightMailCountsFromItsLocalDay() {
        var days = new BusinessDays(KOLKATA, Set.of(LocalDate.parse("2026-11-09"), LocalDate.parse("2026-11-10")));
        // 23:00 UTC on Thursday is already Friday 04:30 in India.
        var received = Instant.parse("2026-11-05T23:00:00Z");

        assertThat(days.dueAfter(received, 10).atZone(KOLKATA).toLocalDate()).isEqualTo(LocalDate.parse("2026-11-24"));
    }

    @Test
    void daysLeftCountBusinessDaysOnlyAndGoNegativeWhenOverdue() {
        var days = new BusinessDays(KOLKATA, Set.of());
        var due = Instant.parse("2026-11-20T18:29:59Z");

        assertThat(days.businessDaysLeft(Instant.parse("2026-11-13T06:00:00Z"), due)).isEqualTo(5);
        assertThat(days.businessDaysLeft(Instant.parse("2026-11-20T06:00:00Z"), due)).isZero();
        assertThat(days.businessDaysLeft(Instant.parse("2026-11-21T06:00:00Z"), due)).isNegative();
    }
}
