package com.maxmysales.shared;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmailAddressTests {

    @Test
    void anAddressTypedAnyWayIsOneAddress() {
        var typed = EmailAddress.of(" Priya.Nair@Example.COM ");

        assertThat(typed).isEqualTo(EmailAddress.of("priya.nair@example.com"));
        assertThat(typed.value()).isEqualTo("priya.nair@example.com");
        assertThat(new EmailAddress("\tPRIYA.NAIR@EXAMPLE.COM\n")).isEqualTo(typed);
    }

    @Test
    void aDecomposedAccentIsTheSameLetterAsAComposedOne() {
        var composed = EmailAddress.of("Jos\u00e9@example.com");
        var decomposed = EmailAddress.of("JOSE\u0301@example.com");

        assertThat(decomposed).isEqualTo(composed);
        assertThat(decomposed.value()).isEqualTo("jos\u00e9@example.com");
    }

    @Test
    void compatibilityCharactersAreKeptApartAsRfc6532Asks() {
        // NFKC would fold the ligature into "fi"; NFC keeps the address as written.
        assertThat(EmailAddress.of("\ufb01ona@example.com").value()).isEqualTo("\ufb01ona@example.com");
    }

    @ParameterizedTest
    @ValueSource(strings = {"priya.nair@example.com", "a+b@sub.example.co.in", "x_y-z@example.org"})
    void everyAsciiAddressStoredBeforeKeepsItsExactText(String storedBefore) {
        // Before this type, modules stored strip().toLowerCase(Locale.ROOT); their blind indexes hash that text.
        var legacy = storedBefore.strip().toLowerCase(Locale.ROOT);

        assertThat(EmailAddress.of(storedBefore).value()).isEqualTo(legacy);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "priya", "priya@example", "priya nair@example.com", "a@b@example.com", "@example.com"})
    void whatIsNoAddressIsRefused(String written) {
        assertThat(EmailAddress.parse(written)).isEmpty();
        assertThatThrownBy(() -> EmailAddress.of(written)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void noAddressIsNotAnError() {
        assertThat(EmailAddress.parse(null)).isEmpty();
    }

    @Test
    void itNeverPrintsItself() {
        assertThat(EmailAddress.of("priya.nair@example.com")).hasToString("p…@…om");
    }
}
