package com.maxmysales.contacts;

import java.util.UUID;

import com.maxmysales.platform.Refusal;
import com.maxmysales.privacy.requests.PersonalData;
import com.maxmysales.shared.EmailAddress;
import com.maxmysales.shared.PhoneNumber;
import com.maxmysales.shared.WorkspaceId;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Undoes a merge without undoing what the person asked for since: a contact this business erased (by number,
 * WhatsApp id or email) is not brought back, and a withdrawal the survivor received after the merge — a STOP from
 * the number the undo gives back — withdraws the same purposes from the restored contact too.
 */
@Service
public class ContactMergeUndo {

    private final ContactMerges merges;
    private final ContactDirectory directory;
    private final ConsentLedger ledger;
    private final PersonalData personalData;

    ContactMergeUndo(ContactMerges merges, ContactDirectory directory, ConsentLedger ledger, PersonalData personalData) {
        this.merges = merges;
        this.directory = directory;
        this.ledger = ledger;
        this.personalData = personalData;
    }

    /**
     * @throws com.maxmysales.platform.Refusal not found for no such merge (or one undone or past its window); a
     *         conflict when an identity of the merged contact is now another contact's, or belongs to a person this
     *         business erased ({@code erased-person}); nothing changes then
     */
    @Transactional
    public ContactMerge undo(WorkspaceId workspace, UUID mergeId) {
        var merge = merges.undo(workspace, mergeId);
        var restored = directory.get(workspace, merge.absorbed());
        var waId = restored.whatsAppId() == null ? null : PhoneNumber.fromWhatsAppId(restored.whatsAppId());
        var email = EmailAddress.parse(restored.email()).orElse(null);
        if (personalData.wasErased(workspace, restored.phone(), email) || personalData.wasErased(workspace, waId, null)) {
            throw Refusal.conflict("erased-person", "Erased person",
                    "the merged contact is a person this business erased; the merge stays");
        }
        for (var record : ledger.current(workspace, merge.survivor()).values()) {
            if (record.status() == ConsentStatus.WITHDRAWN && !record.recordedAt().isBefore(merge.mergedAt())) {
                ledger.record(workspace, merge.absorbed(), ConsentChange.withdrawal(record.purpose(), record.source(),
                        record.occurredAt(), record.evidence(), "merge-undo:" + mergeId + ":" + record.id()));
            }
        }
        return merge;
    }
}
