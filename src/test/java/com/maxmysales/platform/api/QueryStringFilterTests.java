package com.maxmysales.platform.api;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class QueryStringFilterTests {

    @ParameterizedTest
    @ValueSource(strings = {"phone=%C3%28", "phone=%FF", "q=%ED%A0%80", "q=%E2%82", "q=%ZZ", "q=%", "q=%4", "q=\u00ff"})
    void aQueryThatIsNotPercentEncodedUtf8IsRefused(String query) {
        assertThat(QueryStringFilter.isPercentEncodedUtf8(query)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "phone=%2B919811122233", "name=ren%C3%A9e", "q=a+b&r=%E0%A4%AC%E0%A4%82%E0%A4%A6",
            "flag", "a=1&a=2", "emoji=%F0%9F%98%80", "raw=\u00c3\u00a9"})
    void wellFormedQueriesPass(String query) {
        assertThat(QueryStringFilter.isPercentEncodedUtf8(query)).isTrue();
        assertThat(QueryStringFilter.isPercentEncodedUtf8(null)).isTrue();
    }
}
