package com.maxmysales.leads;

import com.maxmysales.contacts.PhoneNumbers;
import com.maxmysales.privacy.crypto.BlindIndex;
import com.maxmysales.privacy.crypto.FieldCipher;
import com.maxmysales.shared.EmailAddress;
import com.maxmysales.shared.PhoneNumber;
import com.maxmysales.shared.WorkspaceId;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Lead answers are personal data (P1, P3): stored as one AES-256-GCM ciphertext, with keyed hashes of the
 * phone number and email (the same blind indexes as contacts) so a data principal's request finds the lead
 * even when it never became a contact.
 */
@Component
class LeadCipher {

    static final String ANSWERS_FIELD = "leads.answers";

    private final FieldCipher cipher;
    private final BlindIndex index;
    private final PhoneNumbers phones;
    private final JsonMapper json;

    LeadCipher(FieldCipher cipher, BlindIndex index, PhoneNumbers phones, JsonMapper json) {
        this.cipher = cipher;
        this.index = index;
        this.phones = phones;
        this.json = json;
    }

    LeadRows.Sealed seal(WorkspaceId workspace, Answers answers) {
        var phone = phoneOf(workspace, answers);
        var email = emailOf(answers);
        return new LeadRows.Sealed(cipher.encrypt(workspace, ANSWERS_FIELD, json.writeValueAsString(answers)),
                phone == null ? null : index.of(workspace, phone), email == null ? null : index.of(workspace, email));
    }

    @Nullable Answers open(WorkspaceId workspace, byte @Nullable [] sealed) {
        return sealed == null ? null : json.readValue(cipher.decrypt(workspace, ANSWERS_FIELD, sealed), Answers.class);
    }

    /** The lead's number in E.164, read in the workspace's region when written without a country code. */
    @Nullable PhoneNumber phoneOf(WorkspaceId workspace, Answers answers) {
        return answers.phone().flatMap(raw -> phones.normalize(workspace, raw)).orElse(null);
    }

    /** The lead's email, when the form gave one that is an address. */
    @Nullable EmailAddress emailOf(Answers answers) {
        return answers.email().flatMap(EmailAddress::parse).orElse(null);
    }
}
