package com.maxmysales.privacy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

import javax.crypto.SecretKey;

import com.maxmysales.shared.WorkspaceId;

import org.springframework.stereotype.Service;

/**
 * Keyed hashes that let encrypted values be found by equality without decrypting them (P5): a contact is
 * looked up by the blind index of its phone number, never by the number. HMAC-SHA256, under a key per
 * workspace, so the same phone number has unrelated indexes in two workspaces.
 * <p>
 * Callers pass the value normalized (E.164 for a phone, lower case for an email): equal values must be
 * equal strings. {@code kind} names what the value is, e.g. {@code "phone"}, {@code "email"}, and keeps
 * indexes of different kinds of value apart.
 */
@Service
public class BlindIndex {

    private final BlindIndexKeys keys;

    BlindIndex(BlindIndexKeys keys) {
        this.keys = keys;
    }

    /** The value's index in this workspace; {@code null} for {@code null}. */
    public byte[] of(WorkspaceId workspace, String kind, String normalizedValue) {
        Objects.requireNonNull(workspace, "workspace");
        return normalizedValue == null ? null : mac(keys.forWorkspace(workspace), kind, normalizedValue);
    }

    /**
     * The same in every workspace: the keyed hash that stands for a person's phone or email where the value
     * itself must not be kept. An erasure keeps it, with the erasing workspace, so that this business cannot add
     * the person back without the platform keeping who they were; audit records, data-principal requests and
     * raw webhook events name people by it.
     */
    public byte[] tombstone(String kind, String normalizedValue) {
        return normalizedValue == null ? null : mac(keys.forTombstones(), kind, normalizedValue);
    }

    private static byte[] mac(SecretKey key, String kind, String value) {
        if (kind == null || kind.isBlank()) {
            throw new IllegalArgumentException("a blind index needs the kind of value it indexes");
        }
        var kindBytes = kind.getBytes(StandardCharsets.UTF_8);
        var mac = Hkdf.hmac(key);
        // Length-prefixed, so that no kind and value can be shifted into another kind and value.
        mac.update(ByteBuffer.allocate(4).putInt(kindBytes.length).array());
        mac.update(kindBytes);
        return mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
    }
}
