package com.maxmysales.contacts;

import java.util.Optional;
import java.util.UUID;

import com.maxmysales.privacy.crypto.BlindIndex;
import com.maxmysales.privacy.requests.PersonalData;
import com.maxmysales.shared.ContactId;
import com.maxmysales.shared.EmailAddress;
import com.maxmysales.shared.PhoneNumber;
import com.maxmysales.shared.WorkspaceId;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The contact behind a lead form: the one with that phone number, else the one with that email, else a new
 * one. A new one is lead-restricted (P2): it exists to follow that lead up, so audiences and exports leave it
 * out until the person grants marketing. What the form adds never overwrites what the contact has.
 */
@Service
public class LeadContacts {

    public record Matched(ContactId id, boolean created) {}

    private final ContactDirectory directory;
    private final ContactRows rows;
    private final PersonalData personalData;
    private final BlindIndex index;
    private final java.time.Clock clock;

    LeadContacts(ContactDirectory directory, ContactRows rows, PersonalData personalData, BlindIndex index,
            java.time.Clock clock) {
        this.directory = directory;
        this.rows = rows;
        this.personalData = personalData;
        this.index = index;
        this.clock = clock;
    }

    /**
     * @param phone null when the form gave none that is a valid number
     * @param email null when the form gave none that is an address
     * @return empty when the person asked this workspace to erase them (P6): nobody is added back from a lead
     */
    @Transactional
    public Optional<Matched> match(WorkspaceId workspace, @Nullable PhoneNumber phone, @Nullable EmailAddress email,
            @Nullable String name) {
        if (personalData.wasErased(workspace, phone, email)) {
            return Optional.empty();
        }
        var sealed = directory.seal(workspace, phone, null, null, name);
        var emailIndex = email == null ? null : index.of(workspace, email);
        var sealedEmail = directory.encrypt(workspace, ContactDirectory.EMAIL, email == null ? null : email.value());
        for (int attempt = 0; attempt < 3; attempt++) {
            var existing = phone == null ? Optional.<ContactId>empty() : directory.findByPhone(workspace, phone);
            if (existing.isEmpty() && email != null) {
                existing = directory.findByEmail(workspace, email);
            }
            var now = clock.instant();
            if (existing.isPresent()) {
                rows.complete(workspace, existing.get().value(), sealed, now);
                rows.completeEmail(workspace, existing.get().value(), sealedEmail, emailIndex, now);
                return Optional.of(new Matched(existing.get(), false));
            }
            var id = UUID.randomUUID();
            if (rows.insert(workspace, id, sealed, now)) {
                rows.completeEmail(workspace, id, sealedEmail, emailIndex, now);
                rows.restrictToLeadFollowUp(workspace, id);
                return Optional.of(new Matched(new ContactId(id), true));
            }
            // Someone created this person meanwhile (their first WhatsApp message): match theirs.
        }
        throw new IllegalStateException("lead contact could not be created nor found");
    }
}
