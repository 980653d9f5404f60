package com.maxmysales.privacy.spi;

import java.util.Set;

import com.maxmysales.shared.ContactId;
import com.maxmysales.shared.EmailAddress;
import com.maxmysales.shared.PhoneNumber;

/**
 * A person a request is about, as every holder can find them: the workspace's contacts that are this
 * person, and the phone numbers and emails known for them (for data kept outside contact rows, such as
 * raw webhook events).
 */
public record DataSubject(Set<ContactId> contacts, Set<PhoneNumber> phones, Set<EmailAddress> emails) {

    public DataSubject {
        contacts = Set.copyOf(contacts);
        phones = Set.copyOf(phones);
        emails = Set.copyOf(emails);
    }

    public boolean isEmpty() {
        return contacts.isEmpty() && phones.isEmpty() && emails.isEmpty();
    }

    @Override
    public String toString() {
        return "DataSubject[" + contacts.size() + " contact(s)]";
    }
}
