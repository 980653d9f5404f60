package com.maxmysales.platform.outbound;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param allowPrivateAddresses let workspace-chosen calls (outbound webhooks, a channel's own Graph base URL)
 *                              reach loopback, private (10/8, 172.16/12, 192.168/16), carrier-grade NAT and IPv6
 *                              unique-local addresses; for self-hosters whose own systems live on a private
 *                              network. Off by default: a workspace must not make the platform call into the
 *                              operator's network. Link-local (cloud metadata), multicast and the other
 *                              special ranges stay refused either way.
 * @param connectTimeout how long opening a connection may take
 * @param maxConnections open connections kept per destination host (and eight times that in all)
 */
@ConfigurationProperties("maxmysales.outbound-http")
public record OutboundHttpSettings(
        @DefaultValue("false") boolean allowPrivateAddresses,
        @DefaultValue("PT5S") Duration connectTimeout,
        @DefaultValue("200") int maxConnections) {
}
