package com.maxmysales.campaigns;

import com.maxmysales.whatsapp.ErrorWords;

/** A failed recipient's code in words, for its row, the failures table and the export. */
final class FailureCodes {

    private FailureCodes() {
    }

    static String words(int code) {
        var words = ErrorWords.of(code);
        if (words != null) {
            return words;
        }
        return code == 0 ? "Not queued: refused before it reached the outbox" : "Meta refused it (code " + code + ")";
    }
}
