package com.maxmysales.campaigns;

import java.util.Locale;

/** Who a campaign goes to: a saved segment, a static list, or the contacts with a tag. */
public record Audience(Kind kind, String ref) {

    public enum Kind {
        SEGMENT, LIST, TAG;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
