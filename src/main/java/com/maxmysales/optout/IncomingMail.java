package com.maxmysales.optout;

import java.time.Instant;
import java.util.regex.Pattern;

/**
 * A mail in the operator's opt-out mailbox, as far as we read it.
 *
 * @param messageId the Message-ID header (or a stand-in made of sender, date and subject): the key that makes
 *                  processing a mail twice impossible
 */
record IncomingMail(String messageId, String from, String subject, String body, Instant receivedAt) {

    /** "Unsubscribe" in any case, after any number of reply and forward prefixes (Re:, Fwd:, AW:, WG:, Re[2]:). */
    private static final Pattern UNSUBSCRIBE = Pattern.compile(
            "\\s*((re|fwd?|fw|aw|wg|tr|rv)\\s*(\\[\\d+\\])?\\s*:\\s*)*unsubscribe\\s*[.!]*\\s*",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    boolean asksToUnsubscribe() {
        return subject != null && UNSUBSCRIBE.matcher(subject).matches();
    }
}
