package com.maxmysales.contacts;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Optional;
import java.util.UUID;

import com.maxmysales.privacy.audit.AuditLog;
import com.maxmysales.privacy.crypto.BlindIndex;
import com.maxmysales.privacy.crypto.BlindIndex.Identifier;
import com.maxmysales.shared.ContactId;
import com.maxmysales.shared.PhoneNumber;
import com.maxmysales.shared.WorkspaceId;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * A customer changed their WhatsApp number: their contact moves to the new one and keeps everything else
 * (conversations, consent, leads, tags). The old number is dropped, not kept as a previous number: WhatsApp
 * recycles numbers, and whoever writes from it next is someone else, who must not inherit this person's history.
 * When another contact already holds the new number it is the same person, and the two are merged (the older
 * survives, as in every merge) before the survivor takes the new number.
 */
@Service
public class ContactNumberChanges {

    private final ContactRows rows;
    private final ContactMerges merges;
    private final ContactDirectory directory;
    private final BlindIndex index;
    private final AuditLog audit;
    private final Clock clock;

    ContactNumberChanges(ContactRows rows, ContactMerges merges, ContactDirectory directory, BlindIndex index,
            AuditLog audit, Clock clock) {
        this.rows = rows;
        this.merges = merges;
        this.directory = directory;
        this.index = index;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Moves the contact known by {@code oldWaId} to {@code newWaId}. Safe to repeat: once moved, no contact holds
     * the old number and nothing happens.
     *
     * @return the contact that now has the new number; empty when no contact had the old one
     */
    public Optional<ContactId> moved(WorkspaceId workspace, String oldWaId, String newWaId) {
        if (oldWaId.equals(newWaId)) {
            return Optional.empty();
        }
        var oldPhone = phoneOf(oldWaId);
        var oldIndexes = indexes(workspace, oldPhone, oldWaId);
        var movers = rows.allWithAny(workspace, oldIndexes.phoneIndex(), oldIndexes.waIdIndex());
        if (movers.isEmpty()) {
            return Optional.empty();
        }
        var newPhone = phoneOf(newWaId);
        var newIndexes = indexes(workspace, newPhone, newWaId);
        var people = new ArrayList<UUID>(movers);
        rows.allWithAny(workspace, newIndexes.phoneIndex(), newIndexes.waIdIndex()).stream()
                .filter(holder -> !people.contains(holder)).forEach(people::add);
        // Every contact of the old or the new number is this one person: one survives, the oldest.
        var survivor = rows.oldest(workspace, people);
        merges.uniteWith(workspace, survivor, oldIndexes);
        merges.uniteWith(workspace, survivor, newIndexes);
        var sealed = directory.seal(workspace, newPhone, newWaId, null, null);
        rows.moveNumber(workspace, survivor, sealed.phone(), sealed.phoneIndex(), sealed.waId(), sealed.waIdIndex(),
                clock.instant());
        audit.record(workspace, "contact.number-change", "contactId=" + survivor,
                people.size() == 1 ? null : "merged=" + people.stream().filter(id -> !id.equals(survivor)).toList());
        return Optional.of(new ContactId(survivor));
    }

    /** Only the blind indexes, which is all a merge looks contacts up by. */
    private ContactRows.Sealed indexes(WorkspaceId workspace, @Nullable PhoneNumber phone, String waId) {
        return new ContactRows.Sealed(null, phone == null ? null : index.of(workspace, phone), null,
                index.of(workspace, Identifier.WHATSAPP_ID, waId), null, null, null);
    }

    /** As {@link ContactDirectory}: a WhatsApp id that is not a valid number leaves the contact number-less. */
    private static @Nullable PhoneNumber phoneOf(String waId) {
        try {
            return PhoneNumber.fromWhatsAppId(waId);
        } catch (IllegalArgumentException notANumber) {
            return null;
        }
    }
}
