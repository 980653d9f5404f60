package com.maxmysales.platform.outbound;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One call through {@link OutboundHttp}.
 *
 * @param timeout how long to wait for a connection, for the answer to begin and between two reads of it
 * @param deadline how long the whole exchange may last, reading the answer included, so that a server that
 *                 answers a byte at a time cannot hold a worker forever
 * @param operatorEndpoint the operator configured this destination (Meta's Graph API, the built-in sandbox):
 *                         its address is not checked, everything else (no redirects, limits) still holds
 */
public record OutboundRequest(String method, URI uri, Map<String, String> headers, RequestBody body, Duration timeout,
        Duration deadline, boolean operatorEndpoint) {

    public OutboundRequest {
        headers = Map.copyOf(headers);
    }

    public static OutboundRequest get(URI uri, Duration timeout) {
        return new OutboundRequest("GET", uri, Map.of(), null, timeout, timeout, false);
    }

    public static OutboundRequest post(URI uri, RequestBody body, Duration timeout) {
        return new OutboundRequest("POST", uri, Map.of(), body, timeout, timeout, false);
    }

    public OutboundRequest header(String name, String value) {
        var more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new OutboundRequest(method, uri, more, body, timeout, deadline, operatorEndpoint);
    }

    public OutboundRequest deadline(Duration whole) {
        return new OutboundRequest(method, uri, headers, body, timeout, whole, operatorEndpoint);
    }

    /** @param operatorEndpoint see the record's documentation */
    public OutboundRequest operatorEndpoint(boolean operatorEndpoint) {
        return new OutboundRequest(method, uri, headers, body, timeout, deadline, operatorEndpoint);
    }

    @Override
    public String toString() {
        // Headers carry bearer tokens and signatures: never printed.
        return "OutboundRequest[" + method + " " + uri.getScheme() + "://" + uri.getRawAuthority() + "]";
    }
}
