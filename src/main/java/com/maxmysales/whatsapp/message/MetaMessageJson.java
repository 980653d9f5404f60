package com.maxmysales.whatsapp.message;

import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Meta's JSON for messages, both ways: {@link #write} shapes a typed message as the Cloud API's object for its
 * type; {@link #read} takes that object (the REST API accepts it as Meta documents it) and checks it into a
 * typed message.
 */
public final class MetaMessageJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private MetaMessageJson() {
    }

    public static PreparedMessage write(WhatsAppMessage message) {
        var payload = switch (message) {
            case Text text -> NODES.objectNode().put("body", text.body()).put("preview_url", text.previewUrl());
            case Template template -> template(template);
            case Media media -> media(media.source(), media.caption(), media.filename());
            case Interactive interactive -> interactive(interactive);
            case Reaction reaction -> NODES.objectNode().put("message_id", reaction.messageId()).put("emoji", reaction.emoji());
        };
        return new PreparedMessage(message.type(), payload.toString());
    }

    /**
     * @param type Meta's type name
     * @param content the object Meta expects under that name
     * @throws InvalidMessage naming the field Meta would refuse
     */
    public static WhatsAppMessage read(String type, JsonNode content) {
        return MetaMessageReader.read(type, content);
    }

    private static ObjectNode template(Template template) {
        var payload = NODES.objectNode().put("name", template.name());
        payload.putObject("language").put("code", template.language());
        var components = NODES.arrayNode();
        if (template.header() != null) {
            var parameters = components.addObject().put("type", "header").putArray("parameters");
            switch (template.header()) {
                case TemplateHeader.Text text -> parameters.add(parameter(text.parameter()));
                case TemplateHeader.Media media -> parameters.addObject().put("type", Media.type(media.kind()))
                        .set(Media.type(media.kind()), media(media.source(), null, media.filename()));
            }
        }
        if (!template.body().isEmpty()) {
            var parameters = components.addObject().put("type", "body").putArray("parameters");
            template.body().forEach(parameter -> parameters.add(parameter(parameter)));
        }
        for (var button : template.buttons()) {
            var parameter = components.addObject().put("type", "button").put("sub_type", button.kind().code())
                    .put("index", button.index()).putArray("parameters").addObject();
            switch (button.kind()) {
                case URL -> parameter.put("type", "text").put("text", button.value());
                case QUICK_REPLY -> parameter.put("type", "payload").put("payload", button.value());
                case COPY_CODE -> parameter.put("type", "coupon_code").put("coupon_code", button.value());
            }
        }
        if (!components.isEmpty()) {
            payload.set("components", components);
        }
        return payload;
    }

    private static ObjectNode parameter(TemplateParameter parameter) {
        var node = NODES.objectNode();
        switch (parameter) {
            case TemplateParameter.Text text -> named(node.put("type", "text"), text.name()).put("text", text.value());
            case TemplateParameter.Currency currency -> named(node.put("type", "currency"), currency.name())
                    .putObject("currency").put("fallback_value", currency.fallback()).put("code", currency.code())
                    .put("amount_1000", currency.amount1000());
            case TemplateParameter.DateTime dateTime -> named(node.put("type", "date_time"), dateTime.name())
                    .putObject("date_time").put("fallback_value", dateTime.fallback());
        }
        return node;
    }

    private static ObjectNode named(ObjectNode parameter, String name) {
        return name == null ? parameter : parameter.put("parameter_name", name);
    }

    private static ObjectNode media(MediaSource source, String caption, String filename) {
        var node = switch (source) {
            case MediaSource.Link link -> NODES.objectNode().put("link", link.url());
            case MediaSource.Uploaded uploaded -> NODES.objectNode().put("id", uploaded.id());
        };
        if (caption != null) {
            node.put("caption", caption);
        }
        if (filename != null) {
            node.put("filename", filename);
        }
        return node;
    }

    private static ObjectNode interactive(Interactive interactive) {
        var payload = NODES.objectNode().put("type", interactive.kind());
        if (interactive.header() != null) {
            payload.putObject("header").put("type", "text").put("text", interactive.header());
        }
        payload.putObject("body").put("text", interactive.body());
        if (interactive.footer() != null) {
            payload.putObject("footer").put("text", interactive.footer());
        }
        var action = payload.putObject("action");
        switch (interactive) {
            case Interactive.Buttons buttons -> {
                var list = action.putArray("buttons");
                buttons.buttons().forEach(choice -> list.addObject().put("type", "reply").putObject("reply")
                        .put("id", choice.id()).put("title", choice.title()));
            }
            case Interactive.ListMenu menu -> {
                action.put("button", menu.button());
                sections(action.putArray("sections"), menu.sections());
            }
            case Interactive.CtaUrl cta -> action.put("name", "cta_url").putObject("parameters")
                    .put("display_text", cta.displayText()).put("url", cta.url());
        }
        return payload;
    }

    private static void sections(ArrayNode target, List<Interactive.Section> sections) {
        for (var section : sections) {
            var node = target.addObject();
            if (section.title() != null) {
                node.put("title", section.title());
            }
            var rows = node.putArray("rows");
            for (var row : section.rows()) {
                var item = rows.addObject().put("id", row.id()).put("title", row.title());
                if (row.description() != null) {
                    item.put("description", row.description());
                }
            }
        }
    }
}
