package com.maxmysales.privacy.masking;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** What masking catches (each identifier, keeping its shape) and what it must leave alone. */
class TextMaskerTests {

    private final TextMasker masker = new TextMasker(new MaskingSettings(List.of("diabetes", "HIV", "heart attack")).healthTerms());

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            my card is 4111 1111 1111 1111 thanks                | my card is XXXX XXXX XXXX 1111 thanks               | CARD_NUMBER
            card: 4111111111111111                               | card: XXXXXXXXXXXX1111                               | CARD_NUMBER
            mastercard 5500-0000-0000-0004 exp 12/27             | mastercard XXXX-XXXX-XXXX-0004 exp 12/27             | CARD_NUMBER
            amex 3782 822463 10005                               | amex XXXX XXXXXX X0005                               | CARD_NUMBER
            discover 6011111111111117.                           | discover XXXXXXXXXXXX1117.                           | CARD_NUMBER
            Aadhaar 2345 6789 0124 for KYC                       | Aadhaar XXXX XXXX 0124 for KYC                       | AADHAAR
            my aadhar no is 234567890124                         | my aadhar no is XXXXXXXX0124                         | AADHAAR
            id 4987-6543-2102                                    | id XXXX-XXXX-2102                                    | AADHAAR
            PAN ABCPE1234F please                                | PAN XXXXXX234F please                                | PAN
            pan is abcpe1234f                                    | pan is XXXXXX234f                                    | PAN
            A/c 123456789012 IFSC HDFC0001234                    | A/c XXXXXXXX9012 IFSC HDFC0001234                    | BANK_ACCOUNT
            IFSC: SBIN0004321, account no. 30123456789           | IFSC: SBIN0004321, account no. XXXXXXX6789           | BANK_ACCOUNT
            pay me at ravi.kumar@okaxis                          | pay me at XXXXXXXXXX@okaxis                          | UPI_ID
            UPI 9876543210@ybl.                                  | UPI XXXXXXXXXX@ybl.                                  | UPI_ID
            I have Diabetes since 2019                           | I have XXXXXXXX since 2019                           | HEALTH_TERM
            had a heart attack last year                         | had a XXXXX XXXXXX last year                         | HEALTH_TERM
            """)
    void masksEachIdentifierKeepingItsShape(String text, String masked, SensitiveKind kind) {
        var result = masker.mask(text);

        assertThat(result.text()).isEqualTo(masked);
        assertThat(result.masked()).isEqualTo(Map.of(kind, 1));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "Where is my order #123456?",
            "Order ID OD123456789012345678 not delivered",
            "Amazon order 403-1234567-1234563 arrived late",
            "order 4000123456 and invoice INV-2025-000123",
            "Order no 400012345672 please check",
            "order 1234567890123456 cancelled",
            "card ending 4111111111111112 was declined",
            "Call me on +91 98765 43210 after 6",
            "my number is 9876543210",
            "whatsapp +919876543210 or 919876543200",
            "office 080-2345-6789 ext 12",
            "tracking AWB 123456789012 via BlueDart",
            "email me at ravi@example.com or ravi.kumar@mail.co.in",
            "pay 1,500 rupees by 12/05/2026 at 10:30",
            "meet @home, product code ABCDE1234F",
            "GSTIN 29ABCDE1234F1Z5",
            "I need 2 hearing aids and a tumbler",
            "location 12.9716,77.5946"})
    void leavesOrderNumbersPhoneNumbersAndOrdinaryTextAlone(String text) {
        var result = masker.mask(text);

        assertThat(result.text()).isEqualTo(text);
        assertThat(result.masked()).isEmpty();
    }

    @Test
    void countsEveryIdentifierOfAMessage() {
        var result = masker.mask("card 4111 1111 1111 1111, backup 5500000000000004, PAN ABCPE1234F, HIV test");

        assertThat(result.text()).isEqualTo("card XXXX XXXX XXXX 1111, backup XXXXXXXXXXXX0004, PAN XXXXXX234F, XXX test");
        assertThat(result.masked()).isEqualTo(Map.of(SensitiveKind.CARD_NUMBER, 2, SensitiveKind.PAN, 1,
                SensitiveKind.HEALTH_TERM, 1));
    }

    @Test
    void checksumsDecide() {
        assertThat(Luhn.isValid("4111111111111111")).isTrue();
        assertThat(Luhn.isValid("4111111111111112")).isFalse();
        assertThat(Verhoeff.isValid("234567890124")).isTrue();
        assertThat(Verhoeff.isValid("234567890125")).isFalse();
        assertThat(Verhoeff.isValid("234567980124")).as("a transposition").isFalse();
    }
}
