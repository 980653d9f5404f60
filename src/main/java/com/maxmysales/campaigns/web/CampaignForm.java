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
