package com.maxmysales.messaging.web;

import java.util.LinkedHashMap;

import com.maxmysales.messaging.OutboundResult;
import com.maxmysales.messaging.Refusal;
import com.maxmysales.platform.ApiProblem;

import org.springframework.http.HttpStatus;

/** The send path's refusals as the API's RFC 9457 problems, with the types and statuses the API always had. */
final class OutboundProblems {

    private OutboundProblems() {
    }

    static ApiProblem of(OutboundResult.Refused refused) {
        var extensions = new LinkedHashMap<String, Object>();
        if (refused.consent() != null) {
            extensions.put("purpose", refused.consent().purpose().code());
            if (refused.consent().withdrawnVia() != null) {
                extensions.put("withdrawnVia", refused.consent().withdrawnVia().code());
                extensions.put("withdrawnAt", refused.consent().withdrawnAt().toString());
            }
        }
        return switch (refused.reason()) {
            case OPTED_OUT -> problem(HttpStatus.CONFLICT, refused, "Recipient opted out", extensions);
            case NO_CONSENT -> problem(HttpStatus.CONFLICT, refused, "No consent recorded", extensions);
            case ERASED_PERSON -> problem(HttpStatus.CONFLICT, refused, "Erased person", extensions);
            case OUTSIDE_WINDOW -> problem(HttpStatus.UNPROCESSABLE_CONTENT, refused, "Outside the 24-hour window", extensions);
            case NO_CHANNEL -> new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, Refusal.NO_CHANNEL.code(), "No WhatsApp number",
                    "connect a WhatsApp number (POST /api/v1/channels) before sending");
            case UNKNOWN_CHANNEL -> new ApiProblem(HttpStatus.NOT_FOUND, "not-found", "Not found", refused.detail());
            case TEMPLATE_NOT_APPROVED -> problem(HttpStatus.UNPROCESSABLE_CONTENT, refused, "Template not approved", extensions);
            case INVALID_RECIPIENT -> problem(HttpStatus.UNPROCESSABLE_CONTENT, refused, "Invalid recipient", extensions);
            case LANE_NOT_ALLOWED -> problem(HttpStatus.UNPROCESSABLE_CONTENT, refused, "Lane not allowed", extensions);
        };
    }

    private static ApiProblem problem(HttpStatus status, OutboundResult.Refused refused, String title,
            LinkedHashMap<String, Object> extensions) {
        return new ApiProblem(status, refused.reason().code(), title, refused.detail(), extensions);
    }
}
