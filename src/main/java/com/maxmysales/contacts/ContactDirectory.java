package com.maxmysales.contacts;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import com.maxmysales.platform.ApiProblem;
import com.maxmysales.privacy.BlindIndex;
import com.maxmysales.privacy.FieldCipher;
import com.maxmysales.shared.ContactId;
import com.maxmysales.shared.PhoneNumber;
import com.maxmysales.shared.WorkspaceId;

import org.springframework.stereotype.Service;

/**
 * Finds or creates the contact behind a WhatsApp sender or a phone number. A person may be known first by
 * number (an import, an API send) and later by WhatsApp ids (their first message), or the other way round:
 * any known identity finds them, and what is learned later completes the record.
 */
@Service
public class ContactDirectory {

    static final String PHONE = "phone";
    static final String WA_ID = "wa_id";
    static final String WHATSAPP_USER_ID = "whatsapp_user_id";

    private final ContactRows rows;
    private final FieldCipher cipher;
    private final BlindIndex index;
    private final Clock clock;

    ContactDirectory(ContactRows rows, FieldCipher cipher, BlindIndex index, Clock clock) {
        this.rows = rows;
        this.cipher = cipher;
        this.index = index;
        this.clock = clock;
    }

    /** The contact who wrote to us on WhatsApp; {@code waId} is null for users known by username only. */
    public ContactId identifyWhatsAppSender(WorkspaceId workspace, String waId, String userId, String profileName) {
        return findOrCreate(workspace, seal(workspace, phoneOf(waId), waId, userId, profileName));
    }

    public ContactId findOrCreate(WorkspaceId workspace, PhoneNumber phone) {
        return findOrCreate(workspace, seal(workspace, phone, phone.digits(), null, null));
    }

    public Optional<ContactId> findByPhone(WorkspaceId workspace, PhoneNumber phone) {
        var phoneIndex = index.of(workspace, PHONE, phone.e164());
        return rows.findByAnyIndex(workspace, phoneIndex, null, null).map(ContactId::new);
    }

    public Contact get(WorkspaceId workspace, ContactId id) {
        var row = rows.find(workspace, id).orElseThrow(() -> ApiProblem.notFound("contact " + id));
        var phone = decrypt(workspace, PHONE, row.phone());
        return new Contact(id, phone == null ? null : new PhoneNumber(phone), decrypt(workspace, WA_ID, row.waId()),
                decrypt(workspace, WHATSAPP_USER_ID, row.userId()), decrypt(workspace, "name", row.name()),
                decrypt(workspace, "email", row.email()), row.createdAt());
    }

    /** A WhatsApp id is the number's digits; one that is not a valid number keeps the contact number-less. */
    private static PhoneNumber phoneOf(String waId) {
        try {
            return waId == null ? null : PhoneNumber.fromWhatsAppId(waId);
        } catch (IllegalArgumentException notANumber) {
            return null;
        }
    }

    private ContactId findOrCreate(WorkspaceId workspace, ContactRows.Sealed values) {
        var now = clock.instant();
        for (int attempt = 0; attempt < 3; attempt++) {
            var existing = rows.findByAnyIndex(workspace, values.phoneIndex(), values.waIdIndex(), values.userIdIndex());
            if (existing.isPresent()) {
                rows.complete(workspace, existing.get(), values, now);
                return new ContactId(existing.get());
            }
            var id = UUID.randomUUID();
            if (rows.insert(workspace, id, values, now)) {
                return new ContactId(id);
            }
            // Another transaction created this person meanwhile: find theirs.
        }
        throw new IllegalStateException("contact could not be created nor found");
    }

    private ContactRows.Sealed seal(WorkspaceId workspace, PhoneNumber phone, String waId, String userId, String name) {
        return new ContactRows.Sealed(
                encrypt(workspace, PHONE, phone == null ? null : phone.e164()),
                phone == null ? null : index.of(workspace, PHONE, phone.e164()),
                encrypt(workspace, WA_ID, waId), waId == null ? null : index.of(workspace, WA_ID, waId),
                encrypt(workspace, WHATSAPP_USER_ID, userId),
                userId == null ? null : index.of(workspace, WHATSAPP_USER_ID, userId),
                encrypt(workspace, "name", name == null || name.isBlank() ? null : name.strip()));
    }

    private byte[] encrypt(WorkspaceId workspace, String field, String value) {
        return value == null ? null : cipher.encrypt(workspace, "contacts." + field, value);
    }

    private String decrypt(WorkspaceId workspace, String field, byte[] value) {
        return value == null ? null : cipher.decrypt(workspace, "contacts." + field, value);
    }
}
