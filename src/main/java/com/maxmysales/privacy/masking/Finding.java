package com.maxmysales.privacy.masking;

/** Where in a text a sensitive identifier was found: {@code [start, end)}. */
record Finding(SensitiveKind kind, int start, int end) {

    boolean overlaps(Finding other) {
        return start < other.end && other.start < end;
    }
}
