package com.maxmysales.privacy.requests;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Everything held about a person, for their access request: a summary, with whom it was shared, and every
 * record of every module, decrypted.
 *
 * @param summary records per category
 * @param sharedWith the processors the data went to, and why
 * @param data per category (contacts, messages, ...), one map per record
 */
public record AccessExport(UUID requestId, Instant generatedAt, Map<String, Integer> summary, List<String> sharedWith,
        Map<String, List<Map<String, Object>>> data) {
}
