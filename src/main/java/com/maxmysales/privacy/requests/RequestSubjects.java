package com.maxmysales.privacy.requests;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import com.maxmysales.privacy.crypto.BlindIndex;
import com.maxmysales.privacy.crypto.FieldCipher;
import com.maxmysales.privacy.spi.DataSubject;
import com.maxmysales.privacy.spi.SubjectResolver;
import com.maxmysales.shared.EmailAddress;
import com.maxmysales.shared.PhoneNumber;
import com.maxmysales.shared.WorkspaceId;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Who a privacy request is about and what the person wrote, sealed for storage and opened for fulfilment. */
@Component
class RequestSubjects {

    static final String PHONE = "privacy_requests.phone";
    static final String EMAIL = "privacy_requests.email";
    static final String DETAILS = "privacy_requests.details";
    static final String REFUSAL = "privacy_requests.refusal_detail";
    static final String RESOLUTION = "privacy_requests.resolution";

    private final FieldCipher cipher;
    private final BlindIndex index;
    private final SubjectResolver resolver;
    private final JsonMapper json;

    RequestSubjects(FieldCipher cipher, BlindIndex index, SubjectResolver resolver, JsonMapper json) {
        this.cipher = cipher;
        this.index = index;
        this.resolver = resolver;
        this.json = json;
    }

    DataSubject resolve(PrivacyRequestRows.Row row) {
        var phone = cipher.decrypt(row.workspace(), PHONE, row.phone());
        var email = cipher.decrypt(row.workspace(), EMAIL, row.email());
        return resolver.byPhoneOrEmail(row.workspace(), phone == null ? null : new PhoneNumber(phone),
                email == null ? null : EmailAddress.of(email));
    }

    @Nullable PhoneNumber phone(PrivacyRequestRows.Row row) {
        var phone = cipher.decrypt(row.workspace(), PHONE, row.phone());
        return phone == null ? null : new PhoneNumber(phone);
    }

    @Nullable String email(PrivacyRequestRows.Row row) {
        return cipher.decrypt(row.workspace(), EMAIL, row.email());
    }

    /** The erasure tombstone hash of the person's number, else of their email: how their requests are found later. */
    byte[] subjectHash(@Nullable PhoneNumber phone, @Nullable EmailAddress email) {
        return phone != null ? index.tombstone(phone) : index.tombstone(Objects.requireNonNull(email, "phone or email"));
    }

    /** The subject hashes the person's requests may have been filed under, whenever they were filed. */
    List<byte[]> subjectHashes(DataSubject subject) {
        return Stream.concat(subject.phones().stream().map(index::tombstone),
                subject.emails().stream().flatMap(email -> index.tombstonesOfEverySpelling(email).stream())).toList();
    }

    byte[] seal(WorkspaceId workspace, String field, String value) {
        return cipher.encrypt(workspace, field, value);
    }

    @Nullable String open(WorkspaceId workspace, String field, byte @Nullable [] value) {
        return cipher.decrypt(workspace, field, value);
    }

    byte @Nullable [] sealDetails(WorkspaceId workspace, Map<String, String> details) {
        return details.isEmpty() ? null : cipher.encrypt(workspace, DETAILS, json.writeValueAsString(details));
    }

    @SuppressWarnings("unchecked")
    Map<String, String> details(PrivacyRequestRows.Row row) {
        var details = cipher.decrypt(row.workspace(), DETAILS, row.details());
        return details == null ? Map.of() : json.readValue(details, Map.class);
    }
}
