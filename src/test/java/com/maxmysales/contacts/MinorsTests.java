package com.maxmysales.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.maxmysales.shared.ContactId;
import org.junit.jupiter.api.Test;

/** The one rule of who is a minor, as campaigns, the chatbot and the compliance report apply it. */
class MinorsTests {

    @Test
    void aMinorIsMarkedByTheAttributeAnAgeUnder18OrTheTag() {
        assertThat(Minors.isMinor(contact(Map.of("minor", true), List.of()))).isTrue();
        assertThat(Minors.isMinor(contact(Map.of("minor", "TRUE"), List.of()))).isTrue();
        assertThat(Minors.isMinor(contact(Map.of("age", 17), List.of()))).isTrue();
        assertThat(Minors.isMinor(contact(Map.of("age", 17.9), List.of()))).isTrue();
        assertThat(Minors.isMinor(contact(Map.of("age", " 16 "), List.of()))).isTrue();
        assertThat(Minors.isMinor(contact(Map.of(), List.of("Minor")))).isTrue();
    }

    @Test
    void anAdultOrAContactWithoutAMarkIsNot() {
        assertThat(Minors.isMinor(contact(Map.of("age", 18), List.of()))).isFalse();
        assertThat(Minors.isMinor(contact(Map.of("minor", false, "age", 40), List.of("vip")))).isFalse();
        assertThat(Minors.isMinor(contact(Map.of("age", "unknown"), List.of()))).isFalse();
        assertThat(Minors.isMinor(contact(Map.of(), List.of()))).isFalse();
    }

    private static Contact contact(Map<String, Object> attributes, List<String> tags) {
        return new Contact(new ContactId(UUID.randomUUID()), null, null, null, null, null, attributes, tags, null,
                Instant.EPOCH, null);
    }
}
