package com.maxmysales.privacy.crypto;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.crypto.AEADBadTagException;

/**
 * The configured master keys: the current one wraps, any of them unwraps. Keeping the previous ones is what
 * lets the master key change while the platform runs: nothing wrapped under them becomes unreadable.
 */
final class MasterKeys {

    private final MasterKey current;
    private final Map<String, MasterKey> byId = new LinkedHashMap<>();

    MasterKeys(byte[] current, List<byte[]> previous) {
        this.current = new MasterKey(current);
        byId.put(this.current.id(), this.current);
        previous.stream().map(MasterKey::new).forEach(key -> byId.putIfAbsent(key.id(), key));
    }

    MasterKey current() {
        return current;
    }

    /** Wraps under the current master key. */
    Wrapped wrap(byte[] keyBytes, byte[] aad) {
        return new Wrapped(current.wrap(keyBytes, aad), current.id());
    }

    /** Unwraps with whichever configured master key the value names; {@code what} names the key for the operator. */
    byte[] unwrap(Wrapped wrapped, byte[] aad, String what) {
        var key = byId.get(wrapped.kekId());
        if (key == null) {
            throw new IllegalStateException(what + " is wrapped under master key " + wrapped.kekId()
                    + ", which is not configured: add it to maxmysales.privacy.previous-master-keys");
        }
        try {
            return key.unwrap(wrapped.bytes(), aad);
        } catch (AEADBadTagException e) {
            throw new IllegalStateException(what + " does not unwrap under master key " + wrapped.kekId()
                    + ": its stored form was altered", e);
        }
    }

    /** A key as stored: encrypted under the master key with id {@code kekId}. */
    record Wrapped(byte[] bytes, String kekId) {
    }
}
