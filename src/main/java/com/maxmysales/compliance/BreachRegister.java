package com.maxmysales.compliance;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import com.maxmysales.platform.Cursor;
import com.maxmysales.platform.CursorPage;
import com.maxmysales.platform.Refusal;
import com.maxmysales.privacy.audit.AuditLog;
import com.maxmysales.privacy.requests.PersonalDataInventory;
import com.maxmysales.privacy.spi.Actor;
import com.maxmysales.privacy.spi.RequestActors;
import com.maxmysales.shared.ContactId;
import com.maxmysales.shared.WorkspaceId;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A workspace's breach register (P5): records a breach, fixes who it affects (the contacts whose data of the exposed
 * categories existed in the exposure window), starts the 72-hour clock of the detailed report to the Data Protection
 * Board and tells the owners, and keeps what was done about it.
 */
@Service
public class BreachRegister {

    /** The DPDP Rules give 72 hours from becoming aware of a breach for the detailed report to the Board. */
    public static final Duration REPORT_DEADLINE = Duration.ofHours(72);
    static final int MAX_TEXT = 4000;

    private final Breaches breaches;
    private final PersonalDataInventory inventory;
    private final BreachReminders reminders;
    private final AuditLog audit;
    private final RequestActors actors;
    private final Clock clock;

    BreachRegister(Breaches breaches, PersonalDataInventory inventory, BreachReminders reminders, AuditLog audit,
            RequestActors actors, Clock clock) {
        this.breaches = breaches;
        this.inventory = inventory;
        this.reminders = reminders;
        this.audit = audit;
        this.actors = actors;
        this.clock = clock;
    }

    /** The categories a breach can name, as the data inventory calls them. */
    public Set<String> categories() {
        return inventory.contactCategories();
    }

    /** Records the workspace's own breach. */
    @Transactional
    public Breach record(WorkspaceId workspace, NewBreach breach) {
        var categories = validated(breach);
        return insert(workspace, null, breach, categories, affected(workspace, breach, categories));
    }

    /**
     * Records a platform-wide incident's entry in this workspace's register if anyone of it is affected; the same
     * incident twice gives back the first entry.
     *
     * @return the breach, or empty when nobody of this workspace is affected
     */
    @Transactional
    public java.util.Optional<Breach> recordIncident(WorkspaceId workspace, UUID incident, NewBreach breach) {
        var known = breaches.findByIncident(workspace, incident);
        if (known.isPresent()) {
            return breaches.find(workspace, known.get());
        }
        var categories = validated(breach);
        var affected = affected(workspace, breach, categories);
        if (affected.isEmpty()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(insert(workspace, incident, breach, categories, affected));
    }

    public Breach get(WorkspaceId workspace, UUID id) {
        return breaches.find(workspace, id).orElseThrow(() -> Refusal.notFound("breach " + id));
    }

    /** The register, newest detection first, a page at a time ({@code limit} 1–500, 50 when absent). */
    public CursorPage<Breach> page(WorkspaceId workspace, @Nullable String cursor, @Nullable Integer limit) {
        var size = CursorPage.limit(limit);
        return CursorPage.of(breaches.page(workspace, Cursor.decode(cursor), size + 1), size,
                breach -> new Cursor(breach.detectedAt(), breach.id()).encode());
    }

    /**
     * The people a breach affects, a page at a time in contact id order. The cursor carries the last contact id (in
     * the house cursor's form; its time is unused), so a page is as fast at the end of a large list as at its start.
     */
    public CursorPage<AffectedPerson> affectedPage(WorkspaceId workspace, UUID id, @Nullable String cursor,
            @Nullable Integer limit) {
        get(workspace, id);
        var size = CursorPage.limit(limit);
        var after = Cursor.decode(cursor);
        return CursorPage.of(breaches.affectedPage(workspace, id, after == null ? null : after.id(), size + 1), size,
                person -> new Cursor(Instant.EPOCH, person.contact().value()).encode());
    }

    /** How many affected people had each category exposed. */
    Map<String, Long> affectedPerCategory(WorkspaceId workspace, UUID id) {
        return breaches.perCategory(workspace, id);
    }

    public List<AffectedPerson> affected(WorkspaceId workspace, UUID id) {
        get(workspace, id);
        return breaches.affected(workspace, id);
    }

    /** Adds what the report needs later: the likely impact and the measures taken (a blank value leaves it as it was). */
    @Transactional
    public Breach describe(WorkspaceId workspace, UUID id, @Nullable String likelyImpact, @Nullable String measures) {
        var impact = text(likelyImpact, "likelyImpact");
        var taken = text(measures, "measures");
        if (!breaches.update(workspace, id, impact, taken)) {
            throw Refusal.notFound("breach " + id);
        }
        audit.record(workspace, "breach.update", "breachId=" + id, null);
        return get(workspace, id);
    }

    /** The detailed report went to the Board: the deadline stops, the owners' notice closes. Filing twice changes nothing. */
    @Transactional
    public Breach fileReport(WorkspaceId workspace, UUID id, @Nullable Instant filedAt, @Nullable String reference) {
        get(workspace, id);
        var at = filedAt == null ? clock.instant() : filedAt;
        if (at.isAfter(clock.instant())) {
            throw Refusal.invalid("invalid-breach", "Invalid breach", "filedAt is in the future");
        }
        if (breaches.filed(workspace, id, at, text(reference, "reference"))) {
            audit.record(workspace, "breach.report-filed", "breachId=" + id, null);
            reminders.filed(workspace, id);
        }
        return get(workspace, id);
    }

    /** Records that these people's notices went out (all the affected when {@code contacts} is empty). */
    @Transactional
    public int recordNotices(WorkspaceId workspace, UUID id, List<ContactId> contacts, String channel) {
        var breach = get(workspace, id);
        if (!List.of("whatsapp", "email", "other").contains(channel)) {
            throw Refusal.invalid("invalid-breach", "Invalid breach", "channel must be whatsapp, email or other");
        }
        int marked;
        if (contacts.isEmpty()) {
            marked = breaches.notifiedAll(workspace, id, channel, clock.instant(), actor());
        } else {
            var chosen = contacts.stream().map(ContactId::value).distinct().toList();
            if (breaches.countAffected(workspace, id, chosen) != chosen.size()) {
                throw Refusal.invalid("invalid-breach", "Invalid breach", "some contacts are not affected by this breach");
            }
            marked = breaches.notified(workspace, id, chosen, channel, clock.instant(), actor());
        }
        if (contacts.isEmpty() && breach.affectedCount() == 0) {
            return 0;
        }
        audit.record(workspace, "breach.notices", "breachId=" + id, "channel=" + channel + " count=" + marked);
        return marked;
    }

    List<Breach> forReport(WorkspaceId workspace, Instant from, Instant to) {
        return breaches.forReport(workspace, from, to);
    }

    private Breach insert(WorkspaceId workspace, @Nullable UUID incident, NewBreach breach, List<String> categories,
            Map<ContactId, Set<String>> affected) {
        var id = UUID.randomUUID();
        var due = breach.detectedAt().plus(REPORT_DEADLINE);
        breaches.insert(workspace, id, incident, breach, categories, clock.instant(), actor(), due, affected);
        audit.record(workspace, "breach.record", "breachId=" + id,
                "affected=" + affected.size() + " categories=" + String.join(",", categories)
                        + (incident == null ? "" : " incident=" + incident));
        reminders.recorded(workspace, id, due, affected.size());
        return get(workspace, id);
    }

    private Map<ContactId, Set<String>> affected(WorkspaceId workspace, NewBreach breach, List<String> categories) {
        // A record held now has existed from its making until now: it overlaps the window when made before its end.
        return inventory.contactsWithData(workspace, categories, breach.exposedTo());
    }

    /** @return the categories, sorted and without repeats */
    List<String> validated(NewBreach breach) {
        var now = clock.instant();
        if (breach.detectedAt() == null || breach.exposedFrom() == null || breach.exposedTo() == null) {
            throw Refusal.invalid("invalid-breach", "Invalid breach", "detectedAt, exposedFrom and exposedTo are required");
        }
        if (breach.description() == null || breach.description().isBlank()) {
            throw Refusal.invalid("invalid-breach", "Invalid breach", "description is required");
        }
        text(breach.description(), "description");
        text(breach.likelyImpact(), "likelyImpact");
        text(breach.measures(), "measures");
        if (breach.exposedFrom().isAfter(breach.exposedTo())) {
            throw Refusal.invalid("invalid-breach", "Invalid breach", "exposedFrom is after exposedTo");
        }
        if (breach.detectedAt().isAfter(now) || breach.exposedFrom().isAfter(now)) {
            throw Refusal.invalid("invalid-breach", "Invalid breach", "detectedAt and exposedFrom cannot be in the future");
        }
        if (breach.dataCategories() == null || breach.dataCategories().isEmpty()) {
            throw Refusal.invalid("invalid-breach", "Invalid breach",
                    "dataCategories is required: some of " + String.join(", ", categories()));
        }
        var categories = new TreeSet<>(breach.dataCategories());
        if (!categories().containsAll(categories)) {
            throw Refusal.invalid("unknown-data-category", "Unknown data category",
                    "dataCategories must be among: " + String.join(", ", categories()));
        }
        return List.copyOf(categories);
    }

    private static @Nullable String text(@Nullable String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > MAX_TEXT) {
            throw Refusal.invalid("invalid-breach", "Invalid breach", name + " is longer than " + MAX_TEXT + " characters");
        }
        return value.strip();
    }

    private String actor() {
        return actors.current().orElse(Actor.SYSTEM).id();
    }
}
