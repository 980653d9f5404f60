package com.maxmysales.privacy.crypto;

import com.maxmysales.support.MutableClock;

import java.time.Instant;

import com.maxmysales.privacy.crypto.InMemoryKeys.DataKeysInMemory;
import com.maxmysales.shared.WorkspaceId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WorkspaceDataKeysTests {

    private final DataKeysInMemory table = new DataKeysInMemory();
    private final MasterKeys masterKeys = InMemoryKeys.masterKeys();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-02T10:00:00Z"));
    private final WorkspaceId workspace = WorkspaceId.random();

    @Test
    void twoNodesShareOneKeyPerVersion() {
        var node1 = new WorkspaceDataKeys(table, masterKeys, clock);
        var node2 = new WorkspaceDataKeys(table, masterKeys, clock);

        assertThat(node1.newest(workspace).key()).isEqualTo(node2.newest(workspace).key());
        assertThat(table.newestVersion(workspace)).hasValue(1);
    }

    @Test
    void aRotationOnOneNodeReachesTheOthersWithinTheRecheckTime() {
        var node1 = new WorkspaceDataKeys(table, masterKeys, clock);
        var node2 = new WorkspaceDataKeys(table, masterKeys, clock);
        assertThat(node2.newest(workspace).version()).isEqualTo(1);

        assertThat(node1.rotate(workspace)).isEqualTo(2);

        assertThat(node1.newest(workspace).version()).isEqualTo(2);
        assertThat(node2.newest(workspace).version()).as("still cached").isEqualTo(1);
        clock.advance(WorkspaceDataKeys.NEWEST_VERSION_RECHECK);
        assertThat(node2.newest(workspace).version()).isEqualTo(2);
        assertThat(node2.version(workspace, 1)).isPresent();
        assertThat(node2.version(workspace, 3)).isEmpty();
    }

    @Test
    void forgettingNewestVersionsMakesARotationElsewhereCountAtOnce() {
        var node1 = new WorkspaceDataKeys(table, masterKeys, clock);
        var node2 = new WorkspaceDataKeys(table, masterKeys, clock);
        node2.newest(workspace);
        node1.rotate(workspace);

        node2.forgetNewestVersions();

        assertThat(node2.newest(workspace).version()).isEqualTo(2);
    }
}
