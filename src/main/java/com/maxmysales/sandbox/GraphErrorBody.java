package com.maxmysales.sandbox;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** Meta's error document: {@code {"error": {"message", "type", "code", "error_data", "error_subcode", "fbtrace_id"}}}. */
public record GraphErrorBody(Detail error) {

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Detail(String message, String type, int code, Data errorData, Integer errorSubcode, String fbtraceId) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Data(String messagingProduct, String details) {
    }

    public static GraphErrorBody of(GraphError error) {
        return new GraphErrorBody(new Detail(error.error().message(), "OAuthException", error.error().code(),
                new Data("whatsapp", error.details()), error.subcode(), SandboxIds.fbtraceId()));
    }
}
