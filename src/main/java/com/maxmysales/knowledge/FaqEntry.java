package com.maxmysales.knowledge;

import java.util.UUID;

/** One question of a workspace's FAQ and the answer the business gives to it. */
public record FaqEntry(UUID id, String question, String answer) {
}
