package com.maxmysales.tenancy;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import com.maxmysales.platform.Cursor;
import com.maxmysales.platform.CursorPage;
import com.maxmysales.platform.Refusal;
import com.maxmysales.privacy.audit.AuditLog;
import com.maxmysales.shared.Secret;
import com.maxmysales.shared.WorkspaceId;

import org.springframework.stereotype.Service;

/** Creating, listing, revoking and checking a workspace's API keys. */
@Service
public class ApiKeyManagement {

    static final String KEY_PREFIX = "mms_";
    /** last_used_at is a hint for people, not an access log: one write a minute per key is enough. */
    private static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

    private final ApiKeys keys;
    private final BusinessUsers users;
    private final AuditLog audit;
    private final Clock clock;

    ApiKeyManagement(ApiKeys keys, BusinessUsers users, AuditLog audit, Clock clock) {
        this.keys = keys;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * A key acting with its creator's role; the operator's keys (no creator) act as the owner, since they are an
     * operator-made workspace's only credential until its people sign in.
     */
    public NewApiKey create(WorkspaceId workspace, String name, UUID createdBy) {
        var role = createdBy == null ? Role.OWNER
                : users.find(workspace, createdBy).map(Member::role).orElseThrow(() -> Refusal.notFound("member"));
        return audited(create(workspace, name, createdBy, role), workspace, role);
    }

    /** A key a signed-in owner or admin creates, acting with {@code role}: never a role above their own. */
    public NewApiKey create(BusinessUserPrincipal creator, String name, Role role) {
        if (!creator.role().covers(role)) {
            throw Refusal.forbidden("an API key's role may not be above its creator's: a " + creator.role().code()
                    + " may not create a key with role " + role.code());
        }
        return audited(create(creator.workspaceId(), name, creator.userId(), role), creator.workspaceId(), role);
    }

    /** Unaudited: for the platform's own first-run demo key, made before anyone acts. */
    NewApiKey create(WorkspaceId workspace, String name, UUID createdBy, Role role) {
        var label = name == null ? "" : name.strip();
        if (label.isEmpty() || label.length() > 80) {
            throw Refusal.invalid("invalid-request", "Invalid request",
                    "name must be 1 to 80 characters");
        }
        var token = TokenHash.newToken(KEY_PREFIX);
        var id = UUID.randomUUID();
        keys.insert(workspace, id, label, "…" + token.substring(token.length() - 4), TokenHash.of(token), role,
                createdBy, clock.instant());
        return new NewApiKey(id, label, Secret.of(token));
    }

    private NewApiKey audited(NewApiKey key, WorkspaceId workspace, Role role) {
        audit.record(workspace, "api-key.create", "apiKeyId=" + key.id(), "role=" + role.code());
        return key;
    }

    public CursorPage<ApiKeyView> list(WorkspaceId workspace, String cursor, Integer limit) {
        var size = CursorPage.limit(limit);
        return CursorPage.of(keys.page(workspace, Cursor.decode(cursor), size + 1), size, key -> key.cursor().encode());
    }

    /**
     * Revokes a key of the caller's workspace whose role the caller's covers: an admin cannot take the owner's keys
     * away (the penetration test did), as an admin cannot manage the owner.
     */
    public void revoke(WorkspaceMember caller, UUID keyId) {
        var workspace = caller.workspaceId();
        var role = keys.role(workspace, keyId).orElseThrow(() -> Refusal.notFound("API key " + keyId));
        if (!caller.role().covers(role)) {
            throw Refusal.forbidden("a key of the " + role.code() + " role can be revoked by that role only");
        }
        if (!keys.revoke(workspace, keyId, clock.instant())) {
            throw Refusal.notFound("API key " + keyId);
        }
        audit.record(workspace, "api-key.revoke", "apiKeyId=" + keyId, null);
    }

    /** The key as it is now: empty once revoked. For what a key opened long ago and still holds (an event stream). */
    public Optional<ApiKeyPrincipal> current(ApiKeyPrincipal key) {
        return keys.activeRole(key.workspaceId(), key.keyId())
                .map(role -> new ApiKeyPrincipal(key.keyId(), key.workspaceId(), role));
    }

    public Optional<ApiKeyPrincipal> authenticate(String presented) {
        if (presented == null || !presented.startsWith(KEY_PREFIX)) {
            return Optional.empty();
        }
        return keys.findActive(TokenHash.of(presented)).map(key -> {
            var now = clock.instant();
            if (key.lastUsedAt() == null || key.lastUsedAt().isBefore(now.minus(LAST_USED_PRECISION))) {
                keys.touch(key.id(), now);
            }
            return new ApiKeyPrincipal(key.id(), key.workspace(), key.role());
        });
    }
}
