package com.maxmysales.privacy.spi;

import java.util.Optional;

import com.maxmysales.shared.ContactId;
import com.maxmysales.shared.PhoneNumber;
import com.maxmysales.shared.WorkspaceId;

/** Implemented by the module that owns contacts: who, in a workspace, a phone number, an email or a contact is. */
public interface SubjectResolver {

    DataSubject byPhoneOrEmail(WorkspaceId workspace, PhoneNumber phone, String email);

    Optional<DataSubject> byContact(WorkspaceId workspace, ContactId contact);
}
