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
}
