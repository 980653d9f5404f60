package com.maxmysales.privacy.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

import javax.crypto.SecretKey;

import com.maxmysales.privacy.crypto.BlindIndex.Identifier;
import com.maxmysales.privacy.crypto.InMemoryKeys.IndexRootInMemory;
import com.maxmysales.shared.EmailAddress;
import com.maxmysales.shared.PhoneNumber;
import com.maxmysales.shared.Secret;
import com.maxmysales.shared.WorkspaceId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BlindIndexTests {

    private static final PhoneNumber NUMBER = new PhoneNumber("+919876543210");

    private final MasterKeys masterKeys = InMemoryKeys.masterKeys();
    private final IndexRootInMemory stored = new IndexRootInMemory();
    private final BlindIndexKeys keys = new BlindIndexKeys(stored, masterKeys, InMemoryKeys.noIndexKey(), InMemoryKeys.CLOCK);
    private final BlindIndex index = new BlindIndex(keys);
    private final WorkspaceId workspace = WorkspaceId.random();

    @Test
    void theSameValueAlwaysHasTheSameIndex() {
        var first = index.of(workspace, NUMBER);

        assertThat(first).hasSize(32).isEqualTo(index.of(workspace, NUMBER));
        assertThat(index.of(workspace, new PhoneNumber("+919876543211"))).isNotEqualTo(first);
    }

    @Test
    void workspacesAndKindsAreKeptApart() {
        var phone = index.of(workspace, NUMBER);

        assertThat(index.of(WorkspaceId.random(), NUMBER)).isNotEqualTo(phone);
        assertThat(index.of(workspace, Identifier.WHATSAPP_ID, NUMBER.e164())).isNotEqualTo(phone);
        assertThat(index.of(workspace, Identifier.WHATSAPP_ID, "x"))
                .isNotEqualTo(index.of(workspace, Identifier.WHATSAPP_USER_ID, "x"));
    }

    /** MACs are pooled per key: one reused under another workspace's key would index in the wrong one. */
    @Test
    void interleavedWorkspacesEachKeepTheirOwnIndex() {
        var workspaces = List.of(workspace, WorkspaceId.random(), WorkspaceId.random());
        var first = workspaces.stream().map(each -> index.of(each, NUMBER)).toList();

        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < workspaces.size(); i++) {
                assertThat(index.of(workspaces.get(i), NUMBER)).isEqualTo(first.get(i));
                assertThat(index.tombstone(NUMBER)).isNotEqualTo(first.get(i));
            }
        }
        assertThat(first.get(0)).isNotEqualTo(first.get(1)).isNotEqualTo(first.get(2));
        assertThat(first.get(0)).isEqualTo(formerIndexOfPhone(keys.forWorkspace(workspace), NUMBER.e164()));
    }

    @Test
    void tombstonesAreTheSameInEveryWorkspaceAndUnlikeAnyIndex() {
        var tombstone = index.tombstone(NUMBER);

        assertThat(tombstone).hasSize(32).isEqualTo(index.tombstone(NUMBER))
                .isNotEqualTo(index.tombstone(Identifier.AUDIT_VALUE, NUMBER.e164()))
                .isNotEqualTo(index.of(workspace, NUMBER));
    }

    @Test
    void anEmailTypedAnyWayHasOneIndexAndOneTombstone() {
        var typed = EmailAddress.of(" Priya.Nair@Example.COM ");
        var plain = EmailAddress.of("priya.nair@example.com");

        assertThat(index.of(workspace, typed)).isEqualTo(index.of(workspace, plain));
        assertThat(index.tombstone(typed)).isEqualTo(index.tombstone(plain));
        assertThat(index.ofEverySpelling(workspace, typed)).singleElement().isEqualTo(index.of(workspace, plain));
    }

    /**
     * Blind indexes and tombstones stored before {@link EmailAddress} (strip, lower case, hashed under "email")
     * are found unchanged: byte for byte for every ASCII address, and through the decomposed spelling for an
     * address whose accents a keyboard had decomposed. Recomputed here with the former rule, not with the code.
     */
    @Test
    void indexesStoredBeforeAddressesWereCanonicalAreStillFound() {
        var ascii = " Priya.Nair@Example.COM ";
        assertThat(index.of(workspace, EmailAddress.of(ascii))).isEqualTo(formerIndex(keys.forWorkspace(workspace), ascii));
        assertThat(index.tombstone(EmailAddress.of(ascii))).isEqualTo(formerIndex(keys.forTombstones(), ascii));

        var decomposed = "JOSE\u0301@Example.com";
        var composed = "jos\u00e9@example.com";
        assertThat(index.ofEverySpelling(workspace, EmailAddress.of(composed)))
                .contains(formerIndex(keys.forWorkspace(workspace), decomposed), formerIndex(keys.forWorkspace(workspace), composed));
        assertThat(index.tombstonesOfEverySpelling(EmailAddress.of(composed)))
                .contains(formerIndex(keys.forTombstones(), decomposed), formerIndex(keys.forTombstones(), composed));
        assertThat(index.ofEverySpelling(workspace, EmailAddress.of(decomposed)))
                .contains(formerIndex(keys.forWorkspace(workspace), decomposed));
    }

    @Test
    void anotherPlatformWithOtherKeysComputesOtherIndexes() {
        var elsewhere = new BlindIndexKeys(new IndexRootInMemory(), InMemoryKeys.masterKeys(), InMemoryKeys.noIndexKey(),
                InMemoryKeys.CLOCK);

        assertThat(new BlindIndex(elsewhere).of(workspace, NUMBER)).isNotEqualTo(index.of(workspace, NUMBER));
    }

    @Test
    void aConfiguredIndexKeyGivesTheSameIndexesWhateverTheMasterKey() {
        var indexKey = withIndexKey(InMemoryKeys.randomKey());

        var one = blindIndex(InMemoryKeys.masterKeys(), indexKey, new IndexRootInMemory());
        var another = blindIndex(InMemoryKeys.masterKeys(), indexKey, new IndexRootInMemory());

        assertThat(one.of(workspace, NUMBER)).isEqualTo(another.of(workspace, NUMBER));
    }

    @Test
    void anIndexKeyThatDiffersFromTheStoredRootStopsRatherThanOrphaningEveryIndex() {
        index.of(workspace, NUMBER);
        var indexKey = withIndexKey(InMemoryKeys.randomKey());

        var changed = blindIndex(masterKeys, indexKey, stored);

        assertThatThrownBy(() -> changed.of(workspace, NUMBER))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("maxmysales.privacy.index-key");
    }

    private static EncryptionSettings withIndexKey(byte[] key) {
        return new EncryptionSettings(null, List.of(), Secret.of(Base64.getEncoder().encodeToString(key)));
    }

    private static BlindIndex blindIndex(MasterKeys keys, EncryptionSettings settings, IndexRootInMemory root) {
        return new BlindIndex(new BlindIndexKeys(root, keys, settings, InMemoryKeys.CLOCK));
    }

    /** The blind index as every module computed an email's before {@link EmailAddress}: HMAC(len, "email", strip, lower). */
    private static byte[] formerIndex(SecretKey key, String typed) {
        var kind = "email".getBytes(StandardCharsets.UTF_8);
        var mac = Hkdf.hmac(key);
        mac.update(ByteBuffer.allocate(4).putInt(kind.length).array());
        mac.update(kind);
        return mac.doFinal(typed.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] formerIndexOfPhone(SecretKey key, String e164) {
        var kind = "phone".getBytes(StandardCharsets.UTF_8);
        var mac = Hkdf.hmac(key);
        mac.update(ByteBuffer.allocate(4).putInt(kind.length).array());
        mac.update(kind);
        return mac.doFinal(e164.getBytes(StandardCharsets.UTF_8));
    }
}
