package com.maxmysales.tenancy;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.maxmysales.platform.Refusal;

import org.jspecify.annotations.Nullable;

/**
 * What a workspace's owners may change about it; a null part stays as it is.
 *
 * @param timeZone an IANA zone such as {@code Asia/Kolkata}
 * @param defaultRegion an ISO country code such as {@code IN}, one libphonenumber knows
 */
public record WorkspaceProfile(@Nullable String name, @Nullable String timeZone, @Nullable String defaultRegion) {

    private static final List<String> ZONES = java.util.stream.Stream.concat(java.util.stream.Stream.of("UTC"),
            ZoneId.getAvailableZoneIds().stream()
                    .filter(zone -> zone.contains("/") && !zone.startsWith("Etc/") && !zone.startsWith("SystemV/"))
                    .sorted()).toList();

    /** The zones offered in a select: UTC and the region zones (no {@code Etc/GMT+5}-style or legacy aliases). */
    public static List<String> zones() {
        return ZONES;
    }

    public static List<String> regions() {
        return PhoneNumberUtil.getInstance().getSupportedRegions().stream().sorted().toList();
    }

    /** One of the zones offered: {@code ZoneId.of} also takes offsets such as {@code +18:00}. */
    static ZoneId zone(String asked) {
        var name = asked.strip();
        if (!ZONES.contains(name)) {
            throw Refusal.invalid("invalid-time-zone", "Invalid time zone",
                    "timeZone must be an IANA time zone such as Asia/Kolkata");
        }
        return ZoneId.of(name);
    }

    static String region(String asked) {
        var region = asked.strip().toUpperCase(Locale.ROOT);
        if (!PhoneNumberUtil.getInstance().getSupportedRegions().contains(region)) {
            throw Refusal.invalid("invalid-region", "Invalid region",
                    "defaultRegion must be an ISO country code such as IN");
        }
        return region;
    }
}
