package com.maxmysales.privacy.crypto;

import java.util.HexFormat;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Against the test vectors of RFC 5869, appendix A. */
class HkdfTests {

    private static final HexFormat HEX = HexFormat.of();

    @Test
    void rfc5869TestCase1() {
        var ikm = HEX.parseHex("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b");
        var salt = HEX.parseHex("000102030405060708090a0b0c");
        var info = HEX.parseHex("f0f1f2f3f4f5f6f7f8f9");

        var prk = Hkdf.extract(salt, ikm);

        assertThat(HEX.formatHex(prk)).isEqualTo("077709362c2e32df0ddc3f0dc47bba6390b6c73bb50f9c3122ec844ad7c2b3e5");
        assertThat(HEX.formatHex(Hkdf.expand(prk, info, 42))).isEqualTo(
                "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865");
    }

    @Test
    void rfc5869TestCase3WithoutSaltOrInfo() {
        var ikm = HEX.parseHex("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b");

        var prk = Hkdf.extract(new byte[0], ikm);

        assertThat(HEX.formatHex(prk)).isEqualTo("19ef24a32c717b167f33a91d6f648bdf96596776afdb6377ac434c1c293ccb04");
        assertThat(HEX.formatHex(Hkdf.expand(prk, new byte[0], 42))).isEqualTo(
                "8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8");
    }

    @Test
    void differentLabelsGiveUnrelatedKeys() {
        var ikm = InMemoryKeys.randomKey();

        assertThat(Hkdf.derive(ikm, "a")).hasSize(32).isEqualTo(Hkdf.derive(ikm, "a")).isNotEqualTo(Hkdf.derive(ikm, "b"));
    }
}
