package com.maxmysales.tenancy;

import java.util.Locale;

/** Whether a business user can sign in: disabled members can be enabled again; removed ones are gone for good. */
public enum MemberStatus {
    ACTIVE, DISABLED, REMOVED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException for a code that names no status */
    public static MemberStatus fromCode(String code) {
        return valueOf(code.strip().toUpperCase(Locale.ROOT));
    }
}
