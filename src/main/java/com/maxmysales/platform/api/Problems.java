package com.maxmysales.platform.api;

import java.net.URI;
import java.util.Locale;

import com.maxmysales.platform.Refusal;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * The one place where a {@link Refusal} becomes HTTP: the status of its kind, and the RFC 9457 document whose
 * {@code type} is the URN of its code. The API's answers, the filters' and the web app's error pages all ask here.
 */
public final class Problems {

    private Problems() {
    }

    public static HttpStatus status(Refusal.Kind kind) {
        return switch (kind) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case UNAUTHENTICATED -> HttpStatus.UNAUTHORIZED;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case TOO_LARGE -> HttpStatus.CONTENT_TOO_LARGE;
            case UNPROCESSABLE -> HttpStatus.UNPROCESSABLE_CONTENT;
            case THROTTLED -> HttpStatus.TOO_MANY_REQUESTS;
            case UPSTREAM_FAILED -> HttpStatus.BAD_GATEWAY;
            case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
        };
    }

    /** The problem {@code type} of a code: a URN, so clients branch on it rather than on the wording. */
    public static URI type(String code) {
        return URI.create("urn:maxmysales:problem:" + code);
    }

    /** The type of an answer the framework or the container chose by its status alone: {@code not-found}, ... */
    public static URI type(HttpStatusCode status) {
        var known = HttpStatus.resolve(status.value());
        return type(known == null ? "http-" + status.value() : known.name().toLowerCase(Locale.ROOT).replace('_', '-'));
    }

    /** A failure on our side: nothing of its cause is told, only the request id to quote. */
    public static ProblemDetail internalError() {
        var body = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "The request failed on our side; quote request id " + RequestIds.current());
        body.setType(type("internal-error"));
        body.setTitle("Internal error");
        return body;
    }

    static ProblemDetail body(Refusal refusal) {
        var body = ProblemDetail.forStatusAndDetail(status(refusal.kind()), refusal.detail());
        body.setType(type(refusal.code()));
        body.setTitle(refusal.title());
        refusal.extensions().forEach(body::setProperty);
        return body;
    }

    static ResponseEntity<ProblemDetail> response(Refusal refusal) {
        var response = ResponseEntity.status(status(refusal.kind()));
        if (refusal.retryAfterSeconds() != null) {
            response.header(HttpHeaders.RETRY_AFTER, refusal.retryAfterSeconds());
        }
        return response.body(body(refusal));
    }
}
