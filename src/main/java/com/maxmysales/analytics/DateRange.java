package com.maxmysales.analytics;

import java.time.LocalDate;
import java.util.List;

/** Days from {@code from} to {@code to}, both included, in the workspace's time zone. */
public record DateRange(LocalDate from, LocalDate to) {

    public List<LocalDate> days() {
        return from.datesUntil(to.plusDays(1)).toList();
    }
}
