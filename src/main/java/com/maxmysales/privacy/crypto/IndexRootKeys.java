package com.maxmysales.privacy.crypto;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import com.maxmysales.privacy.crypto.MasterKeys.Wrapped;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** The one wrapped blind-index root in {@code privacy_index_keys}. */
@Repository
class IndexRootKeys {

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;

    IndexRootKeys(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Stores the root unless one exists, and returns the one stored. Committed on its own, like a data key,
     * because the root is cached at once and must not vanish with a rolled-back caller.
     */
    Wrapped insertIfAbsent(Wrapped wrapped, Instant now) {
        return ownTransaction.execute(status -> {
            jdbc.sql("""
                    insert into privacy_index_keys (id, wrapped_key, kek_id, created_at) values (1, :wrapped, :kek, :now)
                    on conflict do nothing
                    """)
                    .param("wrapped", wrapped.bytes()).param("kek", wrapped.kekId()).param("now", Timestamp.from(now))
                    .update();
            return find().orElseThrow();
        });
    }

    Optional<Wrapped> find() {
        return jdbc.sql("select wrapped_key, kek_id from privacy_index_keys where id = 1")
                .query((rs, n) -> new Wrapped(rs.getBytes(1), rs.getString(2)))
                .optional();
    }

    /** Replaces the wrapping only if nobody re-wrapped the root meanwhile. */
    boolean rewrap(Wrapped previous, Wrapped rewrapped) {
        return jdbc.sql("update privacy_index_keys set wrapped_key = :wrapped, kek_id = :kek where id = 1 and kek_id = :previous")
                .param("wrapped", rewrapped.bytes()).param("kek", rewrapped.kekId()).param("previous", previous.kekId())
                .update() == 1;
    }
}
