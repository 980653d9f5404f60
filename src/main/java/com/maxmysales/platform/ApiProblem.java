package com.maxmysales.platform;

import java.net.URI;
import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * A refusal the API explains with an RFC 9457 problem document. Each cause has a stable {@code type}
 * (a URN naming the cause), so clients branch on it rather than on the wording of {@code detail}.
 */
public class ApiProblem extends RuntimeException {

    /** The extension that says when to try again; it is sent as {@code Retry-After} too. */
    public static final String RETRY_AFTER_SECONDS = "retryAfterSeconds";

    private final HttpStatus status;
    private final String cause;
    private final String title;
    private final Map<String, Object> extensions;

    public ApiProblem(HttpStatus status, String cause, String title, String detail) {
        this(status, cause, title, detail, Map.of());
    }

    public ApiProblem(HttpStatus status, String cause, String title, String detail, Map<String, Object> extensions) {
        super(detail);
        this.status = status;
        this.cause = cause;
        this.title = title;
        this.extensions = Map.copyOf(extensions);
    }

    public static ApiProblem notFound(String what) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "not-found", "Not found", what + " does not exist in this workspace");
    }

    public static ApiProblem forbidden(String detail) {
        return new ApiProblem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", detail);
    }

    public static URI type(String cause) {
        return URI.create("urn:maxmysales:problem:" + cause);
    }

    public HttpStatus status() {
        return status;
    }

    public URI type() {
        return type(cause);
    }

    public String title() {
        return title;
    }

    public Map<String, Object> extensions() {
        return extensions;
    }

    /** The {@code Retry-After} seconds of a 429 or 503 that says when to come back, else null. */
    public String retryAfter() {
        var seconds = extensions.get(RETRY_AFTER_SECONDS);
        return seconds == null ? null : seconds.toString();
    }
}
