package com.maxmysales.knowledge;

import org.jspecify.annotations.Nullable;

/**
 * What the intents page and {@code GET /api/v1/chatbot/intents/evaluation} show: the cross-validated quality of the
 * model in use ({@code evaluation}, null before the first is computed) and {@code training} while a newer model
 * (or its cross-validation) is being computed from changed examples.
 */
public record IntentQualityReport(boolean training, @Nullable IntentEvaluation evaluation) {
}
