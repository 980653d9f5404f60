package com.maxmysales.shared;

import java.util.Objects;
import java.util.UUID;

/** A customer of a workspace: a person who chats with the business or submitted one of its lead forms. */
public record ContactId(UUID value) implements java.io.Serializable {

    public ContactId {
        Objects.requireNonNull(value, "contact id");
    }

    public static ContactId of(String value) {
        return new ContactId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
