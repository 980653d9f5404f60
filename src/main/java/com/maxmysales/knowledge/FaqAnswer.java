package com.maxmysales.knowledge;

import java.util.UUID;

/** The FAQ entry that answers a customer's question, and how sure the match is (0 to 1). */
public record FaqAnswer(UUID entryId, String question, String answer, double confidence) {
}
