package com.maxmysales.whatsapp;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;

/**
 * What Meta says of a number when it is connected ({@code GET /{phone-number-id}}): the name customers see once
 * Meta approves it, its quality, its throughput level and the messaging limit of its business portfolio.
 *
 * @param qualityRating {@code GREEN}, {@code YELLOW}, {@code RED} or {@code UNKNOWN}
 * @param throughputLevel {@code STANDARD} (80 messages a second) or {@code HIGH} (up to 1,000)
 * @param messagingLimit such as {@code TIER_250} or {@code TIER_UNLIMITED}; null when Meta did not say
 */
public record MetaNumber(@Nullable String verifiedName, @Nullable String displayPhoneNumber,
        @Nullable String qualityRating, @Nullable String throughputLevel, @Nullable String messagingLimit) {

    /** The fields asked for; {@code messaging_limit_tier} is deprecated, Meta's portfolio limit replaces it. */
    static final String FIELDS = "id,display_phone_number,verified_name,quality_rating,throughput,"
            + "whatsapp_business_manager_messaging_limit";

    static MetaNumber of(JsonNode answer) {
        return new MetaNumber(text(answer.path("verified_name")), text(answer.path("display_phone_number")),
                text(answer.path("quality_rating")), text(answer.path("throughput").path("level")),
                text(answer.path("whatsapp_business_manager_messaging_limit")));
    }

    private static @Nullable String text(JsonNode node) {
        var value = node.isValueNode() ? node.asString("") : "";
        return value.isBlank() ? null : value;
    }
}
