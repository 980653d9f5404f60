package com.maxmysales.whatsapp;

import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.maxmysales.platform.Refusal;
import com.maxmysales.shared.WorkspaceId;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A sent template's body as the customer read it: the catalogue's text with the message's values in its
 * placeholders. A template whose text the platform never saw (written at Meta and not synced yet) has none.
 */
@Service
public class TemplateTexts {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_]+)\\s*}}");

    private final ChannelManagement channels;
    private final TemplateCatalogue catalogue;
    private final JsonMapper json;

    TemplateTexts(ChannelManagement channels, TemplateCatalogue catalogue, JsonMapper json) {
        this.channels = channels;
        this.catalogue = catalogue;
        this.json = json;
    }

    /**
     * @param values the body's parameters: by position ("1", "2"...) or by name
     * @return the body with the values in, a placeholder without a value left as it is; null when the text is unknown
     */
    public @Nullable String body(WorkspaceId workspace, UUID channelId, String name, String language,
            Map<String, String> values) {
        String wabaId;
        try {
            wabaId = channels.get(workspace, channelId).wabaId();
        } catch (Refusal gone) {
            return null;
        }
        var template = catalogue.find(workspace, wabaId, name, language);
        var text = template == null ? null : bodyOf(template);
        return text == null ? null : PLACEHOLDER.matcher(text).replaceAll(placeholder ->
                Matcher.quoteReplacement(values.getOrDefault(placeholder.group(1), placeholder.group())));
    }

    /** The template's body with its placeholders; null when the platform never saw its text. */
    public @Nullable String bodyOf(CataloguedTemplate template) {
        if (template.components() == null) {
            return null;
        }
        for (JsonNode component : json.readTree(template.components())) {
            if ("BODY".equalsIgnoreCase(component.path("type").asString(""))) {
                return component.path("text").asString("");
            }
        }
        return null;
    }
}
