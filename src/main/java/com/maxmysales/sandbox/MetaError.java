package com.maxmysales.sandbox;

/**
 * The Cloud API errors the sandbox produces, with Meta's titles and explanations. Meta asks clients to
 * branch on the code alone; the HTTP status Meta answers with is what older copies of its documentation list.
 */
public enum MetaError {

    INVALID_PARAMETER(100, "Invalid parameter", 400, "Invalid parameter"),
    // Meta's code for an object the token may not see; 404 is the sandbox's own promise for anything not the caller's.
    UNKNOWN_OBJECT(100, "Invalid parameter", 404, "Invalid parameter"),
    ACCESS_TOKEN(190, "Invalid OAuth access token - Cannot parse access token", 401,
            "Send a bearer token: Authorization: Bearer <access token>"),
    // Sources disagree on 400 or 429 for throttling; 400 keeps clients honest about branching on the code.
    RATE_LIMIT(130429, "Rate limit hit", 400,
            "Message failed to send because there were too many messages sent from this phone number in a short period of time"),
    UNKNOWN(131000, "Something went wrong", 500,
            "Message failed to send because of an unknown error. Please try again later."),
    MISSING_PARAMETER(131008, "Required parameter is missing", 400, "Required parameter is missing"),
    NOT_REACHABLE(131026, "Message undeliverable", 400,
            "Message failed to send because the recipient is not a WhatsApp user, has not accepted the terms of service, or uses an old app version."),
    RE_ENGAGEMENT(131047, "Re-engagement message", 400,
            "Message failed to send because more than 24 hours have passed since the customer last replied to this number."),
    MEDIA_UPLOAD(131053, "Media upload error", 400,
            "Unable to download the media: no media with this id was uploaded to the sandbox."),
    PAIR_RATE_LIMIT(131056, "(Business Account, Consumer Account) pair rate limit hit", 400,
            "Message failed to send because there were too many messages sent from this phone number to the same phone number in a short period of time.");

    public static final String HREF = "https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/";

    private final int code;
    private final String title;
    private final int httpStatus;
    private final String details;

    MetaError(int code, String title, int httpStatus, String details) {
        this.code = code;
        this.title = title;
        this.httpStatus = httpStatus;
        this.details = details;
    }

    public int code() {
        return code;
    }

    public String title() {
        return title;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public String details() {
        return details;
    }

    /** Meta prefixes the code to the title in synchronous errors, except for token errors. */
    public String message() {
        return this == ACCESS_TOKEN ? title : "(#" + code + ") " + title;
    }
}
