package com.maxmysales.sandbox;

/** A Graph call the sandbox refuses as Meta would, answered as Meta's {@code {"error": {...}}} document. */
public class GraphError extends RuntimeException {

    private final MetaError error;
    private final Integer subcode;

    public GraphError(MetaError error, String details) {
        this(error, details, null);
    }

    public GraphError(MetaError error, String details, Integer subcode) {
        super(details);
        this.error = error;
        this.subcode = subcode;
    }

    public static GraphError of(MetaError error) {
        return new GraphError(error, error.details());
    }

    public static GraphError invalid(String details) {
        return new GraphError(MetaError.INVALID_PARAMETER, details);
    }

    public static GraphError missing(String parameter) {
        return new GraphError(MetaError.MISSING_PARAMETER, "The parameter " + parameter + " is required.");
    }

    /** What Meta answers for a path it does not serve. */
    public static GraphError unsupported(String method, String objectId) {
        return new GraphError(MetaError.INVALID_PARAMETER, unsupportedRequest(method, objectId), 33);
    }

    /**
     * An id the caller may not act on: unknown, or another workspace's. Meta's words, which do not say which,
     * with the 404 of the sandbox's contract.
     */
    public static GraphError unknownObject(String method, String objectId) {
        return new GraphError(MetaError.UNKNOWN_OBJECT, unsupportedRequest(method, objectId), 33);
    }

    private static String unsupportedRequest(String method, String objectId) {
        return "Unsupported " + method.toLowerCase(java.util.Locale.ROOT) + " request. Object with ID '" + objectId
                + "' does not exist, cannot be loaded due to missing permissions, or does not support this operation.";
    }

    public MetaError error() {
        return error;
    }

    public String details() {
        return getMessage();
    }

    public Integer subcode() {
        return subcode;
    }
}
