package com.maxmysales.platform;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * The client address that per-address limits count: a request's remote address, which is the client's own
 * when forwarded headers are honoured behind a proxy (docs/deployment.md). A loopback peer is not limited: it is
 * the platform itself (the built-in sandbox delivers its webhooks so) or a proxy on the same host that does not
 * say who its client is, and limiting it would limit everyone at once. An IPv6 client is counted by its /64: one
 * subscriber gets a whole /64, so counting single addresses would give them 2^64 budgets.
 */
public final class ClientAddresses {

    private ClientAddresses() {
    }

    /**
     * @param remote the request's remote address
     * @return the address to count (an IPv6 one as its /64 network), or null when none is: a loopback peer
     */
    public static String limited(String remote) {
        var address = remote == null ? null : literal(remote);
        if (address == null) {
            return remote;
        }
        if (address.isLoopbackAddress()) {
            return null;
        }
        if (address instanceof Inet6Address) {
            var network = Arrays.copyOf(address.getAddress(), 16);
            Arrays.fill(network, 8, 16, (byte) 0);
            try {
                return InetAddress.getByAddress(network).getHostAddress() + "/64";
            } catch (UnknownHostException impossible) {
                throw new IllegalStateException(impossible);
            }
        }
        return address.getHostAddress();
    }

    /** An address literal, parsed and never looked up; null when the text is none. */
    private static InetAddress literal(String address) {
        if (!address.matches("[0-9a-fA-F:.\\[\\]%]+")) {
            return null;
        }
        try {
            return InetAddress.getByName(address);
        } catch (UnknownHostException notAnAddress) {
            return null;
        }
    }
}
