package com.maxmysales.privacy.crypto;

import java.nio.charset.StandardCharsets;

import com.maxmysales.privacy.crypto.InMemoryKeys.DataKeysInMemory;
import com.maxmysales.shared.WorkspaceId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FieldCipherTests {

    private static final String PHONE = "contacts.phone";
    private static final String NUMBER = "+919876543210";

    private final WorkspaceDataKeys keys = new WorkspaceDataKeys(new DataKeysInMemory(), InMemoryKeys.masterKeys(), InMemoryKeys.CLOCK);
    private final FieldCipher cipher = new FieldCipher(keys);
    private final WorkspaceId workspace = WorkspaceId.random();

    @Test
    void decryptsWhatItEncrypted() {
        assertThat(cipher.decrypt(workspace, PHONE, cipher.encrypt(workspace, PHONE, NUMBER))).isEqualTo(NUMBER);
        assertThat(cipher.decrypt(workspace, "messages.body", cipher.encrypt(workspace, "messages.body", "नमस्ते 👋")))
                .isEqualTo("नमस्ते 👋");
        assertThat(cipher.decrypt(workspace, PHONE, cipher.encrypt(workspace, PHONE, ""))).isEmpty();
        var media = new byte[] { 0, (byte) 0xff, 7, 0 };
        assertThat(cipher.decryptBytes(workspace, "media.file", cipher.encryptBytes(workspace, "media.file", media)))
                .isEqualTo(media);
    }

    @Test
    void writesASelfDescribingEnvelopeThatHidesThePlaintext() {
        var stored = cipher.encrypt(workspace, PHONE, NUMBER);

        assertThat(stored[0]).as("format").isEqualTo((byte) 1);
        assertThat(Envelope.dataKeyVersion(stored)).hasValue(1);
        assertThat(stored).hasSize(Envelope.HEADER_BYTES + AesGcm.NONCE_BYTES + NUMBER.length() + AesGcm.TAG_BYTES);
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain(NUMBER).doesNotContain("9876");
    }

    @Test
    void equalPlaintextsGiveDifferentCiphertexts() {
        assertThat(cipher.encrypt(workspace, PHONE, NUMBER)).isNotEqualTo(cipher.encrypt(workspace, PHONE, NUMBER));
    }

    @Test
    void nullStaysNull() {
        assertThat(cipher.encrypt(workspace, PHONE, null)).isNull();
        assertThat(cipher.decrypt(workspace, PHONE, null)).isNull();
        assertThat(cipher.encryptBytes(workspace, PHONE, null)).isNull();
        assertThat(cipher.decryptBytes(workspace, PHONE, null)).isNull();
    }

    @Test
    void aValueAlteredAnywhereIsRefused() {
        var stored = cipher.encrypt(workspace, PHONE, NUMBER);
        for (int i = 0; i < stored.length; i++) {
            var tampered = stored.clone();
            tampered[i] ^= 0x01;
            assertThatThrownBy(() -> cipher.decrypt(workspace, PHONE, tampered)).as("byte %d flipped", i)
                    .isInstanceOf(DecryptionFailedException.class)
                    .hasMessageContaining(PHONE).hasMessageNotContaining(NUMBER);
        }
        var truncated = java.util.Arrays.copyOf(stored, stored.length - 1);
        assertThatThrownBy(() -> cipher.decrypt(workspace, PHONE, truncated)).isInstanceOf(DecryptionFailedException.class);
        assertThatThrownBy(() -> cipher.decrypt(workspace, PHONE, NUMBER.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(DecryptionFailedException.class).hasMessageContaining("not a value this cipher wrote");
    }

    @Test
    void aValueCopiedToAnotherWorkspaceOrFieldIsRefused() {
        var stored = cipher.encrypt(workspace, PHONE, NUMBER);
        var other = WorkspaceId.random();
        cipher.encrypt(other, PHONE, "its own first value, so that it has a version 1 key");

        assertThatThrownBy(() -> cipher.decrypt(other, PHONE, stored))
                .isInstanceOf(DecryptionFailedException.class).hasMessageContaining("another workspace or field");
        assertThatThrownBy(() -> cipher.decrypt(workspace, "contacts.email", stored))
                .isInstanceOf(DecryptionFailedException.class).hasMessageContaining("another workspace or field");
        assertThatThrownBy(() -> cipher.decrypt(WorkspaceId.random(), PHONE, stored))
                .isInstanceOf(DecryptionFailedException.class).hasMessageContaining("data key version 1 does not exist");
    }

    @Test
    void valuesUnderEarlierDataKeyVersionsStillDecryptAfterARotation() {
        var before = cipher.encrypt(workspace, PHONE, NUMBER);

        assertThat(keys.rotate(workspace)).isEqualTo(2);
        var after = cipher.encrypt(workspace, PHONE, NUMBER);

        assertThat(Envelope.dataKeyVersion(after)).hasValue(2);
        assertThat(cipher.decrypt(workspace, PHONE, before)).isEqualTo(NUMBER);
        assertThat(cipher.decrypt(workspace, PHONE, after)).isEqualTo(NUMBER);
        assertThat(cipher.reEncryptIfOlder(workspace, PHONE, before)).hasValueSatisfying(moved -> {
            assertThat(Envelope.dataKeyVersion(moved)).hasValue(2);
            assertThat(cipher.decrypt(workspace, PHONE, moved)).isEqualTo(NUMBER);
        });
        assertThat(cipher.reEncryptIfOlder(workspace, PHONE, after)).isEmpty();
    }

    @Test
    void everyValueNamesItsField() {
        assertThatThrownBy(() -> cipher.encrypt(workspace, " ", NUMBER)).isInstanceOf(IllegalArgumentException.class);
    }
}
