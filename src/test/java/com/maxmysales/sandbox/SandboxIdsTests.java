package com.maxmysales.sandbox;

import java.util.Base64;
import java.util.HashSet;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SandboxIdsTests {

    @Test
    void graphIdsAreSixteenDigitsLikeMetasAndDoNotRepeat() {
        var ids = new HashSet<String>();
        for (var i = 0; i < 10_000; i++) {
            var id = SandboxIds.graphId();
            assertThat(id).matches("[1-9]\\d{15}");
            ids.add(id);
        }
        assertThat(ids).hasSize(10_000);
    }

    @Test
    void anAccessTokenCarries256RandomBitsBehindItsPrefix() {
        var token = SandboxIds.accessToken();

        assertThat(token).startsWith("EAASBX");
        assertThat(Base64.getUrlDecoder().decode(token.substring("EAASBX".length()))).hasSize(32);
        assertThat(SandboxIds.accessToken()).isNotEqualTo(token);
    }

    @Test
    void aDisplayNumberIsAFictionalUsNumber() {
        assertThat(SandboxIds.displayPhoneNumber()).matches("\\+1 555 01\\d \\d{4}");
    }
}
