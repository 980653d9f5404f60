package com.maxmysales.messaging;

/**
 * Why {@link Outbound} did not queue a message, with a stable code that callers and the API's problem types branch
 * on. Not a {@link com.maxmysales.platform.Refusal}: a refused send is an answer the caller handles, not a failure.
 */
public enum RefusalReason {
    /** The recipient withdrew consent for the purpose (a STOP, an email, an agent, Meta's own opt-out). */
    OPTED_OUT("recipient-opted-out"),
    /** The purpose needs a recorded grant (marketing, a lead's follow-up) and there is none. */
    NO_CONSENT("no-consent-recorded"),
    /** A free-form message more than 24 hours after the customer's last message: Meta allows only templates. */
    OUTSIDE_WINDOW("outside-service-window"),
    /** The workspace has no WhatsApp number. */
    NO_CHANNEL("no-channel"),
    /** The number named is not one of the workspace's. */
    UNKNOWN_CHANNEL("unknown-channel"),
    /** The template is known and not approved for sending. */
    TEMPLATE_NOT_APPROVED("template-not-approved"),
    /** The person asked this business to erase them: they are not added back by a send. */
    ERASED_PERSON("erased-person"),
    /** The contact is not in the workspace, or has no phone number to send to. */
    INVALID_RECIPIENT("invalid-recipient"),
    /** The lane asked for is ahead of what the message's purpose may take (a broadcast as a reply). */
    LANE_NOT_ALLOWED("lane-not-allowed"),
    /** A marketing template sent as something else: its consent (P2) and the campaign lane would be skipped. */
    PURPOSE_NOT_ALLOWED("purpose-not-allowed");

    private final String code;

    RefusalReason(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
