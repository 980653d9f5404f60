package com.maxmysales.whatsapp.message;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A message template Meta approved, with the values of its variables: the only kind of message Meta allows
 * outside the 24-hour customer-service window.
 *
 * @param language the approved translation's code, such as {@code en_US}
 * @param header the header variable's value, or null when the header has none
 * @param body the body's variables, all positional or all named
 */
public record Template(String name, String language, TemplateHeader header, List<TemplateParameter> body,
        List<TemplateButton> buttons) implements WhatsAppMessage {

    private static final Pattern NAME = Pattern.compile("[a-z0-9_]{1,512}");

    public Template {
        InvalidMessage.require(name != null && NAME.matcher(name).matches(),
                "template.name must be the template's name: lower-case letters, digits and underscores");
        InvalidMessage.require(language != null && !language.isBlank(), "template.language must be a language code such as en_US");
        body = List.copyOf(body == null ? List.of() : body);
        buttons = List.copyOf(buttons == null ? List.of() : buttons);
        var named = body.stream().filter(parameter -> parameter.name() != null).count();
        InvalidMessage.require(named == 0 || named == body.size(),
                "template parameters are all named or all positional, never both");
        var names = new HashSet<String>();
        InvalidMessage.require(body.stream().allMatch(parameter -> parameter.name() == null || names.add(parameter.name())),
                "each named template parameter appears once");
        var indexes = new HashSet<Integer>();
        InvalidMessage.require(buttons.stream().allMatch(button -> indexes.add(button.index())),
                "each template button index appears once");
    }

    public static Template of(String name, String language) {
        return new Template(name, language, null, List.of(), List.of());
    }

    /** The body's positional variables {@code {{1}}, {{2}}...}, in order. */
    public Template withBody(List<String> values) {
        return new Template(name, language, header, values.stream().map(TemplateParameter::text).toList(), buttons);
    }

    /** The body's named variables ({@code {{first_name}}}). */
    public Template withNamedBody(Map<String, String> values) {
        var parameters = new ArrayList<TemplateParameter>();
        values.forEach((key, value) -> parameters.add(new TemplateParameter.Text(key, value)));
        return new Template(name, language, header, parameters, buttons);
    }

    public Template withHeader(TemplateHeader value) {
        return new Template(name, language, value, body, buttons);
    }

    public Template withButton(TemplateButton button) {
        var all = new ArrayList<>(buttons);
        all.add(button);
        return new Template(name, language, header, body, all);
    }

    @Override
    public String type() {
        return "template";
    }

    @Override
    public String preview() {
        return "[template " + name + "]";
    }

    @Override
    public boolean freeForm() {
        return false;
    }
}
