package com.maxmysales.privacy;

import java.util.Base64;
import java.util.List;

import com.maxmysales.privacy.InMemoryKeys.IndexRootInMemory;
import com.maxmysales.shared.Secret;
import com.maxmysales.shared.WorkspaceId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BlindIndexTests {

    private static final String NUMBER = "+919876543210";

    private final MasterKeys masterKeys = InMemoryKeys.masterKeys();
    private final IndexRootInMemory stored = new IndexRootInMemory();
    private final BlindIndex index = blindIndex(masterKeys, InMemoryKeys.noIndexKey());
    private final WorkspaceId workspace = WorkspaceId.random();

    @Test
    void theSameValueAlwaysHasTheSameIndex() {
        var first = index.of(workspace, "phone", NUMBER);

        assertThat(first).hasSize(32).isEqualTo(index.of(workspace, "phone", NUMBER));
        assertThat(index.of(workspace, "phone", "+919876543211")).isNotEqualTo(first);
    }

    @Test
    void workspacesAndKindsAreKeptApart() {
        var phone = index.of(workspace, "phone", NUMBER);

        assertThat(index.of(WorkspaceId.random(), "phone", NUMBER)).isNotEqualTo(phone);
        assertThat(index.of(workspace, "email", NUMBER)).isNotEqualTo(phone);
        assertThat(index.of(workspace, "phone:", "+919876543210")).isNotEqualTo(index.of(workspace, "phone", ":" + NUMBER));
    }

    @Test
    void tombstonesAreTheSameInEveryWorkspaceAndUnlikeAnyIndex() {
        var tombstone = index.tombstone("phone", NUMBER);

        assertThat(tombstone).hasSize(32).isEqualTo(index.tombstone("phone", NUMBER))
                .isNotEqualTo(index.tombstone("email", NUMBER))
                .isNotEqualTo(index.of(workspace, "phone", NUMBER));
    }

    @Test
    void nullHasNoIndexAndEveryIndexNamesItsKind() {
        assertThat(index.of(workspace, "phone", null)).isNull();
        assertThat(index.tombstone("phone", null)).isNull();
        assertThatThrownBy(() -> index.of(workspace, "", NUMBER)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anotherPlatformWithOtherKeysComputesOtherIndexes() {
        var elsewhere = new BlindIndexKeys(new IndexRootInMemory(), InMemoryKeys.masterKeys(), InMemoryKeys.noIndexKey(),
                InMemoryKeys.CLOCK);

        assertThat(new BlindIndex(elsewhere).of(workspace, "phone", NUMBER)).isNotEqualTo(index.of(workspace, "phone", NUMBER));
    }

    @Test
    void aConfiguredIndexKeyGivesTheSameIndexesWhateverTheMasterKey() {
        var indexKey = withIndexKey(InMemoryKeys.randomKey());

        var one = blindIndex(InMemoryKeys.masterKeys(), indexKey, new IndexRootInMemory());
        var another = blindIndex(InMemoryKeys.masterKeys(), indexKey, new IndexRootInMemory());

        assertThat(one.of(workspace, "phone", NUMBER)).isEqualTo(another.of(workspace, "phone", NUMBER));
    }

    @Test
    void anIndexKeyThatDiffersFromTheStoredRootStopsRatherThanOrphaningEveryIndex() {
        index.of(workspace, "phone", NUMBER);
        var indexKey = withIndexKey(InMemoryKeys.randomKey());

        var changed = blindIndex(masterKeys, indexKey, stored);

        assertThatThrownBy(() -> changed.of(workspace, "phone", NUMBER))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("maxmysales.privacy.index-key");
    }

    private static EncryptionSettings withIndexKey(byte[] key) {
        return new EncryptionSettings(null, List.of(), Secret.of(Base64.getEncoder().encodeToString(key)));
    }

    private BlindIndex blindIndex(MasterKeys keys, EncryptionSettings settings) {
        return blindIndex(keys, settings, stored);
    }

    private static BlindIndex blindIndex(MasterKeys keys, EncryptionSettings settings, IndexRootInMemory root) {
        return new BlindIndex(new BlindIndexKeys(root, keys, settings, InMemoryKeys.CLOCK));
    }
}
