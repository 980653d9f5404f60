package com.maxmysales.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MatchingTextTests {

    @Test
    void devanagariIsWrittenInPlainLatinLetters() {
        assertThat(MatchingText.of("मेरा ऑर्डर कब तक आएगा?")).matches("[a-z ]+");
    }

    @Test
    void punctuationEmojiAndCaseAreDropped() {
        assertThat(MatchingText.of("Where is my ORDER?? 😡")).isEqualTo("where is my order");
    }

    @Test
    void devanagariLoanwordsAndCommonWordsReachTheGlossary() {
        // Loanwords as Hindi spells them, "में" as "mein" (not "men"), "चाहिए" as "chahiye" and "ं" before p as "m".
        assertThat(MatchingText.of("मेरे ऑर्डर में रिफंड चाहिए")).isEqualTo("my order in refund want need");
        assertThat(MatchingText.of("संपर्क कीजिए")).isEqualTo("contact do");
    }
}
