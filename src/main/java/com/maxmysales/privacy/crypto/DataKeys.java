package com.maxmysales.privacy.crypto;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.maxmysales.privacy.crypto.MasterKeys.Wrapped;
import com.maxmysales.shared.WorkspaceId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** The wrapped data keys in {@code workspace_data_keys}. */
@Repository
public class DataKeys {

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;

    DataKeys(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Stores the version unless it exists, and returns the one stored: when another node made it first, its
     * key is the one to use. Committed on its own, because the key is cached at once: had it been rolled back
     * with the caller's transaction, values encrypted later under the cached key could never be read again.
     */
    Wrapped insertIfAbsent(WorkspaceId workspace, int version, Wrapped wrapped, Instant now) {
        return ownTransaction.execute(status -> {
            jdbc.sql("""
                    insert into workspace_data_keys (workspace_id, version, wrapped_key, kek_id, created_at)
                    values (:workspace, :version, :wrapped, :kek, :now)
                    on conflict do nothing
                    """)
                    .param("workspace", workspace.value()).param("version", version)
                    .param("wrapped", wrapped.bytes()).param("kek", wrapped.kekId()).param("now", Timestamp.from(now))
                    .update();
            return find(workspace, version).orElseThrow();
        });
    }

    Optional<Wrapped> find(WorkspaceId workspace, int version) {
        return jdbc.sql("select wrapped_key, kek_id from workspace_data_keys where workspace_id = :workspace and version = :version")
                .param("workspace", workspace.value()).param("version", version)
                .query((rs, n) -> new Wrapped(rs.getBytes(1), rs.getString(2)))
                .optional();
    }

    Optional<Integer> newestVersion(WorkspaceId workspace) {
        return jdbc.sql("select max(version) from workspace_data_keys where workspace_id = :workspace")
                .param("workspace", workspace.value())
                .query((rs, n) -> (Integer) rs.getObject(1))
                .optional();
    }

    /** The next keys in primary-key order, for re-wrapping all of them: across workspaces by design. */
    /**
     * Every workspace that has ever encrypted a value. Personal data and content are always encrypted, so
     * these are all the workspaces that can hold any; the nil id of platform-wide data is not a workspace.
     */
    public List<WorkspaceId> workspaces() {
        return jdbc.sql("select distinct workspace_id from workspace_data_keys where workspace_id <> :nil order by 1")
                .param("nil", new UUID(0, 0))
                .query((rs, n) -> new WorkspaceId(rs.getObject(1, UUID.class))).list();
    }

    List<StoredKey> after(StoredKey last, int limit) {
        // The nil uuid with version 0 sorts before every stored key.
        return jdbc.sql("""
                select workspace_id, version, wrapped_key, kek_id from workspace_data_keys
                where (workspace_id, version) > (:workspace, :version)
                order by workspace_id, version limit :limit
                """)
                .param("workspace", last == null ? new UUID(0, 0) : last.workspace().value())
                .param("version", last == null ? 0 : last.version())
                .param("limit", limit)
                .query((rs, n) -> new StoredKey(new WorkspaceId(rs.getObject(1, UUID.class)), rs.getInt(2),
                        new Wrapped(rs.getBytes(3), rs.getString(4))))
                .list();
    }

    /** Replaces the wrapping only if nobody re-wrapped the key meanwhile. */
    boolean rewrap(StoredKey key, Wrapped rewrapped) {
        return jdbc.sql("""
                update workspace_data_keys set wrapped_key = :wrapped, kek_id = :kek
                where workspace_id = :workspace and version = :version and kek_id = :previousKek
                """)
                .param("wrapped", rewrapped.bytes()).param("kek", rewrapped.kekId())
                .param("workspace", key.workspace().value()).param("version", key.version())
                .param("previousKek", key.wrapped().kekId())
                .update() == 1;
    }

    record StoredKey(WorkspaceId workspace, int version, Wrapped wrapped) {
    }
}
