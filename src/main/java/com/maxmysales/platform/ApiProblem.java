package com.maxmysales.platform;

import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * TEMPORARY (issue 12): a {@link Refusal} told by its HTTP status, which {@code messaging} still raises while its
 * send path is being redesigned. Every other module raises {@link Refusal}s; delete this class once messaging
 * does too (ArchitectureTests lists it among the temporary exceptions of {@code httpStaysAtTheEdge}).
 */
public class ApiProblem extends Refusal {

    public ApiProblem(HttpStatus status, String cause, String title, String detail) {
        this(status, cause, title, detail, Map.of());
    }

    public ApiProblem(HttpStatus status, String cause, String title, String detail, Map<String, Object> extensions) {
        super(kindOf(status), cause, title, detail, extensions);
    }

    public static ApiProblem notFound(String what) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "not-found", "Not found", what + " does not exist in this workspace");
    }

    private static Kind kindOf(HttpStatus status) {
        return switch (status.value()) {
            case 400 -> Kind.INVALID;
            case 401 -> Kind.UNAUTHENTICATED;
            case 403 -> Kind.FORBIDDEN;
            case 404 -> Kind.NOT_FOUND;
            case 409 -> Kind.CONFLICT;
            case 413 -> Kind.TOO_LARGE;
            case 422 -> Kind.UNPROCESSABLE;
            case 429 -> Kind.THROTTLED;
            case 502 -> Kind.UPSTREAM_FAILED;
            case 503 -> Kind.UNAVAILABLE;
            default -> throw new IllegalArgumentException("no refusal answers " + status);
        };
    }
}
