package com.maxmysales.tenancy;

import java.util.Locale;

/** What a business user may do in their workspace. */
public enum Role {
    /** Created the workspace; everything an admin can, and cannot be removed. */
    OWNER,
    /** Manages team members and API keys. */
    ADMIN,
    /** Works conversations in the inbox. */
    AGENT,
    /** Reads analytics and reports. */
    ANALYST;

    public String authority() {
        return "ROLE_" + name();
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }

    public boolean managesWorkspace() {
        return this == OWNER || this == ADMIN;
    }
}
