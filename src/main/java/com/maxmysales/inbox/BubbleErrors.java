package com.maxmysales.inbox;

import com.maxmysales.whatsapp.ErrorWords;

import org.jspecify.annotations.Nullable;

/** Meta's error codes (and the platform's own, below zero) in words an agent can act on. */
final class BubbleErrors {

    private BubbleErrors() {
    }

    /** Why a message failed, in words; Meta's own detail when the code is not one of ours. */
    static String inWords(@Nullable Integer code, @Nullable String detail) {
        if (code == null) {
            return detail == null ? "Not delivered" : detail;
        }
        var words = ErrorWords.of(code);
        if (words != null) {
            return words + " (" + code + ")";
        }
        return (detail == null || detail.isBlank() ? "Meta refused it" : detail) + " (" + code + ")";
    }
}
