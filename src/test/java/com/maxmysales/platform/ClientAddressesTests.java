package com.maxmysales.platform;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The penetration test got four sign-up budgets from four IPv6 addresses of one /64: a /64 is one client. */
class ClientAddressesTests {

    @Test
    void anIpv6ClientIsCountedByItsSixtyFourBitNetwork() {
        assertThat(limited("fd00::11")).isEqualTo(limited("fd00::12")).isEqualTo(limited("fd00:0:0:0:ffff::13"))
                .isEqualTo("fd00:0:0:0:0:0:0:0/64");
        assertThat(limited("2001:db8:1:2::1")).isNotEqualTo(limited("2001:db8:1:3::1"));
    }

    @Test
    void anIpv4ClientIsCountedAloneAndLoopbackIsNotCounted() {
        assertThat(limited("203.0.113.7")).isEqualTo("203.0.113.7");
        assertThat(limited("203.0.113.8")).isNotEqualTo(limited("203.0.113.7"));
        assertThat(limited("127.0.0.1")).isNull();
        assertThat(limited("::1")).isNull();
    }

    private static String limited(String remoteAddress) {
        return ClientAddresses.limited(remoteAddress);
    }
}
