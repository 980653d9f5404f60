package com.maxmysales.chatbot.web;

import java.time.DayOfWeek;
import java.util.Arrays;
import java.util.Locale;

import com.maxmysales.platform.Refusal;

/** Days of the week as the API and the page write them: mon, tue... (a full name is read too). */
final class Days {

    private Days() {
    }

    static DayOfWeek parse(String day) {
        var given = day.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(DayOfWeek.values())
                .filter(candidate -> given.length() >= 3 && candidate.name().toLowerCase(Locale.ROOT).startsWith(given))
                .findFirst()
                .orElseThrow(() -> Refusal.invalid("invalid-business-hours", "Invalid business hours",
                        "days are mon, tue, wed, thu, fri, sat or sun (not " + day + ")"));
    }

    static String code(DayOfWeek day) {
        return day.name().substring(0, 3).toLowerCase(Locale.ROOT);
    }
}
