package com.maxmysales.messaging;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The lock order is PostgreSQL's order of uuids (unsigned bytes), not {@link UUID#compareTo}'s signed one. */
class MessageLocksTests {

    @Test
    void messagesAreLockedInTheOrderPostgresqlSortsTheirIds() {
        var ids = new ArrayList<UUID>();
        for (int i = 0; i < 1_000; i++) {
            ids.add(UUID.randomUUID());
        }
        ids.add(new UUID(Long.MIN_VALUE, 0));
        ids.add(new UUID(-1, -1));
        ids.add(new UUID(0, Long.MIN_VALUE));

        var byLockOrder = ids.stream().sorted(MessageLocks.ORDER).toList();

        // uuid's text is its bytes in hex: text order is the byte order PostgreSQL compares by.
        assertThat(byLockOrder).isEqualTo(ids.stream().sorted(Comparator.comparing(UUID::toString)).toList());
        assertThat(byLockOrder).isNotEqualTo(ids.stream().sorted().toList());
    }
}
