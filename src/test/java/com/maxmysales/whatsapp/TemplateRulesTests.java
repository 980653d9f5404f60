package com.maxmysales.whatsapp;

import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** Meta's template rules, one by one, and all of a draft's violations reported together. */
class TemplateRulesTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String BODY = """
            {"type": "BODY", "text": "Hello {{1}}, your order {{2}} is ready for pickup today",
             "example": {"body_text": [["Asha", "A-17"]]}}""";

    @Test
    void aGoodMarketingTemplateWithEveryPartPasses() {
        assertThat(check("summer_sale_2", "en_US", "MARKETING", null, """
                [{"type": "HEADER", "format": "TEXT", "text": "Hi {{1}}", "example": {"header_text": ["Asha"]}},
                 %s,
                 {"type": "FOOTER", "text": "Reply STOP to opt out"},
                 {"type": "BUTTONS", "buttons": [
                   {"type": "QUICK_REPLY", "text": "Yes"}, {"type": "QUICK_REPLY", "text": "No"},
                   {"type": "URL", "text": "Track", "url": "https://shop.example/o/{{1}}", "example": ["https://shop.example/o/A-17"]},
                   {"type": "PHONE_NUMBER", "text": "Call us", "phone_number": "+919812345678"},
                   {"type": "COPY_CODE", "example": "SAVE20"}]}]""".formatted(BODY))).isEmpty();
    }

    @Test
    void aNameIsLowercaseLettersDigitsAndUnderscoresOfAtMost512() {
        assertThat(fields(check("Summer Sale", "en", "UTILITY", null, "[" + BODY + "]"))).containsExactly("name");
        assertThat(fields(check("a".repeat(513), "en", "UTILITY", null, "[" + BODY + "]"))).containsExactly("name");
        assertThat(check("a".repeat(512), "en", "UTILITY", null, "[" + BODY + "]")).isEmpty();
        assertThat(fields(check("", "en", "UTILITY", null, "[" + BODY + "]"))).containsExactly("name");
    }

    @Test
    void languageAndCategoryAreMetas() {
        assertThat(fields(check("ok", "English", "PROMO", null, "[" + BODY + "]"))).containsExactly("language", "category");
    }

    @Test
    void theBodyIsRequiredAndAtMost1024Characters() {
        assertThat(fields(check("ok", "en", "UTILITY", null, "[]"))).containsExactly("components");
        assertThat(fields(check("ok", "en", "UTILITY", null, "[{\"type\": \"FOOTER\", \"text\": \"x\"}]")))
                .containsExactly("components");
        var long1025 = "x".repeat(1025);
        assertThat(messages(check("ok", "en", "UTILITY", null, "[{\"type\": \"BODY\", \"text\": \"" + long1025 + "\"}]")))
                .singleElement().asString().contains("1024");
    }

    @Test
    void positionalVariablesAreNumberedInOrderWithoutGaps() {
        var gap = body("Hello {{1}}, your order {{3}} is ready for pickup today", "[[\"a\", \"b\"]]");
        assertThat(messages(check("ok", "en", "UTILITY", null, gap))).anyMatch(m -> m.contains("in order"));
        var reversed = body("Hello {{2}}, your order {{1}} is ready for pickup today", "[[\"a\", \"b\"]]");
        assertThat(messages(check("ok", "en", "UTILITY", null, reversed))).anyMatch(m -> m.contains("in order"));
    }

    @Test
    void namedVariablesNeedTheNamedFormatAndSamplesByName() {
        var named = """
                [{"type": "BODY", "text": "Hello {{first_name}}, your order is ready for pickup today",
                  "example": {"body_text_named_params": [{"param_name": "first_name", "example": "Asha"}]}}]""";
        assertThat(check("ok", "en", "UTILITY", "NAMED", named)).isEmpty();
        assertThat(messages(check("ok", "en", "UTILITY", null, named))).anyMatch(m -> m.contains("NAMED"));
        var noSample = "[{\"type\": \"BODY\", \"text\": \"Hello {{first_name}}, your order is ready for pickup today\"}]";
        assertThat(fields(check("ok", "en", "UTILITY", "NAMED", noSample)))
                .containsExactly("components[0].example.body_text_named_params");
    }

    @Test
    void aVariableMayNotStartOrEndTheBodyNorTouchAnother() {
        assertThat(messages(check("ok", "en", "UTILITY", null,
                body("{{1}} your order is ready for pickup today, thank you", "[[\"a\"]]"))))
                .anyMatch(m -> m.contains("start"));
        assertThat(messages(check("ok", "en", "UTILITY", null,
                body("Your order is ready for pickup today, thank you {{1}}", "[[\"a\"]]"))))
                .anyMatch(m -> m.contains("end"));
        assertThat(messages(check("ok", "en", "UTILITY", null,
                body("Hello there {{1}} {{2}} your order is ready for pickup", "[[\"a\", \"b\"]]"))))
                .anyMatch(m -> m.contains("next to each other"));
    }

    @Test
    void tooManyVariablesForTheTextIsRefused() {
        assertThat(messages(check("ok", "en", "UTILITY", null,
                body("Hi {{1}} and {{2}} ok", "[[\"a\", \"b\"]]"))))
                .anyMatch(m -> m.contains("Too many variables"));
    }

    @Test
    void everyVariableNeedsASample() {
        assertThat(fields(check("ok", "en", "UTILITY", null,
                body("Hello {{1}}, your order {{2}} is ready for pickup today", "[[\"Asha\"]]"))))
                .containsExactly("components[0].example.body_text");
    }

    @Test
    void aHeaderIsShortWithOneVariableOrAMediaSample() {
        var header = "{\"type\": \"HEADER\", \"format\": \"TEXT\", \"text\": \"Hi {{1}} and {{2}} " + "x".repeat(60)
                + "\", \"example\": {\"header_text\": [\"a\", \"b\"]}}";
        assertThat(messages(check("ok", "en", "UTILITY", null, "[" + header + "," + BODY + "]")))
                .anyMatch(m -> m.contains("60")).anyMatch(m -> m.contains("one variable"));
        assertThat(fields(check("ok", "en", "UTILITY", null,
                "[{\"type\": \"HEADER\", \"format\": \"AUDIO\"}," + BODY + "]"))).containsExactly("components[0].format");
        assertThat(fields(check("ok", "en", "UTILITY", null,
                "[{\"type\": \"HEADER\", \"format\": \"IMAGE\"}," + BODY + "]")))
                .containsExactly("components[0].example.header_handle");
    }

    @Test
    void aFooterIsShortWithoutVariables() {
        assertThat(messages(check("ok", "en", "UTILITY", null,
                "[" + BODY + ", {\"type\": \"FOOTER\", \"text\": \"Bye {{1}} " + "x".repeat(60) + "\"}]")))
                .anyMatch(m -> m.contains("60")).anyMatch(m -> m.contains("no variables") || m.contains("may not have"));
    }

    @Test
    void buttonsKeepMetasCountsKindsAndGrouping() {
        var eleven = "{\"type\": \"QUICK_REPLY\", \"text\": \"Q\"},".repeat(11);
        assertThat(messages(check("ok", "en", "MARKETING", null, buttons(eleven.substring(0, eleven.length() - 1)))))
                .anyMatch(m -> m.contains("10 buttons")).anyMatch(m -> m.contains("10 quick replies"));
        var url = "{\"type\": \"URL\", \"text\": \"Go\", \"url\": \"https://a.example/{{1}}\", \"example\": [\"https://a.example/x\"]}";
        assertThat(messages(check("ok", "en", "MARKETING", null, buttons(url + "," + url + "," + url))))
                .anyMatch(m -> m.contains("URL buttons"));
        var phone = "{\"type\": \"PHONE_NUMBER\", \"text\": \"Call\", \"phone_number\": \"+919812345678\"}";
        assertThat(messages(check("ok", "en", "MARKETING", null, buttons(phone + "," + phone))))
                .anyMatch(m -> m.contains("one phone"));
        var code = "{\"type\": \"COPY_CODE\", \"example\": \"X\"}";
        assertThat(messages(check("ok", "en", "MARKETING", null, buttons(code + "," + code))))
                .anyMatch(m -> m.contains("one copy code"));
        assertThat(messages(check("ok", "en", "UTILITY", null, buttons(code))))
                .anyMatch(m -> m.contains("MARKETING templates only"));
        var quick = "{\"type\": \"QUICK_REPLY\", \"text\": \"Q\"}";
        assertThat(messages(check("ok", "en", "MARKETING", null, buttons(quick + "," + phone + "," + quick))))
                .anyMatch(m -> m.contains("together"));
    }

    @Test
    void aUrlHasOneVariableAtItsEndWithASample() {
        var middle = "{\"type\": \"URL\", \"text\": \"Go\", \"url\": \"https://a.example/{{1}}/x\", \"example\": [\"https://a.example/1/x\"]}";
        assertThat(messages(check("ok", "en", "MARKETING", null, buttons(middle)))).anyMatch(m -> m.contains("at its end"));
        var two = "{\"type\": \"URL\", \"text\": \"Go\", \"url\": \"https://a.example/{{1}}{{2}}\", \"example\": [\"x\"]}";
        assertThat(messages(check("ok", "en", "MARKETING", null, buttons(two)))).anyMatch(m -> m.contains("at most one variable"));
        var noSample = "{\"type\": \"URL\", \"text\": \"Go\", \"url\": \"https://a.example/{{1}}\"}";
        assertThat(fields(check("ok", "en", "MARKETING", null, buttons(noSample))))
                .containsExactly("components[1].buttons[0].example");
    }

    @Test
    void authenticationTemplatesUseMetasPresetWithOneOtpButton() {
        assertThat(check("login_code", "en", "AUTHENTICATION", null, """
                [{"type": "BODY", "add_security_recommendation": true},
                 {"type": "FOOTER", "code_expiration_minutes": 10},
                 {"type": "BUTTONS", "buttons": [{"type": "OTP", "otp_type": "COPY_CODE"}]}]""")).isEmpty();
        assertThat(fields(check("login_code", "en", "AUTHENTICATION", null, """
                [{"type": "HEADER", "format": "TEXT", "text": "Code"},
                 {"type": "BODY", "text": "Your code is {{1}} ok"},
                 {"type": "FOOTER", "code_expiration_minutes": 120},
                 {"type": "BUTTONS", "buttons": [{"type": "URL", "text": "x", "url": "https://a.example"}]}]""")))
                .containsExactly("components[0].type", "components[1].text", "components[2].code_expiration_minutes",
                        "components[3].buttons", "components");
    }

    @Test
    void everyViolationComesBackTogetherWithItsField() {
        var violations = check("Bad Name", "english", "UTILITY", null, """
                [{"type": "HEADER", "format": "TEXT", "text": "%s"},
                 {"type": "BODY", "text": "{{1}} hi {{3}}", "example": {"body_text": [[]]}},
                 {"type": "FOOTER", "text": "Bye {{1}}"},
                 {"type": "BUTTONS", "buttons": [{"type": "COPY_CODE", "example": "X"},
                   {"type": "URL", "text": "Go", "url": "ftp://x"}]}]""".formatted("h".repeat(61)));
        assertThat(fields(violations)).contains("name", "language", "components[0].text", "components[1].text",
                "components[1].example.body_text", "components[2].text", "components[3].buttons",
                "components[3].buttons[1].url");
        assertThat(violations.size()).isGreaterThanOrEqualTo(10);
    }

    private static String body(String text, String samples) {
        return "[{\"type\": \"BODY\", \"text\": \"" + text + "\", \"example\": {\"body_text\": " + samples + "}}]";
    }

    private static String buttons(String buttons) {
        return "[" + BODY + ", {\"type\": \"BUTTONS\", \"buttons\": [" + buttons + "]}]";
    }

    private static List<TemplateViolation> check(String name, String language, String category, String format,
            String components) {
        JsonNode tree = JSON.readTree(components);
        return TemplateRules.check(new TemplateRules.Draft(name, language, category, format, tree));
    }

    private static List<String> fields(List<TemplateViolation> violations) {
        return violations.stream().map(TemplateViolation::field).toList();
    }

    private static List<String> messages(List<TemplateViolation> violations) {
        return violations.stream().map(TemplateViolation::message).toList();
    }
}
