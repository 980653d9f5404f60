package com.maxmysales.privacy.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import com.maxmysales.platform.Refusal;
import com.maxmysales.privacy.masking.MaskingCount;
import com.maxmysales.privacy.masking.SensitiveDataMasking;
import com.maxmysales.shared.Permission;
import com.maxmysales.shared.RequiresPermission;
import com.maxmysales.shared.WorkspaceId;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RequiresPermission(Permission.ANALYTICS_VIEW)
@RestController
@Tag(name = "Privacy", description = "Masking, retention, legal holds, data-principal requests and the audit log")
class MaskingController {

    private static final int MAX_DAYS = 366;

    private final SensitiveDataMasking masking;
    private final Clock clock;

    MaskingController(SensitiveDataMasking masking, Clock clock) {
        this.masking = masking;
        this.clock = clock;
    }

    record DailyCount(LocalDate day, String kind, long count) {
        static DailyCount of(MaskingCount count) {
            return new DailyCount(count.day(), count.kind().code(), count.count());
        }
    }

    record MaskingReport(LocalDate from, LocalDate to, List<DailyCount> counts) {}

    @GetMapping("/api/v1/privacy/masking-counts")
    @Operation(summary = "How many sensitive identifiers were masked in inbound messages, per day (UTC) and kind",
            description = "Kinds: card-number, aadhaar, pan, bank-account, upi-id, health-term. Counts only; what was "
                    + "masked is never kept. Defaults to the last 30 days.")
    MaskingReport counts(WorkspaceId workspace,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        var last = to != null ? to : LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        var first = from != null ? from : last.minusDays(29);
        if (first.isAfter(last) || first.plusDays(MAX_DAYS).isBefore(last)) {
            throw Refusal.invalid("invalid-period", "Invalid period",
                    "from must not be after to, and the period is limited to " + MAX_DAYS + " days");
        }
        return new MaskingReport(first, last, masking.counts(workspace, first, last).stream().map(DailyCount::of).toList());
    }
}
