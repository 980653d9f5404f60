package com.maxmysales.optout;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.maxmysales.contacts.ConsentLedger;
import com.maxmysales.platform.Refusal;
import com.maxmysales.shared.WorkspaceId;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The opt-out figures a workspace and its compliance report need (P6, P-report). */
@Service
public class OptOutNumbers {

    private final ConsentLedger consent;
    private final EmailOptOuts emails;
    private final JdbcClient jdbc;
    private final Clock clock;

    OptOutNumbers(ConsentLedger consent, EmailOptOuts emails, JdbcClient jdbc, Clock clock) {
        this.consent = consent;
        this.emails = emails;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * The opt-outs of a period against their deadlines (the compliance report): WhatsApp and button opt-outs take
     * effect at once, so their time to effect is the measure; an "Unsubscribe" email is due within 10 business days.
     *
     * @param byChannel withdrawals recorded in the period, per channel ({@link OptOutChannel#ofConsentSource})
     * @param medianSecondsToEffect from the person's request to the withdrawal taking effect; null without any
     * @param emailRequests "Unsubscribe" emails received in the period that concern this workspace
     * @param emailProcessedInTime processed on or before their due date
     * @param emailOverdue still open past their due date now
     * @param medianHoursToProcess from receipt to processing; null before any was processed
     */
    public record PeriodNumbers(Map<String, Long> byChannel, @Nullable Double medianSecondsToEffect, long emailRequests,
            long emailProcessed, long emailProcessedInTime, long emailOpen, long emailOverdue,
            @Nullable Double medianHoursToProcess) {}

    public PeriodNumbers of(WorkspaceId workspace, Instant from, Instant to) {
        var withdrawals = consent.withdrawals(workspace, from, to);
        return jdbc.sql("""
                select count(*), count(processed_at), count(*) filter (where processed_at <= due_at),
                       count(*) filter (where status = 'open'), count(*) filter (where status = 'open' and due_at < :now),
                       percentile_cont(0.5) within group (order by extract(epoch from processed_at - received_at) / 3600)
                           filter (where processed_at is not null)
                from email_optout_requests
                where workspace_id = :workspace and received_at >= :from and received_at < :to""")
                .param("workspace", workspace.value()).param("now", Timestamp.from(clock.instant()))
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query((rs, n) -> new PeriodNumbers(OptOutChannel.ofConsentSources(withdrawals.bySource()), withdrawals.medianSecondsToEffect(),
                        rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                        (Double) rs.getObject(6)))
                .single();
    }

    /**
     * @param byChannel opt-outs per channel: keyword, sentence, button, meta, email, and agent, api... for the others
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
        return new Numbers(since, OptOutChannel.ofConsentSources(withdrawals.bySource()), withdrawals.medianSecondsToEffect(),
                emails.list(workspace).stream().filter(request -> request.status().equals("open")).toList());
    }
}
