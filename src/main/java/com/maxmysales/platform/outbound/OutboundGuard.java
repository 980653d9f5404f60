package com.maxmysales.platform.outbound;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides whether the platform may call a destination a workspace chose or a server answered. It resolves the
 * host once and refuses it if any of its addresses is internal ({@link AddressRanges}); {@link OutboundHttp}
 * then connects to those very addresses, so a DNS answer that changes between check and connection (rebinding)
 * gains nothing.
 */
public class OutboundGuard {

    private static final Logger log = LoggerFactory.getLogger(OutboundGuard.class);

    private final HostResolver resolver;
    private final boolean allowPrivateAddresses;

    /** @param allowPrivateAddresses the operator's own network is reachable (loopback, private, CGNAT, unique-local) */
    public OutboundGuard(HostResolver resolver, boolean allowPrivateAddresses) {
        this.resolver = resolver;
        this.allowPrivateAddresses = allowPrivateAddresses;
    }

    /** Whether the operator opened its own network (loopback, private addresses) to workspace-chosen calls. */
    public boolean privateAddressesAllowed() {
        return allowPrivateAddresses;
    }

    /**
     * The addresses to connect to for {@code host}, every one allowed.
     *
     * @throws DestinationRefused when the host does not resolve or any of its addresses is refused
     */
    public List<InetAddress> resolve(String host) throws DestinationRefused {
        List<InetAddress> addresses;
        try {
            addresses = List.copyOf(resolver.resolve(bare(host)));
        } catch (UnknownHostException e) {
            throw new DestinationRefused("the host " + host + " does not resolve");
        }
        if (addresses.isEmpty()) {
            throw new DestinationRefused("the host " + host + " does not resolve");
        }
        // One refused address refuses the name: a name that mixes public and internal addresses is a trap.
        for (var address : addresses) {
            var refusal = AddressRanges.refusal(address, allowPrivateAddresses);
            if (refusal.isPresent()) {
                // The workspace learns that the host is refused, not where it points: naming the address or its
                // range would let a sign-up map the operator's internal DNS. The operator's log has both.
                log.info("Refused {}: it resolves to {}, {}", host, address.getHostAddress(), refusal.get());
                throw new DestinationRefused(host + " resolves to an address the platform does not call on a"
                        + " workspace's behalf (private, loopback, link-local or reserved networks)");
            }
        }
        return addresses;
    }

    /**
     * Checks a URL a workspace gives, when it is given: an absolute http(s) URL without credentials whose host
     * resolves to allowed addresses only. Calls through {@link OutboundHttp} check again when they connect.
     */
    public URI check(String url) throws DestinationRefused {
        var uri = httpUrl(url);
        resolve(uri.getHost());
        return uri;
    }

    /** An absolute http(s) URL without user info, or a refusal saying what is wrong with it. */
    public static URI httpUrl(String url) throws DestinationRefused {
        URI uri;
        try {
            uri = URI.create(url == null ? "" : url.strip());
        } catch (IllegalArgumentException e) {
            throw new DestinationRefused("not a URL");
        }
        var scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.getHost() == null || !(scheme.equals("http") || scheme.equals("https"))) {
            throw new DestinationRefused("not an absolute http(s) URL");
        }
        if (uri.getRawUserInfo() != null) {
            throw new DestinationRefused("a URL with user info (user:password@) is not called");
        }
        return uri;
    }

    /** URI hosts write IPv6 literals in brackets; resolvers take them bare. */
    private static String bare(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }
}
