package com.maxmysales.platform.outbound;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

/**
 * The addresses a workspace's call may not reach. IPv4 is a list of special-purpose ranges (RFC 6890 and its
 * successors); IPv6 must be global unicast (2000::/3), less the ranges in it that are not a host on the
 * internet. Everything that embeds an IPv4 address (mapped, compatible, NAT64, 6to4, Teredo) is either checked
 * as that IPv4 address or refused outright, so no IPv6 spelling reaches a refused IPv4 host.
 */
final class AddressRanges {

    /**
     * @param privateUse an operator's own network: reachable when {@code allow-private-addresses} is on, as
     *                   a self-hoster's systems may live there; the others are never a destination
     */
    private record Range(byte[] prefix, int bits, String reason, boolean privateUse) {

        boolean contains(byte[] address) {
            if (address.length != prefix.length) {
                return false;
            }
            int full = bits / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != prefix[i]) {
                    return false;
                }
            }
            int rest = bits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return (address[full] & mask) == (prefix[full] & mask);
        }
    }

    private static final List<Range> IPV4 = List.of(
            v4("0.0.0.0", 8, "the unspecified network 0.0.0.0/8", false),
            v4("10.0.0.0", 8, "a private address (10.0.0.0/8)", true),
            v4("100.64.0.0", 10, "a carrier-grade NAT address (100.64.0.0/10)", true),
            v4("127.0.0.0", 8, "a loopback address (127.0.0.0/8)", true),
            v4("169.254.0.0", 16, "a link-local address (169.254.0.0/16, cloud metadata services)", false),
            v4("172.16.0.0", 12, "a private address (172.16.0.0/12)", true),
            v4("192.0.0.0", 24, "an IETF protocol address (192.0.0.0/24)", false),
            v4("192.0.2.0", 24, "a documentation address (192.0.2.0/24)", false),
            v4("192.88.99.0", 24, "a 6to4 relay address (192.88.99.0/24)", false),
            v4("192.168.0.0", 16, "a private address (192.168.0.0/16)", true),
            v4("198.18.0.0", 15, "a benchmarking address (198.18.0.0/15)", false),
            v4("198.51.100.0", 24, "a documentation address (198.51.100.0/24)", false),
            v4("203.0.113.0", 24, "a documentation address (203.0.113.0/24)", false),
            v4("224.0.0.0", 4, "a multicast address (224.0.0.0/4)", false),
            v4("240.0.0.0", 4, "a reserved or broadcast address (240.0.0.0/4, 255.255.255.255)", false));

    private static final Range GLOBAL_UNICAST = v6("2000::", 3, "", false);
    private static final Range IPV4_COMPATIBLE = v6("::", 96, "", false);

    /** Checked before {@link #GLOBAL_UNICAST}: ranges outside it that need their own reason or an IPv4 check. */
    private static final List<Range> IPV6_NAMED = List.of(
            v6("::1", 128, "the IPv6 loopback address ::1", true),
            v6("::", 128, "the unspecified address ::", false),
            v6("64:ff9b::", 96, "a NAT64 address (64:ff9b::/96) that reaches an IPv4 host", false),
            v6("64:ff9b:1::", 48, "a local NAT64 address (64:ff9b:1::/48)", false),
            v6("fc00::", 7, "an IPv6 unique-local address (fc00::/7)", true),
            v6("fe80::", 10, "an IPv6 link-local address (fe80::/10)", false),
            v6("ff00::", 8, "an IPv6 multicast address (ff00::/8)", false));

    /** Inside 2000::/3 yet no host on the internet, or a tunnel into an IPv4 address. */
    private static final List<Range> IPV6_INSIDE_GLOBAL = List.of(
            v6("2001::", 32, "a Teredo address (2001::/32) that tunnels to an IPv4 host", false),
            v6("2001:db8::", 32, "an IPv6 documentation address (2001:db8::/32)", false),
            v6("2001::", 23, "an IETF protocol address (2001::/23)", false),
            v6("2002::", 16, "a 6to4 address (2002::/16) that tunnels to an IPv4 host", false),
            v6("3fff::", 20, "an IPv6 documentation address (3fff::/20)", false));

    private AddressRanges() {
    }

    /** Why the address may not be called, or empty when it may. */
    static Optional<String> refusal(InetAddress address, boolean allowPrivateUse) {
        var bytes = address.getAddress();
        if (address instanceof Inet6Address) {
            var embedded = embeddedIpv4(bytes);
            if (embedded != null) {
                return refusal(embedded, allowPrivateUse);
            }
            for (var range : IPV6_NAMED) {
                if (range.contains(bytes)) {
                    return refused(range, allowPrivateUse);
                }
            }
            if (IPV4_COMPATIBLE.contains(bytes)) {
                return Optional.of("an IPv4-compatible IPv6 address (::/96)");
            }
            if (!GLOBAL_UNICAST.contains(bytes)) {
                return Optional.of("not a global unicast IPv6 address (2000::/3)");
            }
            for (var range : IPV6_INSIDE_GLOBAL) {
                if (range.contains(bytes)) {
                    return refused(range, allowPrivateUse);
                }
            }
            return Optional.empty();
        }
        for (var range : IPV4) {
            if (range.contains(bytes)) {
                return refused(range, allowPrivateUse);
            }
        }
        return Optional.empty();
    }

    private static Optional<String> refused(Range range, boolean allowPrivateUse) {
        return range.privateUse() && allowPrivateUse ? Optional.empty() : Optional.of(range.reason());
    }

    /** The IPv4 address of an IPv4-mapped IPv6 address (::ffff:a.b.c.d); the JDK usually unwraps it already. */
    private static InetAddress embeddedIpv4(byte[] v6) {
        for (int i = 0; i < 10; i++) {
            if (v6[i] != 0) {
                return null;
            }
        }
        if (v6[10] != (byte) 0xFF || v6[11] != (byte) 0xFF) {
            return null;
        }
        try {
            return Inet4Address.getByAddress(new byte[] {v6[12], v6[13], v6[14], v6[15]});
        } catch (java.net.UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static Range v4(String prefix, int bits, String reason, boolean privateUse) {
        return new Range(literal(prefix), bits, reason, privateUse);
    }

    private static Range v6(String prefix, int bits, String reason, boolean privateUse) {
        return new Range(literal(prefix), bits, reason, privateUse);
    }

    private static byte[] literal(String address) {
        try {
            // A literal never reaches DNS; mapped forms would come back as IPv4, and none is listed here.
            return InetAddress.getByName(address).getAddress();
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
