package com.maxmysales.campaigns.web;

import java.util.LinkedHashMap;
import java.util.Map;

import com.maxmysales.campaigns.Audience;
import com.maxmysales.campaigns.NewCampaign;
import com.maxmysales.campaigns.Variable;

import org.jspecify.annotations.Nullable;

/**
 * The new-campaign form as posted: {@code template} is "name|language", {@code audience} "segment:id", "list:id"
 * or "tag" with the tag in {@code tag}; each variable's source in {@code source_<key>} (name, phone, email, an
 * attribute as "attributes.city", or "value") and its fallback or fixed value in {@code text_<key>}.
 */
final class CampaignForm {

    private CampaignForm() {
    }

    static NewCampaign asked(Map<String, String> form) {
        var template = form.getOrDefault("template", "");
        var name = template.contains("|") ? template.substring(0, template.indexOf('|')) : null;
        var language = template.contains("|") ? template.substring(template.indexOf('|') + 1) : null;
        var variables = new LinkedHashMap<String, Variable>();
        form.forEach((field, source) -> {
            if (field.startsWith("source_") && !source.isBlank()) {
                var key = field.substring("source_".length());
                var text = blankToNull(form.get("text_" + key));
                variables.put(key, "value".equals(source) ? new Variable(null, null, text) : new Variable(source, text, null));
            }
        });
        var scheduled = blankToNull(form.get("scheduledAt"));
        return new NewCampaign(form.get("name"), name, language, audience(form), variables,
                "later".equals(form.get("when")) ? scheduled : null, null);
    }

    /**
     * What the form leaves out, in the words of the form (the API's refusal names its fields: "audience needs exactly
     * one of segmentId, listId or tag"); null when nothing is.
     */
    static @Nullable String missing(Map<String, String> form, boolean hasFile) {
        var audience = form.getOrDefault("audience", "");
        if ("tag".equals(audience) && blankToNull(form.get("tag")) == null) {
            return "Type the tag of the contacts who should get it, or choose a list or a segment under “Who”.";
        }
        if ("csv".equals(audience) && !hasFile) {
            return "Choose the CSV file with this campaign's audience.";
        }
        if ("later".equals(form.get("when")) && blankToNull(form.get("scheduledAt")) == null) {
            return "Choose the date and time to start it, or “When I launch it”.";
        }
        return null;
    }

    /** A refusal of the campaign in the form's words; a CSV has to be chosen again (no browser keeps it). */
    static String inWords(String refusal, Map<String, String> form) {
        var words = refusal.replace("scheduledAt", "the start time").replaceAll("variables\\.(\\S+?) ", "{{$1}} ");
        var sentence = Character.toUpperCase(words.charAt(0)) + words.substring(1) + (words.endsWith(".") ? "" : ".");
        return "csv".equals(form.get("audience")) ? sentence + " Choose the CSV file again: a refused form cannot keep it."
                : sentence;
    }

    private static @Nullable Audience audience(Map<String, String> form) {
        var chosen = form.getOrDefault("audience", "");
        if ("tag".equals(chosen)) {
            var tag = blankToNull(form.get("tag"));
            return tag == null ? null : new Audience(Audience.Kind.TAG, tag);
        }
        if (chosen.startsWith("segment:")) {
            return new Audience(Audience.Kind.SEGMENT, chosen.substring("segment:".length()));
        }
        if (chosen.startsWith("list:")) {
            return new Audience(Audience.Kind.LIST, chosen.substring("list:".length()));
        }
        return null;
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
