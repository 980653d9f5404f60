package com.maxmysales.contacts;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;

import com.maxmysales.platform.Refusal;
import com.maxmysales.privacy.audit.AuditLog;
import com.maxmysales.shared.ContactId;
import com.maxmysales.shared.WorkspaceId;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One person, one contact: when one person's identities are found on two contacts, the younger is merged into the
 * older inside the caller's transaction (an inbound message's, so that the message is stored with the merge).
 * Everything that names the merged contact moves to the survivor; the merge is audited (ids only) and can be undone
 * for {@link #UNDO_WINDOW}: what moved goes back, what happened to the survivor since stays with it.
 */
@Service
public class ContactMerges {

    static final Duration UNDO_WINDOW = Duration.ofDays(30);
    static final String CONSENT = "consent_events";

    private final ContactMergeRows rows;
    private final List<ContactReferences> references;
    private final AuditLog audit;
    private final Clock clock;

    ContactMerges(ContactMergeRows rows, List<ContactReferences> references, AuditLog audit, Clock clock) {
        this.rows = rows;
        this.references = references;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Merges every other contact holding one of these identities into {@code survivor}, the oldest that holds one.
     * Called only when the survivor is about to take an identity it lacks, which another contact may hold.
     */
    void uniteWith(WorkspaceId workspace, UUID survivor, ContactRows.Sealed identities) {
        for (var other : rows.othersWithAny(workspace, survivor, identities.phoneIndex(), identities.waIdIndex(),
                identities.userIdIndex())) {
            merge(workspace, survivor, other);
        }
    }

    private void merge(WorkspaceId workspace, UUID survivor, UUID absorbed) {
        if (!rows.lockBoth(workspace, survivor, absorbed)) {
            return;
        }
        var now = clock.instant();
        var merge = UUID.randomUUID();
        rows.record(workspace, merge, survivor, absorbed, now, now.plus(UNDO_WINDOW));
        rows.copyGroups(workspace, absorbed, survivor);
        var moved = new LinkedHashMap<String, List<String>>();
        moved.put(CONSENT, rows.moveConsent(workspace, absorbed, survivor, null).stream().map(String::valueOf).toList());
        for (var kind : references) {
            moved.put(kind.kind(), kind.move(workspace, new ContactId(absorbed), new ContactId(survivor)).stream()
                    .map(UUID::toString).toList());
        }
        rows.noteMoved(workspace, merge, moved);
        rows.deleteConsent(workspace, absorbed);
        rows.deleteContact(workspace, absorbed);
        rows.completeSurvivor(workspace, merge, now);
        audit.record(workspace, "contact.merge", "contactId=" + survivor, "mergeId=" + merge + " mergedContactId=" + absorbed);
    }

    /**
     * Puts the merged contact back under its own id, with its identities, tags, lists, consent entries and every
     * row that moved; the survivor keeps what it had before and what happened to it since.
     *
     * @throws Refusal not found for no such merge in the workspace (or one undone or past its window), a conflict when an
     *         identity of the merged contact is now another contact's
     */
    @Transactional
    ContactMerge undo(WorkspaceId workspace, UUID mergeId) {
        var stored = rows.lock(workspace, mergeId)
                .filter(found -> found.merge().undoUntil().isAfter(clock.instant()))
                .orElseThrow(() -> Refusal.notFound("contact merge " + mergeId));
        var merge = stored.merge();
        var now = clock.instant();
        rows.releaseTaken(workspace, mergeId, now);
        try {
            rows.restoreContact(workspace, mergeId);
        } catch (DuplicateKeyException taken) {
            throw Refusal.conflict("merge-undo-conflict", "Merge cannot be undone",
                    "an identity of the merged contact now belongs to another contact");
        }
        rows.restoreGroups(workspace, mergeId);
        rows.moveConsent(workspace, merge.survivor().value(), merge.absorbed().value(),
                stored.moved().getOrDefault(CONSENT, List.of()).stream().map(Long::valueOf).toList());
        for (var kind : references) {
            var ids = stored.moved().getOrDefault(kind.kind(), List.of()).stream().map(UUID::fromString).toList();
            if (!ids.isEmpty()) {
                kind.moveBack(workspace, ids, merge.survivor(), merge.absorbed());
            }
        }
        rows.delete(workspace, mergeId);
        audit.record(workspace, "contact.merge-undo", "contactId=" + merge.absorbed(),
                "mergeId=" + mergeId + " survivorContactId=" + merge.survivor());
        return merge;
    }

    /** The workspace's merges still inside their undo window, newest first. */
    public List<ContactMerge> undoable(WorkspaceId workspace) {
        return rows.undoable(workspace, clock.instant());
    }

    /** After the undo window a merge is final, and its copy of the merged contact goes. */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    @Transactional
    public void forgetExpired() {
        rows.deleteExpired(clock.instant());
    }
}
