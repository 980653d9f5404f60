package com.maxmysales.privacy.crypto;

import java.time.Instant;
import java.util.List;

import com.maxmysales.shared.WorkspaceId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;

/**
 * A workspace's data keys as the compliance report lists them (P5): versions, when each was made and which master
 * key wraps it (its id, never a key).
 */
@NamedInterface("crypto")
@Service
public class KeyVersions {

    /** @param masterKeyId the first 8 bytes of the wrapping master key's SHA-256, in hex */
    @NamedInterface("crypto")
    public record KeyVersion(int version, Instant createdAt, String masterKeyId) {}

    public static final String CIPHER = "AES-256-GCM";

    private final JdbcClient jdbc;

    KeyVersions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Oldest first; values under every listed version still decrypt. */
    public List<KeyVersion> of(WorkspaceId workspace) {
        return jdbc.sql("""
                select version, created_at, kek_id from workspace_data_keys
                where workspace_id = :workspace order by version""")
                .param("workspace", workspace.value())
                .query((rs, n) -> new KeyVersion(rs.getInt(1), rs.getTimestamp(2).toInstant(), rs.getString(3)))
                .list();
    }
}
