package com.maxmysales.privacy.crypto;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import com.maxmysales.platform.DataDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(OutputCaptureExtension.class)
class MasterKeysTests {

    private static final byte[] AAD = { 1, 2, 3 };

    @Test
    void aMasterKeyIsKnownByTheFirstEightBytesOfItsSha256() {
        assertThat(new MasterKey(new byte[32]).id()).isEqualTo("66687aadf862bd77");
        assertThat(new MasterKey(new byte[32])).hasToString("MasterKey[66687aadf862bd77]");
    }

    @Test
    void aKeyOfAnyOtherLengthIsRefused() {
        assertThatThrownBy(() -> new MasterKey(new byte[16])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("32 bytes");
    }

    @Test
    void wrapsUnderTheCurrentKeyAndUnwrapsUnderAnyConfiguredOne() {
        var old = InMemoryKeys.randomKey();
        var dataKey = InMemoryKeys.randomKey();
        var wrappedBefore = new MasterKeys(old, List.of()).wrap(dataKey, AAD);

        var rotated = new MasterKeys(InMemoryKeys.randomKey(), List.of(old));
        var wrappedAfter = rotated.wrap(dataKey, AAD);

        assertThat(wrappedAfter.kekId()).isEqualTo(rotated.current().id()).isNotEqualTo(wrappedBefore.kekId());
        assertThat(rotated.unwrap(wrappedBefore, AAD, "a key")).isEqualTo(dataKey);
        assertThat(rotated.unwrap(wrappedAfter, AAD, "a key")).isEqualTo(dataKey);
    }

    @Test
    void aKeyWrappedUnderAnUnconfiguredMasterKeySaysWhichOneIsMissing() {
        var old = new MasterKeys(InMemoryKeys.randomKey(), List.of());
        var wrapped = old.wrap(InMemoryKeys.randomKey(), AAD);

        assertThatThrownBy(() -> InMemoryKeys.masterKeys().unwrap(wrapped, AAD, "data key 1 of workspace w"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("data key 1 of workspace w").hasMessageContaining(old.current().id())
                .hasMessageContaining("maxmysales.privacy.previous-master-keys");
        assertThatThrownBy(() -> old.unwrap(wrapped, new byte[] { 9 }, "data key 1 of workspace w"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("altered");
    }

    @Test
    void theDevelopmentKeyIsMadeOnceAndOnlyItsOwnerCanReadIt(@TempDir Path dir) throws Exception {
        var file = DevelopmentMasterKey.file(new DataDirectory(dir));

        var first = DevelopmentMasterKey.loadOrCreate(file);

        assertThat(file).isEqualTo(dir.resolve("keys").resolve("master.key"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(first).hasSize(32);
        assertThat(DevelopmentMasterKey.loadOrCreate(file)).isEqualTo(first);
    }

    @Test
    void withoutAConfiguredKeyThePlatformWarnsThatItUsesTheDevelopmentKey(@TempDir Path dir, CapturedOutput output) {
        new ApplicationContextRunner()
                .withUserConfiguration(EncryptionConfiguration.class, Settings.class)
                .withBean(DataDirectory.class, () -> new DataDirectory(dir))
                .run(context -> {
                    var keys = context.getBean(MasterKeys.class);
                    var stored = Files.readString(dir.resolve("keys").resolve("master.key"));

                    assertThat(output).contains("development master key " + keys.current().id())
                            .contains("MAXMYSALES_PRIVACY_MASTER_KEY").doesNotContain(stored);
                });
    }

    @EnableConfigurationProperties(EncryptionSettings.class)
    static class Settings {
    }
}
