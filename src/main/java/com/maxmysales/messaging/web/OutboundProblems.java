package com.maxmysales.messaging.web;

import java.util.LinkedHashMap;

import com.maxmysales.messaging.OutboundResult;
import com.maxmysales.messaging.RefusalReason;
import com.maxmysales.platform.Refusal;
import com.maxmysales.platform.Refusal.Kind;

/**
 * The send path's refusals as the API's refusals, with the codes and kinds (so the problem types and statuses) the
 * API always had.
 */
final class OutboundProblems {

    private OutboundProblems() {
    }

    static Refusal of(OutboundResult.Refused refused) {
        var extensions = new LinkedHashMap<String, Object>();
        if (refused.consent() != null) {
            extensions.put("purpose", refused.consent().purpose().code());
            if (refused.consent().withdrawnVia() != null) {
                extensions.put("withdrawnVia", refused.consent().withdrawnVia().code());
                extensions.put("withdrawnAt", refused.consent().withdrawnAt().toString());
            }
        }
        return switch (refused.reason()) {
            case OPTED_OUT -> refusal(Kind.CONFLICT, refused, "Recipient opted out", extensions);
            case NO_CONSENT -> refusal(Kind.CONFLICT, refused, "No consent recorded", extensions);
            case ERASED_PERSON -> refusal(Kind.CONFLICT, refused, "Erased person", extensions);
            case OUTSIDE_WINDOW -> refusal(Kind.UNPROCESSABLE, refused, "Outside the 24-hour window", extensions);
            case NO_CHANNEL -> Refusal.unprocessable(RefusalReason.NO_CHANNEL.code(), "No WhatsApp number",
                    "connect a WhatsApp number (POST /api/v1/channels) before sending");
            case UNKNOWN_CHANNEL -> new Refusal(Kind.NOT_FOUND, "not-found", "Not found", refused.detail());
            case TEMPLATE_NOT_APPROVED -> refusal(Kind.UNPROCESSABLE, refused, "Template not approved", extensions);
            case INVALID_RECIPIENT -> refusal(Kind.UNPROCESSABLE, refused, "Invalid recipient", extensions);
            case LANE_NOT_ALLOWED -> refusal(Kind.UNPROCESSABLE, refused, "Lane not allowed", extensions);
            case PURPOSE_NOT_ALLOWED -> refusal(Kind.UNPROCESSABLE, refused, "Marketing template needs purpose marketing",
                    extensions);
        };
    }

    private static Refusal refusal(Kind kind, OutboundResult.Refused refused, String title,
            LinkedHashMap<String, Object> extensions) {
        return new Refusal(kind, refused.reason().code(), title, refused.detail(), extensions);
    }
}
