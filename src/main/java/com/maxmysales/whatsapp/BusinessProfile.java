package com.maxmysales.whatsapp;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import com.maxmysales.platform.Refusal;

import org.jspecify.annotations.Nullable;

/**
 * What customers see when they tap the business's name in WhatsApp: Meta's {@code whatsapp_business_profile} of a
 * number. Meta's limits are checked before asking Meta, so a mistake is explained here rather than by Graph.
 *
 * @param about up to 139 characters, under the photo; Meta refuses it empty
 * @param websites at most two, http or https
 * @param vertical Meta's industry code, such as {@code RETAIL}
 * @param profilePictureUrl read only: Meta's URL of the current photo
 */
public record BusinessProfile(@Nullable String about, @Nullable String address, @Nullable String description,
        @Nullable String email, List<String> websites, @Nullable String vertical, @Nullable String profilePictureUrl) {

    /** Meta's industries, in the order its WhatsApp Manager lists them. */
    public static final List<String> VERTICALS = List.of("UNDEFINED", "OTHER", "AUTO", "BEAUTY", "APPAREL", "EDU",
            "ENTERTAIN", "EVENT_PLAN", "FINANCE", "GROCERY", "GOVT", "HOTEL", "HEALTH", "NONPROFIT", "PROF_SERVICES",
            "RETAIL", "TRAVEL", "RESTAURANT");
    private static final Set<String> KNOWN_VERTICALS = Set.copyOf(VERTICALS);
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern WEBSITE = Pattern.compile("https?://[^\\s]+", Pattern.CASE_INSENSITIVE);

    public BusinessProfile {
        websites = websites == null ? List.of() : List.copyOf(websites);
    }

    /** @throws Refusal invalid, naming the first field Meta would refuse */
    void requireValid() {
        if (about != null && (about.isBlank() || about.length() > 139)) {
            throw invalid("about must be 1 to 139 characters");
        }
        if (address != null && address.length() > 256) {
            throw invalid("address must be at most 256 characters");
        }
        if (description != null && description.length() > 512) {
            throw invalid("description must be at most 512 characters");
        }
        if (email != null && (email.length() > 128 || !EMAIL.matcher(email).matches())) {
            throw invalid("email must be an email address of at most 128 characters");
        }
        if (websites.size() > 2) {
            throw invalid("at most two websites");
        }
        for (var website : websites) {
            if (website.length() > 256 || !WEBSITE.matcher(website).matches()) {
                throw invalid("each website must be an http or https address of at most 256 characters");
            }
        }
        if (vertical != null && !KNOWN_VERTICALS.contains(vertical)) {
            throw invalid("vertical must be one of " + VERTICALS);
        }
    }

    private static Refusal invalid(String detail) {
        return Refusal.invalid("invalid-business-profile", "Invalid business profile", detail);
    }
}
