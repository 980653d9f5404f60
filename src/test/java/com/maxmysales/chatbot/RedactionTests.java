package com.maxmysales.chatbot;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What leaves for the LLM, and what comes back to the customer. */
class RedactionTests {

    @Test
    void namesPhonesEmailsAddressesAndMaskedSpansBecomePlaceholdersAndComeBack() {
        var redaction = new Redaction();
        var sent = redaction.redact("I am Ravi Kumar, my number is +91 98111 22233, mail ravi.k@example.in. "
                + "My address is 12 MG Road, Pune. PIN 411001. Card XXXXXXXXXXXX4242. Thanks, Ravi",
                Arrays.asList("Ravi Kumar", null));

        assertThat(sent).doesNotContain("Ravi", "Kumar", "98111", "ravi.k@example.in", "MG Road", "411001", "4242")
                .contains("[NAME_1]", "[PHONE_1]", "[EMAIL_1]", "[ADDRESS_1]", "[ADDRESS_2]", "[MASKED_1]");
        assertThat(redaction.restore("Dear [NAME_1], we call [PHONE_1] and write to [EMAIL_1] about [ADDRESS_1]."))
                .isEqualTo("Dear Ravi Kumar, we call +91 98111 22233 and write to ravi.k@example.in about 12 MG Road, Pune.");
        assertThat(redaction.restore("card [MASKED_1], unknown [NAME_9]")).isEqualTo("card XXXXXXXXXXXX4242, unknown ");
    }

    @Test
    void aQuestionWithoutPersonalDataIsSentAsItIs() {
        assertThat(new Redaction().redact("How long does delivery take to Delhi?", Arrays.asList("Asha", "Asha R")))
                .isEqualTo("How long does delivery take to Delhi?");
    }
}
