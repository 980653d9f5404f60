package com.maxmysales.leads;

import java.util.Locale;

import com.maxmysales.contacts.PhoneNumbers;
import com.maxmysales.privacy.BlindIndex;
import com.maxmysales.privacy.FieldCipher;
import com.maxmysales.shared.PhoneNumber;
import com.maxmysales.shared.WorkspaceId;

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
        var email = answers.email().map(value -> value.strip().toLowerCase(Locale.ROOT)).orElse(null);
        return new LeadRows.Sealed(cipher.encrypt(workspace, ANSWERS_FIELD, json.writeValueAsString(answers)),
                phone == null ? null : index.of(workspace, "phone", phone.e164()),
                email == null ? null : index.of(workspace, "email", email));
    }

    Answers open(WorkspaceId workspace, byte[] sealed) {
        return sealed == null ? null : json.readValue(cipher.decrypt(workspace, ANSWERS_FIELD, sealed), Answers.class);
    }

    /** The lead's number in E.164, read in the workspace's region when written without a country code. */
    PhoneNumber phoneOf(WorkspaceId workspace, Answers answers) {
        return answers.phone().flatMap(raw -> phones.normalize(workspace, raw)).orElse(null);
    }
}
