package com.maxmysales.platform;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The client address that per-address limits count: a request's remote address, which is the client's own
 * when forwarded headers are honoured behind a proxy (docs/deployment.md). A loopback peer is not limited: it is
 * the platform itself (the built-in sandbox delivers its webhooks so) or a proxy on the same host that does not
 * say who its client is, and limiting it would limit everyone at once.
 */
public final class ClientAddresses {

    private ClientAddresses() {
    }

    /**
     * @param address the request's remote address
     * @return the address to count, or null when none is: a loopback peer
     */
    public static String limited(String address) {
        return address == null || isLoopback(address) ? null : address;
    }

    private static boolean isLoopback(String address) {
        if (!address.matches("[0-9a-fA-F:.\\[\\]%]+")) {
            return false;
        }
        try {
            // An address literal: parsed, never looked up.
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException notAnAddress) {
            return false;
        }
    }
}
