package com.maxmysales.privacy.crypto;

import javax.crypto.SecretKey;

/** One version of a workspace's data key, unwrapped. */
record DataKey(int version, SecretKey key) {

    @Override
    public String toString() {
        return "DataKey[version=" + version + "]";
    }
}
