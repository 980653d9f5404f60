package com.maxmysales.contacts;

import java.time.Clock;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.maxmysales.privacy.crypto.FieldCipher;
import com.maxmysales.shared.ContactId;
import com.maxmysales.shared.WorkspaceId;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Each contact's consent per purpose, as an append-only history with source, time, notice version and
 * evidence (P6), and the one question every send path asks: may this purpose go to this contact now?
 * <p>
 * The rules: <b>marketing</b> and <b>lead follow-up</b> need a grant that was not withdrawn since — no
 * record means no consent, because P2 allows marketing only to contacts who consented. <b>Service</b>
 * needs nothing recorded; once withdrawn, only replies inside the customer's 24-hour window may go, so
 * a person who opted out can still be answered when they write to the business themselves.
 */
@Service
public class ConsentLedger {

    static final String EVIDENCE_FIELD = "consent_events.evidence";

    private final ConsentEvents events;
    private final FieldCipher cipher;
    private final JsonMapper json;
    private final Clock clock;
    private final ApplicationEventPublisher published;

    ConsentLedger(ConsentEvents events, FieldCipher cipher, JsonMapper json, Clock clock,
            ApplicationEventPublisher published) {
        this.published = published;
        this.events = events;
        this.cipher = cipher;
        this.json = json;
        this.clock = clock;
    }

    /** @return false when this fact was recorded already (same dedupe key) */
    @Transactional
    public boolean record(WorkspaceId workspace, ContactId contact, ConsentChange change) {
        var now = clock.instant();
        var appended = events.append(workspace, contact, change, seal(workspace, change.evidence()), now);
        if (appended && change.status() == ConsentStatus.WITHDRAWN) {
            published.publishEvent(new ConsentWithdrawn(workspace, contact, change.purpose(),
                    change.occurredAt() == null ? now : change.occurredAt()));
        }
        return appended;
    }

    /**
     * Withdraws these purposes as one opt-out: a STOP, an "Unsubscribe" email or an agent's click withdraws every
     * business-initiated purpose ({@link Purpose#BUSINESS_INITIATED}); WhatsApp's own marketing opt-out, marketing
     * alone. Queued sends ask again before they leave, so the opt-out stops them too.
     *
     * @return false when the act was recorded already (a redelivery)
     */
    @Transactional
    public boolean optOut(WorkspaceId workspace, ContactId contact, List<Purpose> purposes, ConsentAct act) {
        var recorded = false;
        for (var purpose : purposes) {
            recorded |= record(workspace, contact, ConsentChange.withdrawal(purpose, act.source(), act.occurredAt(),
                    act.evidence(), act.dedupeKey()));
        }
        return recorded;
    }

    /** Grants back what any opt-out withdrew: see {@link #optIn(WorkspaceId, ContactId, List, ConsentAct, Set)}. */
    @Transactional
    public boolean optIn(WorkspaceId workspace, ContactId contact, List<Purpose> purposes, ConsentAct act) {
        return optIn(workspace, contact, purposes, act, EnumSet.allOf(ConsentSource.class));
    }

    /**
     * Grants these purposes back to someone who opted out, and to nobody else: from a person who never opted out,
     * a START or WhatsApp's "resume" is not a consent to marketing. Marketing is what every opt-out withdraws, so
     * its latest entry tells whether the person is opted out now.
     *
     * @param undoing the opt-outs this act may undo: WhatsApp's "resume" undoes WhatsApp's own stop, never a STOP
     *                or an email the person sent the business
     * @return whether the person was opted out, and is opted in again
     */
    @Transactional
    public boolean optIn(WorkspaceId workspace, ContactId contact, List<Purpose> purposes, ConsentAct act,
            Set<ConsentSource> undoing) {
        var marketing = events.latest(workspace, contact).stream().filter(row -> row.purpose() == Purpose.MARKETING)
                .findFirst();
        if (marketing.isEmpty() || marketing.get().status() != ConsentStatus.WITHDRAWN
                || !undoing.contains(marketing.get().source())) {
            return false;
        }
        for (var purpose : purposes) {
            record(workspace, contact, ConsentChange.grant(purpose, act.source(), act.occurredAt(), null, act.evidence(),
                    act.dedupeKey()));
        }
        return true;
    }

    byte @Nullable [] seal(WorkspaceId workspace, @Nullable Evidence evidence) {
        return evidence == null ? null : cipher.encrypt(workspace, EVIDENCE_FIELD, json.writeValueAsString(evidence));
    }

    /** The current entry of each purpose the contact has any entry for. */
    public Map<Purpose, ConsentRecord> current(WorkspaceId workspace, ContactId contact) {
        var current = new EnumMap<Purpose, ConsentRecord>(Purpose.class);
        events.latest(workspace, contact).forEach(row -> current.put(row.purpose(), open(workspace, row)));
        return current;
    }

    /** Which of these contacts withdrew marketing consent: the API's {@code optedOut}. */
    public java.util.Set<java.util.UUID> optedOut(WorkspaceId workspace, java.util.Collection<ContactId> contacts) {
        return java.util.Set.copyOf(events.optedOut(workspace, contacts.stream().map(ContactId::value).toList()));
    }

    /**
     * The marketing consent of each of these contacts as of its latest entry; a contact with no entry is absent
     * (no consent recorded: marketing may not go to them).
     */
    public Map<java.util.UUID, ConsentStatus> marketing(WorkspaceId workspace, java.util.Collection<ContactId> contacts) {
        var states = new java.util.HashMap<java.util.UUID, ConsentStatus>();
        events.marketing(workspace, contacts.stream().map(ContactId::value).toList())
                .forEach((contact, status) -> states.put(contact, ConsentStatus.fromCode(status)));
        return states;
    }

    /**
     * @param bySource withdrawals per source (whatsapp_keyword, button, email, meta_user_preferences...)
     * @param medianSecondsToEffect from the person's request to our recording it; null without withdrawals
     */
    public record WithdrawalStats(Map<String, Long> bySource, Double medianSecondsToEffect) {}

    public WithdrawalStats withdrawals(WorkspaceId workspace, java.time.Instant since) {
        return withdrawals(workspace, since, java.time.Instant.parse("9999-12-31T00:00:00Z"));
    }

    /** Withdrawals recorded in {@code [since, until)}. */
    public WithdrawalStats withdrawals(WorkspaceId workspace, java.time.Instant since, java.time.Instant until) {
        return new WithdrawalStats(events.withdrawalsBySource(workspace, since, until),
                events.medianSecondsToEffect(workspace, since, until));
    }

    /** Consent entries of one purpose recorded in a period (the compliance report). */
    public record PurposeTotals(String purpose, long granted, long withdrawn) {}

    /** Every purpose, in the order of {@link Purpose}, with the grants and withdrawals recorded in {@code [from, to)}. */
    public List<PurposeTotals> totals(WorkspaceId workspace, java.time.Instant from, java.time.Instant to) {
        var recorded = events.totals(workspace, from, to);
        return java.util.Arrays.stream(Purpose.values()).map(purpose -> {
            var counts = recorded.getOrDefault(purpose.code(), new long[2]);
            return new PurposeTotals(purpose.code(), counts[0], counts[1]);
        }).toList();
    }

    /** Every entry, newest first. */
    public List<ConsentRecord> history(WorkspaceId workspace, ContactId contact) {
        return events.history(workspace, contact).stream().map(row -> open(workspace, row)).toList();
    }

    /**
     * @param replyInsideWindow the message is free-form and the contact wrote to us within 24 hours: an
     *                          answer to their own message, not business-initiated
     */
    public SendPermission mayContact(WorkspaceId workspace, ContactId contact, Purpose purpose, boolean replyInsideWindow) {
        return decide(events.latest(workspace, contact), purpose, replyInsideWindow);
    }

    /**
     * The ledger's latest entries of many contacts, read in one statement, each send then decided by
     * {@link SendPermissions#mayContact} exactly as {@link #mayContact} decides it: for a batch of sends.
     */
    public SendPermissions permissions(WorkspaceId workspace, java.util.Collection<ContactId> contacts) {
        var latest = events.latestOf(workspace, contacts.stream().map(ContactId::value).distinct().toList());
        return (contact, purpose, replyInsideWindow) ->
                decide(latest.getOrDefault(contact.value(), List.of()), purpose, replyInsideWindow);
    }

    /** Sends decided from entries read before: see {@link #permissions}. */
    @FunctionalInterface
    public interface SendPermissions {
        /** A contact the ledger had no entry for (one created for the send) is decided as one without any. */
        SendPermission mayContact(ContactId contact, Purpose purpose, boolean replyInsideWindow);
    }

    private static SendPermission decide(List<ConsentEvents.Row> entries, Purpose purpose, boolean replyInsideWindow) {
        var latest = entries.stream().filter(row -> row.purpose() == purpose).findFirst();
        if (latest.isPresent() && latest.get().status() == ConsentStatus.WITHDRAWN) {
            var withdrawal = latest.get();
            if (purpose == Purpose.SERVICE && replyInsideWindow) {
                return SendPermission.ALLOWED;
            }
            return new SendPermission(SendPermission.OPTED_OUT, "the contact withdrew consent to " + purpose.code()
                    + " messages (" + withdrawal.source().code() + ", " + withdrawal.occurredAt() + ")",
                    withdrawal.source(), withdrawal.occurredAt());
        }
        if (latest.isEmpty() && purpose != Purpose.SERVICE) {
            return new SendPermission(SendPermission.NO_CONSENT, "the contact has no recorded consent to "
                    + purpose.code() + " messages; record it first (import with a consent basis, or the consent API)",
                    null, null);
        }
        return SendPermission.ALLOWED;
    }

    private ConsentRecord open(WorkspaceId workspace, ConsentEvents.Row row) {
        var evidence = row.evidence() == null ? null
                : json.readValue(cipher.decrypt(workspace, EVIDENCE_FIELD, row.evidence()), Evidence.class);
        return new ConsentRecord(row.id(), row.purpose(), row.status(), row.source(), row.occurredAt(),
                row.recordedAt(), row.noticeVersion(), evidence);
    }
}
