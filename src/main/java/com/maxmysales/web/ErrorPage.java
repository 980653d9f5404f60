package com.maxmysales.web;

/**
 * What the product's error page says: one page for every refusal and failure of the web app, in its layout.
 *
 * @param detail what the refusal itself says (a missing contact, the reason a role may not), or null
 * @param requestId shown on a server error only, so a user can quote it and it can be found in the logs
 */
public record ErrorPage(int status, String title, String message, String detail, String requestId) {

    static ErrorPage of(int status, String detail, String requestId) {
        var serverError = status >= 500;
        return new ErrorPage(status, title(status), message(status), detail, serverError ? requestId : null);
    }

    /** The element id tests and styles find the page by. */
    public String id() {
        return switch (status) {
            case 403 -> "forbidden";
            case 404 -> "not-found";
            default -> status >= 500 ? "server-error" : "refused";
        };
    }

    public boolean forbidden() {
        return status == 403;
    }

    private static String title(int status) {
        return switch (status) {
            case 400 -> "Bad request";
            case 401 -> "Sign-in needed";
            case 403 -> "Not allowed";
            case 404 -> "Not found";
            case 405 -> "Not possible here";
            case 409 -> "Conflict";
            case 413 -> "Too large";
            case 422 -> "Cannot be done";
            case 429 -> "Too many attempts";
            case 502, 503 -> "Try again later";
            default -> status >= 500 ? "Something went wrong" : "Refused";
        };
    }

    private static String message(int status) {
        return switch (status) {
            case 404 -> "There is no such page, or what it would show is not in your workspace.";
            case 409 -> "This clashes with how things stand now; reload the page and try again.";
            case 413 -> "What you sent is larger than the limit.";
            case 429 -> "Wait a little before you try again.";
            case 502, 503 -> "A service the platform relies on did not answer. Try again in a few minutes.";
            default -> status >= 500 ? "The page failed on our side. If it happens again, give the request id below to "
                    + "whoever runs this platform." : "The request could not be carried out.";
        };
    }
}
