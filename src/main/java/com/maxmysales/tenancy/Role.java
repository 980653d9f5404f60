package com.maxmysales.tenancy;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import com.maxmysales.shared.Permission;

import static com.maxmysales.shared.Permission.*;

/**
 * What a business user, or an API key, may do in their workspace: the permission matrix (docs/roles.md
 * shows it as a table; keep both in step). Least privilege: agents work conversations and the contacts and
 * leads in them, analysts see aggregates without personal data, admins run the workspace, and the owner alone
 * manages admins.
 */
public enum Role {
    /** Created the workspace; everything an admin can, manages admins, and cannot be removed or disabled. */
    OWNER(EnumSet.complementOf(EnumSet.of(OPERATOR))),
    /** Runs the workspace: team (agents and analysts), API keys, channels, contacts, privacy. */
    ADMIN(EnumSet.complementOf(EnumSet.of(OPERATOR, ADMINS_MANAGE))),
    /** Works conversations: reads them and the contacts and leads in them, and sends messages. */
    AGENT(EnumSet.of(WORKSPACE_VIEW, MEMBERS_VIEW, CONVERSATIONS_READ, MESSAGES_SEND, CONTACTS_READ, LEADS_READ,
            CHANNELS_VIEW)),
    /** Reads statistics: aggregate counts only, never personal data. */
    ANALYST(EnumSet.of(WORKSPACE_VIEW, MEMBERS_VIEW, ANALYTICS_VIEW));

    private final Set<Permission> permissions;

    Role(Set<Permission> permissions) {
        this.permissions = Set.copyOf(permissions);
    }

    public boolean allows(Permission permission) {
        return permissions.contains(permission);
    }

    public Set<Permission> permissions() {
        return permissions;
    }

    /** Whether this role may do everything {@code other} may: an API key's role must be covered by its creator's. */
    public boolean covers(Role other) {
        return permissions.containsAll(other.permissions);
    }

    public String authority() {
        return "ROLE_" + name();
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException for a code that names no role */
    public static Role fromCode(String code) {
        return valueOf(code.strip().toUpperCase(Locale.ROOT));
    }
}
