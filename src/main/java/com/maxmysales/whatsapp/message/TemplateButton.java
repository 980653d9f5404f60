package com.maxmysales.whatsapp.message;

import java.util.Locale;

/**
 * The value of one of a template's buttons.
 *
 * @param index the button's 0-based position in the template
 * @param value a URL button's suffix, a quick reply's payload, or the code a copy-code button copies
 */
public record TemplateButton(Kind kind, int index, String value) {

    public enum Kind {
        URL, QUICK_REPLY, COPY_CODE;

        /** Meta's {@code sub_type}. */
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public TemplateButton {
        InvalidMessage.require(kind != null, "a template button needs its sub_type (url, quick_reply or copy_code)");
        InvalidMessage.require(index >= 0 && index < 10, "a template button's index is 0 to 9");
        InvalidMessage.require(value != null && !value.isBlank(), "a template button needs its parameter");
    }
}
