package com.maxmysales.platform.outbound;

import java.io.IOException;

/**
 * The guard refused to call a destination: it is not an http(s) URL, its host does not resolve, or it
 * resolves to an address a workspace must not reach. {@link #reason()} says which, for a problem detail or a
 * delivery log; it names the address, never a token or a body.
 */
public class DestinationRefused extends IOException {

    public DestinationRefused(String reason) {
        super(reason);
    }

    public String reason() {
        return getMessage();
    }
}
