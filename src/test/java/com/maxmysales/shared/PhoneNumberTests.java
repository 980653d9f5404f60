package com.maxmysales.shared;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class PhoneNumberTests {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "098111 22233     | IN | +919811122233",
            "9811122233       | IN | +919811122233",
            "+91 98111-22233  | IN | +919811122233",
            "0091 98111 22233 | IN | +919811122233",
            "(98111) 22233    | IN | +919811122233",
            "+44 20 7946 0958 | IN | +442079460958",
            "020 7946 0958    | GB | +442079460958",
            "(415) 555-2671   | US | +14155552671"})
    void numbersWrittenAnyWayBecomeOneE164(String written, String region, String e164) {
        assertThat(PhoneNumber.parseLenient(written, region)).contains(new PhoneNumber(e164));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"12345 | IN", "not a number | IN", "+91 98111 22233 44 55 66 | IN", "' ' | IN"})
    void whatIsNoPhoneNumberIsRefused(String written, String region) {
        assertThat(PhoneNumber.parseLenient(written, region)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "+91 98111-22233   | +919811122233",
            "+91 (98111) 22233 | +919811122233",
            "+44 20 7946 0958  | +442079460958"})
    void withoutARegionNumbersWrittenWithTheirCountryCodeAreRead(String written, String e164) {
        assertThat(PhoneNumber.parseLenient(written, null)).contains(new PhoneNumber(e164));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"098111 22233", "9811122233", "0091 98111 22233"})
    void withoutARegionALocalNumberIsNotGuessed(String written) {
        assertThat(PhoneNumber.parseLenient(written, null)).isEmpty();
    }

    @Test
    void numbersInAnEmailBodyAreFoundInTheWorkspacesRegion() {
        var body = "Hi, please unsubscribe me. My numbers are 98111 22233 and +44 20 7946 0958. Order 123 thanks";

        assertThat(PhoneNumber.findIn(body, "IN")).containsExactly(new PhoneNumber("+919811122233"),
                new PhoneNumber("+442079460958"));
    }

    /** Google's own sample lead in an Indian workspace: the regional reading (+91 16505550123) is no valid number. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"1-650-555-0123 | IN | +16505550123", "9876543210 | IN | +919876543210",
            "44 20 7946 0958 | IN | +442079460958"})
    void aNumberIsReadTheWayThatMakesItValid(String written, String region, String e164) {
        assertThat(PhoneNumber.parseLenient(written, region)).contains(new PhoneNumber(e164));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"+1111111111111 | +1111111111111", "' 1111111111111' | +1111111111111"})
    void aStoredWhatsAppIdIsFoundAsWritten(String written, String e164) {
        assertThat(PhoneNumber.exactly(written)).contains(new PhoneNumber(e164));
        assertThat(PhoneNumber.exactly("12ab")).isEmpty();
    }
}
