package com.maxmysales.messaging;

import com.maxmysales.shared.ContactId;
import com.maxmysales.shared.PhoneNumber;

/** Who a message goes to: a known contact, or a number (the contact is found, or made, when it is queued). */
public sealed interface Recipient {

    record Contact(ContactId id) implements Recipient {}

    record Phone(PhoneNumber number) implements Recipient {}

    static Recipient of(ContactId contact) {
        return new Contact(contact);
    }

    static Recipient of(PhoneNumber number) {
        return new Phone(number);
    }
}
