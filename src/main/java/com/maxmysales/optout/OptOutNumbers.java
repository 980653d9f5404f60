package com.maxmysales.optout;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.maxmysales.contacts.ConsentLedger;
import com.maxmysales.platform.Refusal;
import com.maxmysales.shared.WorkspaceId;

import org.springframework.stereotype.Service;

/** The opt-out figures a workspace and its compliance report need (P6, P-report). */
@Service
public class OptOutNumbers {

    private final ConsentLedger consent;
    private final EmailOptOuts emails;
    private final Clock clock;

    OptOutNumbers(ConsentLedger consent, EmailOptOuts emails, Clock clock) {
        this.consent = consent;
        this.emails = emails;
        this.clock = clock;
    }

    /**
     * @param byChannel opt-outs per source: whatsapp_keyword, button, email, meta_user_preferences, error_131050, agent, api...
     * @param medianSecondsToEffect from the person's request to the withdrawal taking effect; null without opt-outs
     * @param openEmailRequests email requests still waiting for a reviewer, soonest due first
     */
    public record Numbers(Instant since, Map<String, Long> byChannel, Double medianSecondsToEffect,
            List<EmailOptOuts.Request> openEmailRequests) {}

    public Numbers of(WorkspaceId workspace, int days) {
        if (days < 1 || days > 3660) {
            throw Refusal.invalid("invalid-request", "Invalid request", "days must be 1 to 3660");
        }
        var since = clock.instant().minus(Duration.ofDays(days));
        var withdrawals = consent.withdrawals(workspace, since);
        return new Numbers(since, withdrawals.bySource(), withdrawals.medianSecondsToEffect(),
                emails.list(workspace).stream().filter(request -> request.status().equals("open")).toList());
    }
}
