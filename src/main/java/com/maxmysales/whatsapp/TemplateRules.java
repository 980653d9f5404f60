package com.maxmysales.whatsapp;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Meta's rules for a message template, checked before it is submitted so that a person sees every mistake at once
 * instead of one Graph error at a time (Meta answers with the first it finds). It is a pure function of the draft:
 * every violation comes back, each with the field it is in (docs/templates.md lists the rules).
 */
final class TemplateRules {

    static final int MAX_NAME = 512;
    static final int MAX_BODY = 1024;
    static final int MAX_HEADER = 60;
    static final int MAX_FOOTER = 60;
    static final int MAX_BUTTON_TEXT = 25;
    static final int MAX_BUTTONS = 10;
    static final int MAX_URL_BUTTONS = 2;

    private static final Pattern NAME = Pattern.compile("[a-z0-9_]+");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(_[A-Za-z]{2,4})?");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^{}]*?)\\s*}}");
    private static final Pattern POSITIONAL = Pattern.compile("[1-9][0-9]*");
    private static final Pattern NAMED = Pattern.compile("[a-z][a-z0-9_]*");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final Set<String> CATEGORIES = Set.of("MARKETING", "UTILITY", "AUTHENTICATION");
    private static final Set<String> HEADER_FORMATS = Set.of("TEXT", "IMAGE", "VIDEO", "DOCUMENT");
    private static final Set<String> BUTTON_TYPES = Set.of("QUICK_REPLY", "URL", "PHONE_NUMBER", "COPY_CODE");

    /** How a template's variables are written: {@code {{1}}} or {@code {{first_name}}}. */
    enum ParameterFormat { POSITIONAL, NAMED }

    /** A template as submitted: Meta's component format (see the API contract). */
    record Draft(@Nullable String name, @Nullable String language, @Nullable String category,
            @Nullable String parameterFormat, @Nullable JsonNode components) {
    }

    private final List<TemplateViolation> violations = new ArrayList<>();
    private ParameterFormat format = ParameterFormat.POSITIONAL;

    private TemplateRules() {
    }

    /** Every rule the draft breaks, in the order of its fields; empty when Meta may be asked to review it. */
    static List<TemplateViolation> check(Draft draft) {
        var rules = new TemplateRules();
        rules.checkDraft(draft);
        return List.copyOf(rules.violations);
    }

    private void checkDraft(Draft draft) {
        checkName(draft.name());
        if (draft.language() == null || !LANGUAGE.matcher(draft.language()).matches()) {
            fail("language", "Give Meta's language code, such as en, en_US or hi.");
        }
        var category = draft.category() == null ? null : draft.category().toUpperCase(Locale.ROOT);
        if (category == null || !CATEGORIES.contains(category)) {
            fail("category", "Choose MARKETING, UTILITY or AUTHENTICATION.");
        }
        if (draft.parameterFormat() != null) {
            try {
                format = ParameterFormat.valueOf(draft.parameterFormat().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException unknown) {
                fail("parameterFormat", "Choose POSITIONAL ({{1}}) or NAMED ({{first_name}}).");
            }
        }
        var components = draft.components();
        if (components == null || !components.isArray() || components.isEmpty()) {
            fail("components", "A template needs components, a BODY at least.");
            return;
        }
        if ("AUTHENTICATION".equals(category)) {
            checkAuthentication(components);
        } else {
            checkComponents(components, category);
        }
    }

    private void checkName(@Nullable String name) {
        if (name == null || name.isEmpty()) {
            fail("name", "Give the template a name.");
            return;
        }
        if (!NAME.matcher(name).matches()) {
            fail("name", "Use only lowercase letters, digits and underscores.");
        }
        if (name.length() > MAX_NAME) {
            fail("name", "At most " + MAX_NAME + " characters.");
        }
    }

    private void checkComponents(JsonNode components, @Nullable String category) {
        var seen = new LinkedHashSet<String>();
        for (int i = 0; i < components.size(); i++) {
            var component = components.get(i);
            var type = upper(text(component, "type"));
            var field = "components[" + i + "]";
            if (type == null || !Set.of("HEADER", "BODY", "FOOTER", "BUTTONS").contains(type)) {
                fail(field + ".type", "Each component is a HEADER, BODY, FOOTER or BUTTONS.");
                continue;
            }
            if (!seen.add(type)) {
                fail(field + ".type", "A template has at most one " + type + ".");
                continue;
            }
            switch (type) {
                case "HEADER" -> checkHeader(component, field);
                case "BODY" -> checkBody(component, field);
                case "FOOTER" -> checkFooter(component, field);
                default -> checkButtons(component, field, category);
            }
        }
        if (!seen.contains("BODY")) {
            fail("components", "A template needs a BODY.");
        }
    }

    private void checkHeader(JsonNode header, String field) {
        var format = upper(text(header, "format"));
        if (format == null || !HEADER_FORMATS.contains(format)) {
            fail(field + ".format", "A header is TEXT, IMAGE, VIDEO or DOCUMENT.");
            return;
        }
        if (!format.equals("TEXT")) {
            var handle = header.path("example").path("header_handle");
            if (!handle.isArray() || handle.isEmpty() || blank(handle.get(0).asString(""))) {
                fail(field + ".example.header_handle", "Give a sample " + format.toLowerCase(Locale.ROOT)
                        + " (a media handle from Meta's upload) for the reviewers.");
            }
            return;
        }
        var text = text(header, "text");
        if (blank(text)) {
            fail(field + ".text", "Write the header's text.");
            return;
        }
        if (text.length() > MAX_HEADER) {
            fail(field + ".text", "At most " + MAX_HEADER + " characters (" + text.length() + " now).");
        }
        var variables = variables(text, field + ".text");
        if (variables.size() > 1) {
            fail(field + ".text", "A header may have at most one variable.");
        }
        if (!variables.isEmpty()) {
            // Meta accepts a header's variable at its end, not at its start.
            if (text.strip().startsWith("{{")) {
                fail(field + ".text", "The header may not start with a variable.");
            }
            checkSamples(header.path("example"), "header_text", "header_text_named_params", variables,
                    field + ".example", false);
        }
    }

    private void checkBody(JsonNode body, String field) {
        var text = text(body, "text");
        if (blank(text)) {
            fail(field + ".text", "Write the message's body.");
            return;
        }
        if (text.length() > MAX_BODY) {
            fail(field + ".text", "At most " + MAX_BODY + " characters (" + text.length() + " now).");
        }
        var variables = variables(text, field + ".text");
        if (variables.isEmpty()) {
            return;
        }
        var stripped = text.strip();
        if (stripped.startsWith("{{")) {
            fail(field + ".text", "The body may not start with a variable: put words before it.");
        }
        if (stripped.endsWith("}}")) {
            fail(field + ".text", "The body may not end with a variable: put words after it.");
        }
        if (Pattern.compile("}}\\s*\\{\\{").matcher(text).find()) {
            fail(field + ".text", "Two variables may not be next to each other: put words between them.");
        }
        var words = 0;
        var fixed = WORD.matcher(PLACEHOLDER.matcher(text).replaceAll(" "));
        while (fixed.find()) {
            words++;
        }
        var count = PLACEHOLDER.matcher(text).results().count();
        if (words < 2 * count + 1) {
            fail(field + ".text", "Too many variables for the length of the message: " + count + " variable(s) need at "
                    + "least " + (2 * count + 1) + " words of fixed text (" + words + " now).");
        }
        checkSamples(body.path("example"), "body_text", "body_text_named_params", variables, field + ".example", true);
    }

    private void checkFooter(JsonNode footer, String field) {
        var text = text(footer, "text");
        if (blank(text)) {
            fail(field + ".text", "Write the footer's text, or leave the footer out.");
            return;
        }
        if (text.length() > MAX_FOOTER) {
            fail(field + ".text", "At most " + MAX_FOOTER + " characters (" + text.length() + " now).");
        }
        if (PLACEHOLDER.matcher(text).find()) {
            fail(field + ".text", "A footer may not have variables.");
        }
    }

    private void checkButtons(JsonNode component, String field, @Nullable String category) {
        var buttons = component.path("buttons");
        if (!buttons.isArray() || buttons.isEmpty()) {
            fail(field + ".buttons", "Add at least one button, or leave the buttons out.");
            return;
        }
        if (buttons.size() > MAX_BUTTONS) {
            fail(field + ".buttons", "At most " + MAX_BUTTONS + " buttons in all (" + buttons.size() + " now).");
        }
        int quickReplies = 0, urls = 0, phones = 0, codes = 0, groups = 0;
        String previous = null;
        for (int i = 0; i < buttons.size(); i++) {
            var button = buttons.get(i);
            var at = field + ".buttons[" + i + "]";
            var type = upper(text(button, "type"));
            if (type == null || !BUTTON_TYPES.contains(type)) {
                fail(at + ".type", "A button is QUICK_REPLY, URL, PHONE_NUMBER or COPY_CODE.");
                continue;
            }
            var quick = type.equals("QUICK_REPLY");
            if (previous == null || quick != previous.equals("QUICK_REPLY")) {
                groups += quick ? 1 : 0;
            }
            previous = type;
            if (!type.equals("COPY_CODE")) {
                var text = text(button, "text");
                if (blank(text)) {
                    fail(at + ".text", "Give the button a label.");
                } else if (text.length() > MAX_BUTTON_TEXT) {
                    fail(at + ".text", "A button's label has at most " + MAX_BUTTON_TEXT + " characters.");
                }
            }
            switch (type) {
                case "QUICK_REPLY" -> quickReplies++;
                case "URL" -> {
                    urls++;
                    checkUrl(button, at);
                }
                case "PHONE_NUMBER" -> {
                    phones++;
                    if (blank(text(button, "phone_number")) || !text(button, "phone_number").matches("\\+?[0-9]{6,20}")) {
                        fail(at + ".phone_number", "Give the phone number with its country code, such as +919812345678.");
                    }
                }
                default -> {
                    codes++;
                    if (blank(text(button, "example"))) {
                        fail(at + ".example", "Give a sample code for the reviewers.");
                    }
                }
            }
        }
        if (quickReplies > MAX_BUTTONS) {
            fail(field + ".buttons", "At most " + MAX_BUTTONS + " quick replies.");
        }
        if (urls > MAX_URL_BUTTONS) {
            fail(field + ".buttons", "At most " + MAX_URL_BUTTONS + " URL buttons.");
        }
        if (phones > 1) {
            fail(field + ".buttons", "At most one phone number button.");
        }
        if (codes > 1) {
            fail(field + ".buttons", "At most one copy code button.");
        }
        if (codes > 0 && !"MARKETING".equals(category)) {
            fail(field + ".buttons", "A copy code button is for MARKETING templates only.");
        }
        if (groups > 1) {
            fail(field + ".buttons", "Keep the quick replies together, before or after the other buttons.");
        }
    }

    private void checkUrl(JsonNode button, String at) {
        var url = text(button, "url");
        if (blank(url) || !url.matches("https?://\\S+")) {
            fail(at + ".url", "Give the web address, starting with https://.");
            return;
        }
        var count = PLACEHOLDER.matcher(url).results().count();
        if (count > 1) {
            fail(at + ".url", "A URL may have at most one variable.");
        }
        if (count == 1) {
            if (!url.endsWith("}}")) {
                fail(at + ".url", "A URL's variable goes at its end, such as https://shop.example/order/{{1}}.");
            }
            var example = button.path("example");
            var sample = example.isArray() && !example.isEmpty() ? example.get(0).asString("") : example.asString("");
            if (blank(sample)) {
                fail(at + ".example", "Give a sample full URL for the variable.");
            }
        }
    }

    /**
     * Authentication templates are Meta's preset text ("{{1}} is your verification code."): no header, no text of
     * one's own, a one-time-password button, and an optional expiry footer.
     */
    private void checkAuthentication(JsonNode components) {
        var otp = false;
        for (int i = 0; i < components.size(); i++) {
            var component = components.get(i);
            var type = upper(text(component, "type"));
            var field = "components[" + i + "]";
            if ("HEADER".equals(type)) {
                fail(field + ".type", "Authentication templates have no header.");
            } else if ("BODY".equals(type)) {
                if (!blank(text(component, "text"))) {
                    fail(field + ".text", "Authentication templates use Meta's preset text: leave the body's text out.");
                }
            } else if ("FOOTER".equals(type)) {
                var minutes = component.path("code_expiration_minutes");
                if (!blank(text(component, "text"))) {
                    fail(field + ".text", "An authentication footer only says when the code expires: give "
                            + "code_expiration_minutes instead of text.");
                }
                if (!minutes.isMissingNode() && (!minutes.canConvertToInt() || minutes.asInt() < 1 || minutes.asInt() > 90)) {
                    fail(field + ".code_expiration_minutes", "The code expires in 1 to 90 minutes.");
                }
            } else if ("BUTTONS".equals(type)) {
                var buttons = component.path("buttons");
                var only = buttons.isArray() && buttons.size() == 1 ? buttons.get(0) : null;
                if (only == null || !"OTP".equals(upper(text(only, "type")))) {
                    fail(field + ".buttons", "An authentication template has exactly one OTP button "
                            + "(copy code, one-tap or zero-tap).");
                } else {
                    otp = true;
                }
            } else {
                fail(field + ".type", "Each component is a HEADER, BODY, FOOTER or BUTTONS.");
            }
        }
        if (!otp) {
            fail("components", "An authentication template needs a BUTTONS component with one OTP button.");
        }
    }

    /**
     * The variables of a text in order of appearance, checked against the parameter format: positional ones must
     * be {@code {{1}}}, {@code {{2}}}... first used in that order without gaps; named ones lowercase.
     */
    private List<String> variables(String text, String field) {
        var found = new ArrayList<String>();
        var matcher = PLACEHOLDER.matcher(text);
        var malformed = false;
        while (matcher.find()) {
            var inner = matcher.group(1);
            var ok = format == ParameterFormat.POSITIONAL ? POSITIONAL.matcher(inner).matches()
                    : NAMED.matcher(inner).matches();
            if (!ok) {
                malformed = true;
            } else if (!found.contains(inner)) {
                found.add(inner);
            }
        }
        if (malformed) {
            fail(field, format == ParameterFormat.POSITIONAL
                    ? "Variables are numbered {{1}}, {{2}}...; for named ones such as {{first_name}} set the "
                            + "parameter format to NAMED."
                    : "Named variables are lowercase letters, digits and underscores, such as {{first_name}}.");
        }
        if (format == ParameterFormat.POSITIONAL) {
            for (int i = 0; i < found.size(); i++) {
                if (!found.get(i).equals(String.valueOf(i + 1))) {
                    fail(field, "Number the variables {{1}}, {{2}}... in order, without gaps (found {{"
                            + String.join("}}, {{", found) + "}}).");
                    break;
                }
            }
        }
        return found;
    }

    /** Meta's reviewers need a sample value for every variable. */
    private void checkSamples(JsonNode example, String positional, String named, List<String> variables, String field,
            boolean nested) {
        if (format == ParameterFormat.NAMED) {
            var params = example.path(named);
            for (var variable : variables) {
                var given = false;
                for (var param : params) {
                    given |= variable.equals(param.path("param_name").asString("")) && !blank(param.path("example").asString(""));
                }
                if (!given) {
                    fail(field + "." + named, "Give a sample value for {{" + variable + "}}.");
                }
            }
            return;
        }
        var samples = nested ? example.path(positional).path(0) : example.path(positional);
        for (int i = 0; i < variables.size(); i++) {
            if (!samples.isArray() || samples.size() <= i || blank(samples.get(i).asString(""))) {
                fail(field + "." + positional, "Give a sample value for {{" + (i + 1) + "}}.");
            }
        }
    }

    private void fail(String field, String message) {
        violations.add(new TemplateViolation(field, message));
    }

    private static @Nullable String text(JsonNode node, String field) {
        var value = node.get(field);
        return value != null && value.isString() ? value.stringValue() : null;
    }

    private static @Nullable String upper(@Nullable String value) {
        return value == null ? null : value.toUpperCase(Locale.ROOT);
    }

    private static boolean blank(@Nullable String value) {
        return value == null || value.isBlank();
    }
}
