package com.maxmysales.privacy.crypto;

import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;

import com.maxmysales.platform.DataDirectory;
import com.maxmysales.shared.PhoneNumber;
import com.maxmysales.shared.WorkspaceId;
import com.maxmysales.support.PlatformTest;
import com.maxmysales.support.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.postgresql.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Encryption at rest (P5) on real PostgreSQL. Tests that need their own master keys build the services
 * directly, as a node configured with those keys would, instead of starting more Spring contexts.
 */
@PlatformTest
class FieldEncryptionIntegrationTests {

    private static final String PHONE = "contacts.phone";
    private static final String NUMBER = "+919876543210";

    @Autowired
    FieldCipher cipher;
    @Autowired
    KeyRotation rotation;
    @Autowired
    WorkspaceDataKeys dataKeys;
    @Autowired
    MasterKeys masterKeys;
    @Autowired
    DataDirectory dataDirectory;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    Clock clock;

    @Test
    void dataKeysAreStoredOnlyWrappedUnderTheMasterKey() throws Exception {
        var workspace = WorkspaceId.random();
        var stored = cipher.encrypt(workspace, PHONE, NUMBER);
        var rawDataKey = dataKeys.newest(workspace).key().getEncoded();

        var row = jdbc.sql("select version, kek_id, wrapped_key from workspace_data_keys where workspace_id = :workspace")
                .param("workspace", workspace.value())
                .query((rs, n) -> new Object[] { rs.getInt(1), rs.getString(2), rs.getBytes(3) }).single();
        assertThat(row[0]).isEqualTo(1);
        assertThat(row[1]).isEqualTo(masterKeys.current().id()).asString().matches("[0-9a-f]{16}");
        assertThat((byte[]) row[2]).hasSize(AesGcm.NONCE_BYTES + 32 + AesGcm.TAG_BYTES);
        assertThat(jdbc.sql("select count(*) from workspace_data_keys where position(:raw in wrapped_key) > 0")
                .param("raw", rawDataKey).query(Integer.class).single()).as("rows holding the raw data key").isZero();
        assertThat(jdbc.sql("select count(*) from workspace_data_keys where position(:raw in wrapped_key) > 0")
                .param("raw", masterKeys.current().material()).query(Integer.class).single()).isZero();
        assertThat(cipher.decrypt(workspace, PHONE, stored)).isEqualTo(NUMBER);

        var devKey = dataDirectory.root().resolve("keys").resolve("master.key");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(devKey))).isEqualTo("rw-------");
    }

    @Test
    void nodesUsingAWorkspaceForTheFirstTimeTogetherAgreeOnOneVersionOneKey() {
        // Two threads of their own (the common pool may have one on a 2-core machine), released at once, so that the
        // two nodes' first use of the workspace really races.
        try (var nodes = Executors.newFixedThreadPool(2)) {
            for (int i = 0; i < 10; i++) {
                var workspace = WorkspaceId.random();
                var node1 = new FieldCipher(new WorkspaceDataKeys(new DataKeys(jdbc, transactions), masterKeys, clock));
                var node2 = new FieldCipher(new WorkspaceDataKeys(new DataKeys(jdbc, transactions), masterKeys, clock));
                var start = new CyclicBarrier(2);

                var fromNode1 = CompletableFuture.supplyAsync(() -> atOnce(start, () -> node1.encrypt(workspace, PHONE, "one")), nodes);
                var fromNode2 = CompletableFuture.supplyAsync(() -> atOnce(start, () -> node2.encrypt(workspace, PHONE, "two")), nodes);

                assertThat(node2.decrypt(workspace, PHONE, fromNode1.join())).isEqualTo("one");
                assertThat(node1.decrypt(workspace, PHONE, fromNode2.join())).isEqualTo("two");
                assertThat(jdbc.sql("select count(*) from workspace_data_keys where workspace_id = :workspace")
                        .param("workspace", workspace.value()).query(Integer.class).single()).isEqualTo(1);
            }
        }
    }

    private static <T> T atOnce(CyclicBarrier start, java.util.function.Supplier<T> work) {
        try {
            start.await(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return work.get();
    }

    @Test
    void aDataKeyOutlivesTheRolledBackTransactionThatMadeIt() {
        var workspace = WorkspaceId.random();
        new TransactionTemplate(transactions).executeWithoutResult(transaction -> {
            cipher.encrypt(workspace, PHONE, "a contact whose import failed");
            transaction.setRollbackOnly();
        });

        var stored = cipher.encrypt(workspace, PHONE, NUMBER);

        var anotherNode = new FieldCipher(new WorkspaceDataKeys(new DataKeys(jdbc, transactions), masterKeys, clock));
        assertThat(anotherNode.decrypt(workspace, PHONE, stored)).isEqualTo(NUMBER);
    }

    @Test
    void aRotatedDataKeyEncryptsNewValuesWhileOldOnesStillDecrypt() {
        var workspace = WorkspaceId.random();
        var before = cipher.encrypt(workspace, PHONE, NUMBER);

        assertThat(rotation.rotateDataKey(workspace)).isEqualTo(2);
        var after = cipher.encrypt(workspace, PHONE, "+14155550123");

        assertThat(Envelope.dataKeyVersion(before)).hasValue(1);
        assertThat(Envelope.dataKeyVersion(after)).hasValue(2);
        assertThat(cipher.decrypt(workspace, PHONE, before)).isEqualTo(NUMBER);
        assertThat(cipher.decrypt(workspace, PHONE, after)).isEqualTo("+14155550123");
        assertThat(jdbc.sql("select version from workspace_data_keys where workspace_id = :workspace order by version")
                .param("workspace", workspace.value()).query(Integer.class).list()).containsExactly(1, 2);
    }

    @Test
    void theReEncryptionJobMovesStoredValuesToTheNewestDataKeyInBatches() {
        var notes = new EncryptedNotes(jdbc);
        var rotated = WorkspaceId.random();
        var untouched = WorkspaceId.random();
        var rows = ReEncryptionJob.BATCH_ROWS + 50;
        var ids = insertNotes(notes, rotated, rows);
        var other = UUID.randomUUID();
        notes.insert(other, untouched, cipher.encrypt(untouched, EncryptedNotes.BODY, "not rotated"), null);
        var damaged = UUID.randomUUID();
        var bytes = cipher.encrypt(rotated, EncryptedNotes.BODY, "damaged");
        bytes[bytes.length - 1] ^= 1;
        notes.insert(damaged, rotated, bytes, null);
        rotation.rotateDataKey(rotated);
        var editedDuringTheRun = ids.get(7);
        notes.beforeReplace(value -> {
            if (value.rowKey().equals(editedDuringTheRun.toString()) && value.field().equals(EncryptedNotes.BODY)) {
                jdbc.sql("update test_notes set body = :body where id = :id").param("id", editedDuringTheRun)
                        .param("body", cipher.encrypt(rotated, EncryptedNotes.BODY, "edited by a user")).update();
            }
        });

        var job = new ReEncryptionJob(List.of(notes), cipher, dataKeys);
        assertThat(job.run()).containsExactly(new ReEncrypted("test_notes", rows + rows / 2 + 2, rows + rows / 2 - 1, 1, 1));

        for (int i = 0; i < ids.size(); i++) {
            var body = notes.stored(ids.get(i), EncryptedNotes.BODY);
            assertThat(Envelope.dataKeyVersion(body)).hasValue(2);
            assertThat(cipher.decrypt(rotated, EncryptedNotes.BODY, body)).isEqualTo(i == 7 ? "edited by a user" : "note " + i);
            var subject = notes.stored(ids.get(i), EncryptedNotes.SUBJECT);
            assertThat(subject == null ? null : cipher.decrypt(rotated, EncryptedNotes.SUBJECT, subject))
                    .isEqualTo(i % 2 == 0 ? "subject " + i : null);
        }
        assertThat(Envelope.dataKeyVersion(notes.stored(other, EncryptedNotes.BODY))).hasValue(1);
        assertThat(job.run()).as("a second run").containsExactly(new ReEncrypted("test_notes", rows + rows / 2 + 2, 0, 0, 1));
    }

    @Test
    void aNewMasterKeyKeepsEverythingReadableAndRewrappingMovesEveryKeyToIt() {
        var database = freshDatabase();
        var oldKey = InMemoryKeys.randomKey();
        var newKey = InMemoryKeys.randomKey();
        var before = new Node(database, new MasterKeys(oldKey, List.of()), clock);
        var one = WorkspaceId.random();
        var two = WorkspaceId.random();
        var valueOfOne = before.cipher().encrypt(one, PHONE, NUMBER);
        var firstOfTwo = before.cipher().encrypt(two, PHONE, "+14155550100");
        before.rotation().rotateDataKey(two);
        var valueOfTwo = before.cipher().encrypt(two, PHONE, "+14155550123");
        var indexBefore = before.index().of(one, new PhoneNumber(NUMBER));
        var tombstoneBefore = before.index().tombstone(new PhoneNumber(NUMBER));
        var oldId = before.masterKeys().current().id();

        var withoutTheOldKey = new Node(database, new MasterKeys(newKey, List.of()), clock);
        assertThatThrownBy(() -> withoutTheOldKey.cipher().decrypt(one, PHONE, valueOfOne))
                .hasMessageContaining(oldId).hasMessageContaining("previous-master-keys");

        var rotated = new Node(database, new MasterKeys(newKey, List.of(oldKey)), clock);
        var newId = rotated.masterKeys().current().id();
        assertThat(rotated.cipher().decrypt(one, PHONE, valueOfOne)).isEqualTo(NUMBER);
        var three = WorkspaceId.random();
        var valueOfThree = rotated.cipher().encrypt(three, PHONE, "+447700900123");
        assertThat(kekIds(database)).containsExactlyInAnyOrder(oldId, oldId, oldId, newId);
        var notYetRestarted = new Node(database, new MasterKeys(oldKey, List.of(newKey)), clock);
        assertThat(notYetRestarted.cipher().decrypt(three, PHONE, valueOfThree))
                .as("a node that knows the new key only as a previous one").isEqualTo("+447700900123");

        var rewrapped = rotated.rotation().rewrapDataKeys();

        assertThat(rewrapped).isEqualTo(new Rewrapped(newId, 3, 1, true));
        assertThat(kekIds(database)).containsOnly(newId).hasSize(4);
        assertThat(database.sql("select kek_id from privacy_index_keys").query(String.class).single()).isEqualTo(newId);
        assertThat(rotated.rotation().rewrapDataKeys()).as("a second run").isEqualTo(new Rewrapped(newId, 0, 4, false));

        var onlyTheNewKey = new Node(database, new MasterKeys(newKey, List.of()), clock);
        assertThat(onlyTheNewKey.cipher().decrypt(one, PHONE, valueOfOne)).isEqualTo(NUMBER);
        assertThat(onlyTheNewKey.cipher().decrypt(two, PHONE, firstOfTwo)).isEqualTo("+14155550100");
        assertThat(onlyTheNewKey.cipher().decrypt(two, PHONE, valueOfTwo)).isEqualTo("+14155550123");
        assertThat(onlyTheNewKey.index().of(one, new PhoneNumber(NUMBER))).as("blind index after rotation").isEqualTo(indexBefore);
        assertThat(onlyTheNewKey.index().tombstone(new PhoneNumber(NUMBER))).isEqualTo(tombstoneBefore);
    }

    /** Notes with a body each and, in every other one, a subject. */
    private List<UUID> insertNotes(EncryptedNotes notes, WorkspaceId workspace, int count) {
        var ids = new ArrayList<UUID>();
        for (int i = 0; i < count; i++) {
            ids.add(UUID.randomUUID());
            notes.insert(ids.getLast(), workspace, cipher.encrypt(workspace, EncryptedNotes.BODY, "note " + i),
                    i % 2 == 0 ? cipher.encrypt(workspace, EncryptedNotes.SUBJECT, "subject " + i) : null);
        }
        return ids;
    }

    private static List<String> kekIds(Database database) {
        return database.sql("select kek_id from workspace_data_keys").query(String.class).list();
    }

    /** A database of its own, migrated like the platform's, so that re-wrapping everything in it touches no other test. */
    private static Database freshDatabase() {
        var dataSource = new SimpleDriverDataSource(new Driver(), TestDatabase.jdbcUrl(TestDatabase.createDatabase()), "postgres", "");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        return new Database(JdbcClient.create(dataSource), new DataSourceTransactionManager(dataSource));
    }

    private record Database(JdbcClient jdbc, PlatformTransactionManager transactions) {

        JdbcClient.StatementSpec sql(String sql) {
            return jdbc.sql(sql);
        }
    }

    /** The privacy services of one platform node configured with the given master keys. */
    private record Node(MasterKeys masterKeys, FieldCipher cipher, BlindIndex index, KeyRotation rotation) {

        Node(Database database, MasterKeys masterKeys, Clock clock) {
            this(masterKeys, new DataKeys(database.jdbc(), database.transactions()),
                    new BlindIndexKeys(new IndexRootKeys(database.jdbc(), database.transactions()), masterKeys,
                            InMemoryKeys.noIndexKey(), clock),
                    clock);
        }

        private Node(MasterKeys masterKeys, DataKeys dataKeys, BlindIndexKeys indexKeys, Clock clock) {
            this(masterKeys, dataKeys, new WorkspaceDataKeys(dataKeys, masterKeys, clock), indexKeys);
        }

        private Node(MasterKeys masterKeys, DataKeys dataKeys, WorkspaceDataKeys workspaceKeys, BlindIndexKeys indexKeys) {
            this(masterKeys, new FieldCipher(workspaceKeys), new BlindIndex(indexKeys),
                    new KeyRotation(dataKeys, workspaceKeys, indexKeys, masterKeys));
        }
    }
}
