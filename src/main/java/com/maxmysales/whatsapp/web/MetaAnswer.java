package com.maxmysales.whatsapp.web;

/** What Meta answered when a number was connected, shown once on the number's page after connecting it. */
public record MetaAnswer(String verifiedName, String qualityRating, String throughputLevel, String messagingLimit) {
}
