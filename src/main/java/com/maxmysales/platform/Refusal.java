package com.maxmysales.platform;

import java.util.Map;

/**
 * A request a module will not carry out, said in the module's own terms: a stable {@code code} that callers and
 * API clients branch on (never the wording of the detail), a short title, the detail a person reads, and
 * extensions a client may need (the holds in force, when to try again). Modules raise it knowing nothing of HTTP;
 * the edge ({@code platform.api}) turns its {@link Kind} into a status and the whole into an RFC 9457 document, and
 * the web app into the product's error page.
 */
public class Refusal extends RuntimeException {

    /** The extension that says when to try again; the API sends it as {@code Retry-After} too. */
    public static final String RETRY_AFTER_SECONDS = "retryAfterSeconds";

    /** Why the request is refused, in the terms a caller acts on; all the edge needs to choose a status. */
    public enum Kind {
        /** The input is malformed or breaks a rule of its own: fix the request. */
        INVALID,
        /** The caller did not prove who it is (a missing or wrong signature or key). */
        UNAUTHENTICATED,
        /** The caller is known but may not do this. */
        FORBIDDEN,
        /** Nothing by that name in the caller's workspace, or a feature that is off. */
        NOT_FOUND,
        /** The request clashes with the current state: it exists already, was settled, is still running. */
        CONFLICT,
        /** The content is over its limit. */
        TOO_LARGE,
        /** Well-formed, but not possible as things stand: not confirmed by Meta, the code expired, no number. */
        UNPROCESSABLE,
        /** Too many attempts; {@link #RETRY_AFTER_SECONDS} says when to come back. */
        THROTTLED,
        /** A service the platform relies on (Meta's Graph API) failed or could not be reached. */
        UPSTREAM_FAILED,
        /** The platform cannot do it right now (its mail server is down): worth trying again later. */
        UNAVAILABLE;

        /** Whether the same request may succeed later, unchanged: the refusal is about now, not about the request. */
        public boolean temporary() {
            return this == THROTTLED || this == UPSTREAM_FAILED || this == UNAVAILABLE;
        }
    }

    private final Kind kind;
    private final String code;
    private final String title;
    private final Map<String, Object> extensions;

    public Refusal(Kind kind, String code, String title, String detail) {
        this(kind, code, title, detail, Map.of());
    }

    public Refusal(Kind kind, String code, String title, String detail, Map<String, Object> extensions) {
        super(detail);
        this.kind = kind;
        this.code = code;
        this.title = title;
        this.extensions = Map.copyOf(extensions);
    }

    public static Refusal invalid(String code, String title, String detail) {
        return new Refusal(Kind.INVALID, code, title, detail);
    }

    public static Refusal notFound(String what) {
        return new Refusal(Kind.NOT_FOUND, "not-found", "Not found", what + " does not exist in this workspace");
    }

    public static Refusal forbidden(String detail) {
        return new Refusal(Kind.FORBIDDEN, "forbidden", "Forbidden", detail);
    }

    public static Refusal conflict(String code, String title, String detail) {
        return conflict(code, title, detail, Map.of());
    }

    public static Refusal conflict(String code, String title, String detail, Map<String, Object> extensions) {
        return new Refusal(Kind.CONFLICT, code, title, detail, extensions);
    }

    public static Refusal unprocessable(String code, String title, String detail) {
        return unprocessable(code, title, detail, Map.of());
    }

    public static Refusal unprocessable(String code, String title, String detail, Map<String, Object> extensions) {
        return new Refusal(Kind.UNPROCESSABLE, code, title, detail, extensions);
    }

    public Kind kind() {
        return kind;
    }

    /** The stable name of the cause, e.g. {@code recipient-opted-out}; the API's problem {@code type} ends with it. */
    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }

    public Map<String, Object> extensions() {
        return extensions;
    }

    /** The seconds after which trying again may succeed, or null when the refusal does not say. */
    public String retryAfterSeconds() {
        var seconds = extensions.get(RETRY_AFTER_SECONDS);
        return seconds == null ? null : seconds.toString();
    }
}
