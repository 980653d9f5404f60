package com.maxmysales.whatsapp.message;

import java.util.regex.Pattern;

/**
 * A value for one of a template's variables. Positional templates ({@code {{1}}}) take them in order with no
 * name; templates created with named parameters ({@code {{first_name}}}) take each with its name.
 */
public sealed interface TemplateParameter {

    /** The variable's name for a named template, null for a positional one. */
    String name();

    Pattern NAME = Pattern.compile("[a-z0-9_]{1,512}");

    /** @param value never empty: Meta refuses an empty parameter */
    record Text(String name, String value) implements TemplateParameter {
        public Text {
            checkName(name);
            InvalidMessage.require(value != null && !value.isBlank(), "template parameters must not be empty");
            InvalidMessage.atMost(value, 32_768, "a template parameter");
        }
    }

    /** @param amount1000 the amount times 1,000 (₹49 lakh is 4,900,000,000) */
    record Currency(String name, String fallback, String code, long amount1000) implements TemplateParameter {
        public Currency {
            checkName(name);
            InvalidMessage.notBlank(fallback, "currency.fallback_value");
            InvalidMessage.require(code != null && code.matches("[A-Z]{3}"), "currency.code must be an ISO 4217 code such as INR");
        }
    }

    /** Meta renders the fallback value in current clients, so it must read well on its own. */
    record DateTime(String name, String fallback) implements TemplateParameter {
        public DateTime {
            checkName(name);
            InvalidMessage.notBlank(fallback, "date_time.fallback_value");
        }
    }

    static TemplateParameter text(String value) {
        return new Text(null, value);
    }

    private static void checkName(String name) {
        InvalidMessage.require(name == null || NAME.matcher(name).matches(),
                "a template parameter's name is lower-case letters, digits and underscores");
    }
}
