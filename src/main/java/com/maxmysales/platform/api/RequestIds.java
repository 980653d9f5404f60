package com.maxmysales.platform.api;

import org.slf4j.MDC;

/** The id of the request being answered, as its log lines and its {@code X-Request-Id} header carry it. */
public final class RequestIds {

    static final String MDC_KEY = "requestId";

    private RequestIds() {
    }

    /** The current request's id, or null outside a request. */
    public static String current() {
        return MDC.get(MDC_KEY);
    }
}
