package com.maxmysales.privacy.spi;

import java.util.Optional;

import com.maxmysales.shared.ContactId;
import com.maxmysales.shared.EmailAddress;
import com.maxmysales.shared.PhoneNumber;
import com.maxmysales.shared.WorkspaceId;

import org.jspecify.annotations.Nullable;

/** Implemented by the module that owns contacts: who, in a workspace, a phone number, an email or a contact is. */
public interface SubjectResolver {

    /** At least one of phone and email is given. */
    DataSubject byPhoneOrEmail(WorkspaceId workspace, @Nullable PhoneNumber phone, @Nullable EmailAddress email);

    Optional<DataSubject> byContact(WorkspaceId workspace, ContactId contact);
}
