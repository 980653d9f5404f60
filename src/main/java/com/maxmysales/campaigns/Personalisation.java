package com.maxmysales.campaigns;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import java.util.Locale;

import com.maxmysales.contacts.Contact;
import com.maxmysales.whatsapp.MediaKind;
import com.maxmysales.whatsapp.message.MediaSource;
import com.maxmysales.whatsapp.message.TemplateButton;
import com.maxmysales.whatsapp.message.TemplateHeader;
import com.maxmysales.whatsapp.message.TemplateParameter;
import com.maxmysales.whatsapp.message.Template;

/**
 * A campaign's template with each variable's value for one contact: a contact field or custom attribute (the
 * fallback when the contact has none), or the fixed value. The body's positional variables ({@code "1"},
 * {@code "2"}) go in order, named ones by name; {@code header} fills a text header's variable, {@code header.image}
 * (video, document) gives a media header's link, {@code button.N} the suffix of the URL button at index N.
 */
final class Personalisation {

    /** The key of a text header's variable; {@code header.image}, {@code header.video}, {@code header.document} a media header's link. */
    static final String HEADER = "header";
    /** {@code button.N}: the suffix of the URL button at index N. */
    static final String BUTTON = "button";

    private Personalisation() {
    }

    static Template of(Campaign campaign, Contact contact) {
        var template = Template.of(campaign.templateName(), campaign.templateLanguage());
        if (campaign.variables().isEmpty()) {
            return template;
        }
        var values = new LinkedHashMap<String, String>();
        for (var entry : campaign.variables().entrySet()) {
            var key = entry.getKey();
            var value = value(entry.getValue(), contact);
            if (key.equals(HEADER)) {
                template = template.withHeader(new TemplateHeader.Text(new TemplateParameter.Text(null, value)));
            } else if (key.startsWith(HEADER + ".")) {
                var kind = MediaKind.valueOf(key.substring(HEADER.length() + 1).toUpperCase(Locale.ROOT));
                template = template.withHeader(new TemplateHeader.Media(kind, new MediaSource.Link(value), null));
            } else if (key.startsWith(BUTTON + ".")) {
                template = template.withButton(new TemplateButton(TemplateButton.Kind.URL,
                        Integer.parseInt(key.substring(BUTTON.length() + 1)), value));
            } else {
                values.put(key, value);
            }
        }
        if (values.isEmpty()) {
            return template;
        }
        if (values.keySet().stream().allMatch(Personalisation::positional)) {
            var ordered = new TreeMap<Integer, String>();
            values.forEach((key, value) -> ordered.put(Integer.parseInt(key), value));
            return template.withBody(new ArrayList<>(ordered.values()));
        }
        return template.withNamedBody(values);
    }

    static boolean positional(String key) {
        return key.matches("[1-9][0-9]?");
    }

    static String value(Variable variable, Contact contact) {
        if (variable.field() == null) {
            return variable.value() == null ? "" : variable.value();
        }
        var found = switch (variable.field()) {
            case "name" -> contact.name() != null ? contact.name() : contact.whatsAppName();
            case "phone" -> contact.phone() == null ? null : contact.phone().e164();
            case "email" -> contact.email();
            default -> {
                var key = variable.field().startsWith("attributes.") ? variable.field().substring("attributes.".length())
                        : variable.field();
                var attribute = contact.attributes().get(key);
                yield attribute == null ? null : String.valueOf(attribute);
            }
        };
        return found == null || found.isBlank() ? variable.fallback() : found.strip();
    }

    /** The variables a template's body text asks for, as the keys a campaign gives them: "1", "2"... or names. */
    static java.util.Set<String> asked(String bodyText) {
        var keys = new java.util.LinkedHashSet<String>();
        var matcher = java.util.regex.Pattern.compile("\\{\\{\\s*([A-Za-z0-9_]+)\\s*}}").matcher(bodyText);
        while (matcher.find()) {
            keys.add(matcher.group(1));
        }
        return keys;
    }

    static Map<String, String> preview(Campaign campaign, Contact contact) {
        var values = new LinkedHashMap<String, String>();
        campaign.variables().forEach((key, variable) -> values.put(key, value(variable, contact)));
        return values;
    }
}
