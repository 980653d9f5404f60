package com.maxmysales.platform.outbound;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Turns a host name into addresses for the guard. A bean, so that a test can answer as a hostile DNS server
 * would (a public address first, loopback the next time); the guard asks it once per connection.
 */
@FunctionalInterface
public interface HostResolver {

    /** @throws UnknownHostException when the name has no address */
    List<InetAddress> resolve(String host) throws UnknownHostException;
}
