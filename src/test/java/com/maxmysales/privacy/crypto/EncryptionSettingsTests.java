package com.maxmysales.privacy.crypto;

import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

class EncryptionSettingsTests {

    private static final String KEY = base64(InMemoryKeys.randomKey());
    private static final String OLD_KEY = base64(InMemoryKeys.randomKey());
    private static final String SHORT_KEY = base64(new byte[16]);

    private final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(Bound.class);

    @Test
    void keysComeFromTheEnvironmentUnderTheirDocumentedNames() {
        var settings = bindEnvironment(Map.of(
                "MAXMYSALES_PRIVACY_MASTER_KEY", KEY,
                "MAXMYSALES_PRIVACY_PREVIOUS_MASTER_KEYS", OLD_KEY + "," + KEY,
                "MAXMYSALES_PRIVACY_INDEX_KEY", OLD_KEY));

        assertThat(settings.masterKeyBytes()).hasValueSatisfying(key -> assertThat(base64(key)).isEqualTo(KEY));
        assertThat(settings.previousMasterKeyBytes()).extracting(EncryptionSettingsTests::base64).containsExactly(OLD_KEY, KEY);
        assertThat(settings.indexKeyBytes()).hasValueSatisfying(key -> assertThat(base64(key)).isEqualTo(OLD_KEY));
    }

    @Test
    void aBlankMasterKeyMeansNone() {
        var settings = bindEnvironment(Map.of("MAXMYSALES_PRIVACY_MASTER_KEY", ""));

        assertThat(settings.masterKeyBytes()).isEmpty();
        assertThat(settings.previousMasterKeyBytes()).isEmpty();
        assertThat(settings.indexKeyBytes()).isEmpty();
        assertThat(settings).hasToString("EncryptionSettings[masterKey=[REDACTED], previousMasterKeys=[], indexKey=null]");
    }

    @Test
    void wellFormedKeysStart() {
        context.withPropertyValues("maxmysales.privacy.master-key=" + KEY, "maxmysales.privacy.previous-master-keys=" + OLD_KEY)
                .run(started -> assertThat(started).hasNotFailed());
    }

    @Test
    void aKeyOfTheWrongLengthStopsTheStartWithoutShowingTheKey() {
        context.withPropertyValues("maxmysales.privacy.master-key=" + SHORT_KEY).run(failed ->
                assertThat(failed).getFailure().rootCause()
                        .hasMessageContaining("maxmysales.privacy.master-key must be the base64 of exactly 32 bytes")
                        .hasMessageNotContaining(SHORT_KEY));
        context.withPropertyValues("maxmysales.privacy.master-key=" + KEY, "maxmysales.privacy.previous-master-keys=not-base64!")
                .run(failed -> assertThat(failed).getFailure().rootCause()
                        .hasMessageContaining("every maxmysales.privacy.previous-master-keys entry must be the base64 of exactly 32 bytes"));
        context.withPropertyValues("maxmysales.privacy.index-key=" + SHORT_KEY).run(failed ->
                assertThat(failed).getFailure().rootCause()
                        .hasMessageContaining("maxmysales.privacy.index-key must be the base64 of exactly 32 bytes"));
    }

    private static EncryptionSettings bindEnvironment(Map<String, Object> variables) {
        var environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource("test-environment", variables));
        return new Binder(ConfigurationPropertySources.get(environment))
                .bindOrCreate("maxmysales.privacy", Bindable.of(EncryptionSettings.class));
    }

    private static String base64(byte[] key) {
        return Base64.getEncoder().encodeToString(key);
    }

    @EnableConfigurationProperties(EncryptionSettings.class)
    static class Bound {
    }
}
