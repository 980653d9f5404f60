package com.maxmysales.security;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;

import com.maxmysales.platform.outbound.DestinationRefused;
import com.maxmysales.platform.outbound.OutboundGuard;
import com.maxmysales.platform.outbound.OutboundHttp;
import com.maxmysales.platform.outbound.OutboundHttpSettings;
import com.maxmysales.platform.outbound.OutboundRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The outbound-HTTP guard of issue 11 item 1, range by range, and its client against a real internal server. */
class OutboundGuardTests {

    static final InternalServer INTERNAL = InternalServer.start();

    @AfterAll
    static void stop() {
        INTERNAL.close();
    }

    /** Issue 11 item 1: every internal or special-purpose range, in each spelling an attacker might use, is refused. */
    @ParameterizedTest
    @ValueSource(strings = {
            "127.0.0.1", "127.255.255.254", "10.0.0.1", "10.255.255.255", "172.16.0.1", "172.31.255.255",
            "192.168.0.1", "192.168.255.255", "169.254.169.254", "169.254.0.1", "100.64.0.1", "100.127.255.254",
            "0.0.0.0", "0.1.2.3", "198.18.0.1", "198.19.255.255", "224.0.0.1", "239.255.255.250", "255.255.255.255",
            "240.0.0.1", "192.0.0.170", "192.0.2.1", "198.51.100.7", "203.0.113.9", "192.88.99.1",
            "::1", "::", "fd00::1", "fc00::1", "fdff:ffff::1", "fe80::1", "febf::1", "fec0::1", "ff02::1", "100::1",
            "64:ff9b::a9fe:a9fe", "64:ff9b::7f00:1", "64:ff9b::808:808", "64:ff9b:1::1",
            "::ffff:127.0.0.1", "::ffff:10.0.0.1", "::ffff:169.254.169.254", "::ffff:100.64.0.1", "::ffff:198.18.0.1",
            "::127.0.0.1", "::a9fe:a9fe",
            "2002:7f00:1::1", "2002:a9fe:a9fe::1", "2002:808:808::1",
            "2001:0:4136:e378:8000:63bf:3fff:fdd2", "2001:db8::1", "3fff::1"})
    void refusesEveryInternalAndSpecialRange(String address) {
        var guard = new OutboundGuard(host -> List.of(InetAddress.getByName(address)), false);
        assertThatThrownBy(() -> guard.resolve("target.example.test")).isInstanceOf(DestinationRefused.class)
                .hasMessageContaining("target.example.test");
    }

    /** The JDK unwraps IPv4-mapped addresses; a resolver handing one over as IPv6 is still checked as its IPv4 address. */
    @Test
    void anIpv4MappedAddressKeptAsIpv6IsCheckedAsItsIpv4Address() throws Exception {
        var mapped = new byte[16];
        mapped[10] = (byte) 0xFF;
        mapped[11] = (byte) 0xFF;
        mapped[12] = (byte) 169;
        mapped[13] = (byte) 254;
        mapped[14] = (byte) 169;
        mapped[15] = (byte) 254;
        var address = Inet6Address.getByAddress(null, mapped, -1);
        assertThatThrownBy(() -> new OutboundGuard(host -> List.of(address), false).resolve("metadata.example.test"))
                .isInstanceOf(DestinationRefused.class).hasMessageContaining("link-local");
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "1.1.1.1", "93.184.216.34", "157.240.22.35", "::ffff:8.8.8.8",
            "2606:4700:4700::1111", "2a03:2880:f10c:83:face:b00c:0:25de"})
    void letsPublicAddressesThrough(String address) throws Exception {
        var guard = new OutboundGuard(host -> List.of(InetAddress.getByName(address)), false);
        assertThat(guard.resolve("public.example.test")).hasSize(1);
    }

    /** One internal address among public ones refuses the whole name: the client could pick any of them. */
    @Test
    void aNameWithOneInternalAddressAmongPublicOnesIsRefused() {
        var guard = new OutboundGuard(host -> List.of(InetAddress.getByName("8.8.8.8"), InetAddress.getByName("10.0.0.7")), false);
        assertThatThrownBy(() -> guard.resolve("mixed.example.test")).isInstanceOf(DestinationRefused.class);
    }

    /** The self-hoster's setting opens their own network, never cloud metadata, NAT64 or multicast. */
    @Test
    void allowingPrivateAddressesOpensTheOperatorsNetworkOnly() throws Exception {
        for (var own : List.of("127.0.0.1", "10.0.0.1", "172.16.5.4", "192.168.1.1", "100.64.0.1", "fd00::1", "::1")) {
            assertThat(new OutboundGuard(host -> List.of(InetAddress.getByName(own)), true).resolve("own.example.test")).hasSize(1);
        }
        for (var never : List.of("169.254.169.254", "64:ff9b::a9fe:a9fe", "224.0.0.1", "0.0.0.0", "fe80::1", "198.18.0.1")) {
            assertThatThrownBy(() -> new OutboundGuard(host -> List.of(InetAddress.getByName(never)), true).resolve("x.example.test"))
                    .as(never).isInstanceOf(DestinationRefused.class);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://example.com/x", "file:///etc/passwd", "gopher://127.0.0.1:70/", "/relative",
            "http://user:password@example.com/", "not a url"})
    void onlyAbsoluteHttpUrlsWithoutCredentialsAreCalled(String url) {
        assertThatThrownBy(() -> OutboundGuard.httpUrl(url)).isInstanceOf(DestinationRefused.class);
    }

    /** Issue 11 item 1: IP literals never reach a resolver that could be skipped; the client refuses them before connecting. */
    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:%d/", "http://[::1]:%d/", "http://[::ffff:127.0.0.1]:%d/", "http://localhost:%d/",
            "http://0.0.0.0:%d/", "http://2130706433:%d/", "http://0x7f.1:%d/"})
    void theClientNeverConnectsToARefusedAddress(String url) throws Exception {
        var http = new OutboundHttp(new OutboundGuard(host -> List.of(InetAddress.getAllByName(host)), false),
                new OutboundHttpSettings(false, Duration.ofSeconds(1), 10));
        var before = INTERNAL.requests();
        try {
            assertThatThrownBy(() -> http.send(OutboundRequest.get(URI.create(url.formatted(INTERNAL.port())),
                    Duration.ofSeconds(2))).close()).isInstanceOf(java.io.IOException.class);
        } finally {
            http.destroy();
        }
        assertThat(INTERNAL.requests()).isEqualTo(before);
    }

    /** The same client reaches the internal server when the operator allows private addresses: the refusal above is the guard's. */
    @Test
    void theClientReachesThePrivateNetworkOnlyWhenTheOperatorAllowsIt() throws Exception {
        var http = new OutboundHttp(new OutboundGuard(host -> List.of(InetAddress.getAllByName(host)), true),
                new OutboundHttpSettings(true, Duration.ofSeconds(1), 10));
        try (var response = http.send(OutboundRequest.get(URI.create(INTERNAL.url("/")), Duration.ofSeconds(2)))) {
            assertThat(response.status()).isEqualTo(200);
            assertThat(new String(response.bytes(100))).isEqualTo(InternalServer.SECRET);
        } finally {
            http.destroy();
        }
    }
}
