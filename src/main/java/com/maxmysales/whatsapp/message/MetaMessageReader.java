package com.maxmysales.whatsapp.message;

import java.util.ArrayList;

import com.maxmysales.whatsapp.MediaKind;

import tools.jackson.databind.JsonNode;

/** Reads the Cloud API's object for a message type into a typed message; anything Meta would refuse is refused. */
final class MetaMessageReader {

    private MetaMessageReader() {
    }

    static WhatsAppMessage read(String type, JsonNode content) {
        InvalidMessage.require(type != null, "type is required");
        return switch (type) {
            case "text" -> text(content);
            case "template" -> template(object(content, "template must be an object with name, language and components"));
            case "interactive" -> interactive(object(content, "interactive must be an object with a type (button, list, cta_url)"));
            case "reaction" -> {
                InvalidMessage.require(content != null && content.isObject() && content.has("emoji"), "reaction needs message_id and emoji");
                yield new Reaction(string(content, "message_id"), string(content, "emoji"));
            }
            default -> {
                var kind = MediaKind.ofMessageType(type).filter(found -> Media.type(found).equals(type)).orElseThrow(() ->
                        new InvalidMessage("type must be text, template, image, video, document, audio, sticker, interactive or reaction"));
                var media = object(content, type + " must be an object with a link or an id");
                yield new Media(kind, source(media, type), string(media, "caption"), string(media, "filename"));
            }
        };
    }

    private static Text text(JsonNode content) {
        // Meta's {"body": "...", "preview_url": true}; the REST API also takes the body alone as a string.
        if (content != null && content.isString()) {
            return Text.of(content.asString());
        }
        return new Text(content == null ? null : string(content, "body"), content != null && content.path("preview_url").asBoolean(false));
    }

    private static Template template(JsonNode content) {
        var language = content.get("language");
        var code = language == null ? null : language.isString() ? language.asString() : string(language, "code");
        var template = Template.of(string(content, "name"), code);
        var components = content.get("components");
        if (components == null || components.isNull()) {
            return template;
        }
        InvalidMessage.require(components.isArray(), "template.components must be an array");
        for (var component : components) {
            var parameters = component.path("parameters");
            InvalidMessage.require(parameters.isArray() || parameters.isMissingNode(), "template component parameters must be an array");
            switch (component.path("type").asString("")) {
                case "header" -> {
                    InvalidMessage.require(parameters.size() == 1, "a template header takes one parameter");
                    template = template.withHeader(header(parameters.get(0)));
                }
                case "body" -> {
                    var values = new ArrayList<TemplateParameter>();
                    parameters.forEach(parameter -> values.add(parameter(parameter)));
                    template = new Template(template.name(), template.language(), template.header(), values, template.buttons());
                }
                case "button" -> template = template.withButton(button(component));
                default -> throw new InvalidMessage("template.components[].type must be header, body or button");
            }
        }
        return template;
    }

    private static TemplateHeader header(JsonNode parameter) {
        var type = parameter.path("type").asString("");
        if (type.equals("text")) {
            return new TemplateHeader.Text(new TemplateParameter.Text(string(parameter, "parameter_name"), string(parameter, "text")));
        }
        var kind = switch (type) {
            case "image" -> MediaKind.IMAGE;
            case "video" -> MediaKind.VIDEO;
            case "document" -> MediaKind.DOCUMENT;
            default -> throw new InvalidMessage("a template header parameter is text, image, video or document");
        };
        var media = object(parameter.get(type), "the header's " + type + " must be an object with a link or an id");
        return new TemplateHeader.Media(kind, source(media, "the header's " + type), string(media, "filename"));
    }

    private static TemplateParameter parameter(JsonNode parameter) {
        var name = string(parameter, "parameter_name");
        return switch (parameter.path("type").asString("")) {
            case "text" -> new TemplateParameter.Text(name, string(parameter, "text"));
            case "currency" -> {
                var currency = parameter.path("currency");
                InvalidMessage.require(currency.path("amount_1000").isIntegralNumber(), "currency.amount_1000 must be a whole number");
                yield new TemplateParameter.Currency(name, string(currency, "fallback_value"), string(currency, "code"),
                        currency.path("amount_1000").asLong());
            }
            case "date_time" -> new TemplateParameter.DateTime(name, string(parameter.path("date_time"), "fallback_value"));
            default -> throw new InvalidMessage("a template body parameter is text, currency or date_time");
        };
    }

    private static TemplateButton button(JsonNode component) {
        var kind = switch (component.path("sub_type").asString("")) {
            case "url" -> TemplateButton.Kind.URL;
            case "quick_reply" -> TemplateButton.Kind.QUICK_REPLY;
            case "copy_code" -> TemplateButton.Kind.COPY_CODE;
            default -> throw new InvalidMessage("a template button's sub_type is url, quick_reply or copy_code");
        };
        var index = component.path("index");
        InvalidMessage.require(index.isIntegralNumber() || index.isString() && index.asString().matches("\\d"),
                "a template button's index is 0 to 9");
        var parameter = component.path("parameters").path(0);
        var value = switch (kind) {
            case URL -> string(parameter, "text");
            case QUICK_REPLY -> string(parameter, "payload");
            case COPY_CODE -> string(parameter, "coupon_code");
        };
        return new TemplateButton(kind, index.isIntegralNumber() ? index.asInt() : Integer.parseInt(index.asString()), value);
    }

    private static Interactive interactive(JsonNode content) {
        var header = content.get("header");
        InvalidMessage.require(header == null || header.isNull() || "text".equals(string(header, "type")),
                "interactive.header is text only");
        var headerText = header == null ? null : string(header, "text");
        var body = string(content.path("body"), "text");
        var footer = string(content.path("footer"), "text");
        var action = content.path("action");
        return switch (content.path("type").asString("")) {
            case "button" -> {
                var choices = new ArrayList<Interactive.Choice>();
                for (var button : action.path("buttons")) {
                    choices.add(new Interactive.Choice(string(button.path("reply"), "id"), string(button.path("reply"), "title")));
                }
                yield new Interactive.Buttons(headerText, body, footer, choices);
            }
            case "list" -> {
                var sections = new ArrayList<Interactive.Section>();
                for (var section : action.path("sections")) {
                    var rows = new ArrayList<Interactive.Row>();
                    for (var row : section.path("rows")) {
                        rows.add(new Interactive.Row(string(row, "id"), string(row, "title"), string(row, "description")));
                    }
                    sections.add(new Interactive.Section(string(section, "title"), rows));
                }
                yield new Interactive.ListMenu(headerText, body, footer, string(action, "button"), sections);
            }
            case "cta_url" -> new Interactive.CtaUrl(headerText, body, footer, string(action.path("parameters"), "display_text"),
                    string(action.path("parameters"), "url"));
            default -> throw new InvalidMessage("interactive must be an object with a type (button, list, cta_url)");
        };
    }

    private static MediaSource source(JsonNode media, String what) {
        var link = string(media, "link");
        var id = string(media, "id");
        InvalidMessage.require((link == null) != (id == null), what + " needs exactly one of link or id");
        return link != null ? new MediaSource.Link(link) : new MediaSource.Uploaded(id);
    }

    private static JsonNode object(JsonNode content, String otherwise) {
        InvalidMessage.require(content != null && content.isObject(), otherwise);
        return content;
    }

    static String string(JsonNode node, String field) {
        var value = node == null ? null : node.get(field);
        return value == null || !value.isValueNode() || value.isNull() ? null : value.asString();
    }
}
