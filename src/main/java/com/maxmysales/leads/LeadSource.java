package com.maxmysales.leads;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Where a workspace's leads come from: a Google Ads lead form (or several sharing its key) or a Facebook Page's
 * Lead Ads. Neither the Google key nor the Page token is ever shown again after creation.
 *
 * @param forms Meta forms read by the backfill even before any of their leads arrived
 * @param followUp null when leads are only collected
 * @param sandbox a page of the built-in sandbox, read from the sandbox and nowhere else; real pages from Meta
 */
public record LeadSource(UUID id, String type, String name, String pageId, List<String> forms, FollowUpRule followUp,
        boolean sandbox, Instant createdAt) {

    public static final String GOOGLE = "google";
    public static final String META = "meta";
    /** Click-to-WhatsApp ads: one per workspace, made by the platform when the first ad lead arrives. */
    public static final String CLICK_TO_WHATSAPP = "ctwa";

    /** A source type as people read it, on pages. */
    public static String label(String type) {
        return switch (type) {
            case GOOGLE -> "Google Ads lead form";
            case META -> "Meta Lead Ads";
            case CLICK_TO_WHATSAPP -> "Click-to-WhatsApp ad";
            default -> type;
        };
    }
}
