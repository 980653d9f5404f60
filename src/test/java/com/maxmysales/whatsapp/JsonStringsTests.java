package com.maxmysales.whatsapp;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The strings around a Graph message's payload: valid JSON that reads back as the value, whatever it holds. */
class JsonStringsTests {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void everyValueReadsBackAsItselfAndCannotBreakOutOfItsString() {
        for (var value : new String[] {"919800000001", "", "a\"b", "back\\slash", "\",\"to\":\"+1", "line\nbreak\r\t",
                "\u0000\u0001\u001f\b\f", "नमस्ते 😀", "\u2028\u2029", "</script>"}) {
            var written = JsonStrings.append(new StringBuilder("{\"v\":"), value).append('}').toString();

            var tree = json.readTree(written);
            assertThat(tree.size()).isEqualTo(1);
            assertThat(tree.get("v").asString()).isEqualTo(value);
        }
    }

    @Test
    void nullIsJsonNull() {
        assertThat(JsonStrings.append(new StringBuilder(), null).toString()).isEqualTo("null");
    }
}
