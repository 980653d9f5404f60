package com.maxmysales.whatsapp.message;

/**
 * A message Meta would refuse, refused here when it is made: the text names the field and the rule, so an API
 * caller can fix the request without a round trip to Meta.
 */
public class InvalidMessage extends IllegalArgumentException {

    public InvalidMessage(String detail) {
        super(detail);
    }

    static void require(boolean rule, String detail) {
        if (!rule) {
            throw new InvalidMessage(detail);
        }
    }

    static String notBlank(String value, String field) {
        require(value != null && !value.isBlank(), field + " is required");
        return value;
    }

    static String atMost(String value, int characters, String field) {
        require(value == null || value.length() <= characters, field + " is limited to " + characters + " characters");
        return value;
    }
}
