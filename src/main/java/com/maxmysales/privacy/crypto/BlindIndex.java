package com.maxmysales.privacy.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

import javax.crypto.Mac;
import javax.crypto.SecretKey;

import com.maxmysales.shared.EmailAddress;
import com.maxmysales.shared.PhoneNumber;
import com.maxmysales.shared.WorkspaceId;

import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;

/**
 * Keyed hashes that let encrypted values be found by equality without decrypting them (P5): a contact is
 * looked up by the blind index of its phone number, never by the number. HMAC-SHA256, under a key per
 * workspace, so the same phone number has unrelated indexes in two workspaces.
 * <p>
 * Phones and emails are indexed as {@link PhoneNumber} and {@link EmailAddress}, whose one canonical form
 * makes equal people equal bytes in every module; each kind of value is hashed under its own name, so indexes
 * of different kinds never meet.
 */
@NamedInterface("crypto")
@Service
public class BlindIndex {

    private static final String PHONE = "phone";
    private static final String EMAIL = "email";

    /** Other values found by equality, each hashed under the name it always had. */
    public enum Identifier {
        /** A WhatsApp id: the digits WhatsApp knows a user by. */
        WHATSAPP_ID("wa_id"),
        /** WhatsApp's business-scoped user id, for users known by username only. */
        WHATSAPP_USER_ID("whatsapp_user_id"),
        /** A WhatsApp profile name, compared to the one a contact has (and salted with the contact's id there). */
        WHATSAPP_NAME("whatsapp_name"),
        /** A privacy request's one-time code, with the request it belongs to. */
        VERIFICATION_CODE("verification-code"),
        /** Any other value an audit entry names but must not hold. */
        AUDIT_VALUE("audit");

        private final String kind;

        Identifier(String kind) {
            this.kind = kind;
        }
    }

    /** Workspaces' keys whose MACs are pooled; past this many (rotations, many workspaces) the pool starts over. */
    private static final int MAX_POOLED_KEYS = 4096;
    private static final Map<SecretKey, Queue<Mac>> POOL = new ConcurrentHashMap<>();

    private final BlindIndexKeys keys;

    BlindIndex(BlindIndexKeys keys) {
        this.keys = keys;
    }

    /** The number's index in this workspace. */
    public byte[] of(WorkspaceId workspace, PhoneNumber phone) {
        return index(workspace, PHONE, phone.e164());
    }

    /** The address's index in this workspace: what a row that stores it is written with. */
    public byte[] of(WorkspaceId workspace, EmailAddress email) {
        return index(workspace, EMAIL, email.value());
    }

    /**
     * Every index a stored row of this address may carry, to find rows by: the canonical one, and the one of
     * its decomposed spelling (NFD), which rows written before addresses were put in NFC have when the person's
     * keyboard decomposed accents. One index for any address without accents.
     */
    public List<byte[]> ofEverySpelling(WorkspaceId workspace, EmailAddress email) {
        return spellings(email).stream().map(spelling -> index(workspace, EMAIL, spelling)).toList();
    }

    public byte[] of(WorkspaceId workspace, Identifier kind, String value) {
        return index(workspace, kind.kind, value);
    }

    /**
     * The same in every workspace: the keyed hash that stands for a person's phone or email where the value
     * itself must not be kept. An erasure keeps it, with the erasing workspace, so that this business cannot add
     * the person back without the platform keeping who they were; audit records, data-principal requests and
     * raw webhook events name people by it.
     */
    public byte[] tombstone(PhoneNumber phone) {
        return mac(keys.forTombstones(), PHONE, phone.e164());
    }

    /** The address's tombstone: what is written where it must not be kept. */
    public byte[] tombstone(EmailAddress email) {
        return mac(keys.forTombstones(), EMAIL, email.value());
    }

    /** Every tombstone written for this address, as {@link #ofEverySpelling} finds every index. */
    public List<byte[]> tombstonesOfEverySpelling(EmailAddress email) {
        return spellings(email).stream().map(spelling -> mac(keys.forTombstones(), EMAIL, spelling)).toList();
    }

    public byte[] tombstone(Identifier kind, String value) {
        return mac(keys.forTombstones(), kind.kind, value);
    }

    private byte[] index(WorkspaceId workspace, String kind, String value) {
        Objects.requireNonNull(workspace, "workspace");
        return mac(keys.forWorkspace(workspace), kind, value);
    }

    private static List<String> spellings(EmailAddress email) {
        var spellings = new LinkedHashSet<String>();
        spellings.add(email.value());
        spellings.add(Normalizer.normalize(email.value(), Normalizer.Form.NFD));
        return List.copyOf(spellings);
    }

    private static byte[] mac(SecretKey key, String kind, String value) {
        Objects.requireNonNull(value, "value");
        var kindBytes = kind.getBytes(StandardCharsets.UTF_8);
        var mac = borrow(key);
        // Length-prefixed, so that no kind and value can be shifted into another kind and value.
        mac.update(ByteBuffer.allocate(4).putInt(kindBytes.length).array());
        mac.update(kindBytes);
        var index = mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
        giveBack(key, mac);
        return index;
    }

    /**
     * An initialised HMAC last used with this key (doFinal leaves it reset), or a new one: {@code Mac.getInstance}
     * and {@code init} cost more than hashing a phone number, and a bulk send indexes every recipient's. A MAC whose
     * use threw is not given back.
     */
    private static Mac borrow(SecretKey key) {
        var pooled = POOL.get(key);
        var mac = pooled == null ? null : pooled.poll();
        return mac != null ? mac : Hkdf.hmac(key);
    }

    private static void giveBack(SecretKey key, Mac mac) {
        if (POOL.size() >= MAX_POOLED_KEYS && !POOL.containsKey(key)) {
            POOL.clear();
        }
        POOL.computeIfAbsent(key, k -> new ConcurrentLinkedQueue<>()).offer(mac);
    }
}
