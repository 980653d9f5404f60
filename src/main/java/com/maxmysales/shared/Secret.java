package com.maxmysales.shared;

import java.util.Objects;

/**
 * A value that must never reach a log line, an exception message or a JSON dump by accident:
 * {@link #toString()} hides it, and only {@link #reveal()} hands it out.
 */
public final class Secret {

    private final String value;

    private Secret(String value) {
        this.value = Objects.requireNonNull(value, "secret");
    }

    public static Secret of(String value) {
        return new Secret(value);
    }

    public String reveal() {
        return value;
    }

    public boolean isBlank() {
        return value.isBlank();
    }

    @Override
    public String toString() {
        return "[REDACTED]";
    }
}
