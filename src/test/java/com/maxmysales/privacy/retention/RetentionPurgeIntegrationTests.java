package com.maxmysales.privacy.retention;

import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import com.maxmysales.privacy.audit.AuditLog;
import com.maxmysales.privacy.crypto.BlindIndex;
import com.maxmysales.privacy.crypto.FieldCipher;
import com.maxmysales.privacy.spi.RequestActors;
import com.maxmysales.shared.PhoneNumber;
import com.maxmysales.shared.WorkspaceId;
import com.maxmysales.support.ClockedPlatformTest;
import com.maxmysales.support.FailingHolder;
import com.maxmysales.support.Http;
import com.maxmysales.support.MetaWebhooks;
import com.maxmysales.support.MutableClock;
import com.maxmysales.support.PlatformTest;
import com.maxmysales.support.SandboxNumber;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.maxmysales.support.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The retention purge (P4) on the platform whose clock the tests move ({@link ClockedPlatformTest}): a purge that
 * runs "in 2031" must not touch what other test classes keep in theirs. Times are relative to the clock's now,
 * which other classes of that platform may have moved on. The scheduled purge is held off so that only the test
 * purges; the platform's audit chain begins with two records eight years old ({@link AncientAuditRecords}).
 */
@ClockedPlatformTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RetentionPurgeIntegrationTests {

    /** The key scope of raw webhook bodies, which belong to no workspace yet. */
    static final WorkspaceId PLATFORM_SCOPE = new WorkspaceId(new UUID(0, 0));

    @LocalServerPort
    int port;
    @Autowired
    RetentionPurge purge;
    @Autowired
    AuditLog audit;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    FieldCipher cipher;
    @Autowired
    BlindIndex index;
    @Autowired
    MutableClock clock;
    @Autowired
    FailingHolder failingHolder;
    @Value("${spring.datasource.url}")
    String databaseUrl;

    Http http;
    /** The clock's time when the test began: every seeded time is relative to it. */
    Instant now;

    @BeforeEach
    void client() {
        http = new Http(port);
        now = clock.instant();
    }

    @Test
    void aDryRunCountsAndChangesNothingThenThePurgeRemovesExactlyWhatOutlivedItsWindow() {
        var shop = new Seeded(http.createWorkspace("Thirty days"));
        var ended31 = shop.message(shop.conversation(shop.contact(), days(31)), days(32));
        var ended29 = shop.message(shop.conversation(shop.contact(), days(29)), days(30));
        var open = shop.message(shop.openConversation(shop.contact()), days(60));
        var heldContact = shop.contact();
        var ofHeldContact = shop.message(shop.conversation(heldContact, days(40)), days(41));
        var heldConversation = shop.conversation(shop.contact(), days(40));
        var inHeldConversation = shop.message(heldConversation, days(41));
        var yearOld = shop.conversation(shop.contact(), days(400));
        var inYearOld = shop.message(yearOld, days(401));
        shop.hold("contact", heldContact);
        shop.hold("conversation", heldConversation);
        var week = new Seeded(http.createWorkspace("Seven days"));
        week.chooseContentRetention("P7D");
        var ended8 = week.message(week.conversation(week.contact(), days(8)), days(9));
        var ended6 = week.message(week.conversation(week.contact(), days(6)), days(7));
        var raw8 = rawEvent(days(8), "processed");
        var raw6 = rawEvent(days(6), "processed");
        var rawPending = rawEvent(days(40), "pending");

        var rehearsal = purge.run(true, "test");

        assertThat(rehearsal.ran()).isTrue();
        assertThat(rehearsal.dryRun()).isTrue();
        assertThat(linesOf(rehearsal, shop)).containsExactlyInAnyOrder(
                tuple("content", "messages", 2, 2), tuple("traffic-metadata", "messages", 2, 0));
        assertThat(linesOf(rehearsal, week)).containsExactly(tuple("content", "messages", 1, 0));
        // Raw events of other classes on this platform may be due as well: which of these go is asserted below.
        assertThat(rehearsal.lines()).filteredOn(line -> line.workspace() == null)
                .extracting(PurgeLine::retentionClass, PurgeLine::category)
                .contains(tuple("content", "raw webhook events"));
        assertThat(rehearsal.lines()).filteredOn(line -> line.workspace() == null)
                .extracting(PurgeLine::retentionClass, PurgeLine::category, PurgeLine::purged)
                .contains(tuple("audit", "audit records", 2));
        assertThat(withContent(ended31, ended29, open, ofHeldContact, inHeldConversation, inYearOld, ended8, ended6))
                .as("a dry run changes nothing").isEqualTo(8);
        assertThat(exists("conversations", yearOld)).isTrue();
        assertThat(exists("webhook_events", raw8)).isTrue();
        assertThat(ancientAuditRecords()).isEqualTo(2);

        var report = purge.run(false, "test");

        assertThat(linesOf(report, shop)).isEqualTo(linesOf(rehearsal, shop));
        assertThat(linesOf(report, week)).isEqualTo(linesOf(rehearsal, week));
        assertThat(hasContent(ended31)).as("ended 31 days ago").isFalse();
        assertThat(jdbc.sql("select type, status from messages where id = ?").param(ended31).query().singleRow())
                .as("metadata stays").containsEntry("type", "text").containsEntry("status", "received");
        assertThat(hasContent(ended29)).as("ended 29 days ago").isTrue();
        assertThat(hasContent(open)).as("still open, however old").isTrue();
        assertThat(hasContent(ofHeldContact)).as("contact under legal hold").isTrue();
        assertThat(hasContent(inHeldConversation)).as("conversation under legal hold").isTrue();
        assertThat(exists("messages", inYearOld) || exists("conversations", yearOld)).as("traffic metadata past a year").isFalse();
        assertThat(hasContent(ended8)).as("the workspace keeps content 7 days").isFalse();
        assertThat(hasContent(ended6)).isTrue();
        assertThat(exists("webhook_events", raw8)).as("raw events go at the shortest window of any workspace").isFalse();
        assertThat(exists("webhook_events", raw6) && exists("webhook_events", rawPending)).isTrue();
        assertThat(ancientAuditRecords()).as("audit records past 7 years").isZero();
        assertThat(audit.verify().intact()).as("the chain still verifies from its new first row").isTrue();

        var again = purge.run(false, "test");
        assertThat(linesOf(again, shop)).as("nothing left to purge; the held stay held")
                .containsExactly(tuple("content", "messages", 0, 2));
    }

    @Test
    void aBusinessRehearsesHoldsAndPurgesItsOwnWorkspaceThroughTheApiAndSeesTheHistory() {
        var shop = new Seeded(http.createWorkspace("API purge"));
        var contact = shop.contact();
        var message = shop.message(shop.conversation(contact, days(35)), days(36));
        var placed = http.post("/api/v1/privacy/legal-holds", shop.apiKey, """
                {"recordType": "contact", "recordId": "%s", "reason": "Consumer court case 42/2030"}""".formatted(contact));
        assertThat(placed.status()).isEqualTo(201);
        assertThat(placed.json().get("placedBy").asString()).startsWith("api-key:");
        assertThat(http.delete("/api/v1/contacts/" + contact, shop.apiKey).status()).as("erasure refused while held").isEqualTo(409);

        var rehearsal = http.post("/api/v1/privacy/purges", shop.apiKey, "{\"dryRun\": true}").json();
        assertThat(rehearsal.get("dryRun").asBoolean()).isTrue();
        assertThat(rehearsal.get("lines").get(0).get("held").asInt()).isEqualTo(1);
        assertThat(http.delete("/api/v1/privacy/legal-holds/" + placed.json().get("id").asString(), shop.apiKey).status())
                .isEqualTo(204);
        var rehearsedAgain = http.post("/api/v1/privacy/purges", shop.apiKey, "{\"dryRun\": true}").json();
        assertThat(rehearsedAgain.get("lines").get(0).get("purged").asInt()).isEqualTo(1);
        assertThat(hasContent(message)).isTrue();

        var purged = http.post("/api/v1/privacy/purges", shop.apiKey, "{}").json();

        assertThat(purged.get("dryRun").asBoolean()).isFalse();
        assertThat(hasContent(message)).isFalse();
        var history = http.get("/api/v1/privacy/purges", shop.apiKey).json();
        assertThat(history.size()).isEqualTo(3);
        assertThat(history.get(0).get("lines").get(0).get("category").asString()).isEqualTo("messages");
        assertThat(http.get("/api/v1/privacy/legal-holds", shop.apiKey).json().get(0).get("releasedBy").asString())
                .startsWith("api-key:");
        assertThat(http.get("/api/v1/privacy/audit?action=privacy.", shop.apiKey).json().get("items")
                .findValuesAsString("action")).contains("privacy.legal-hold.place", "privacy.legal-hold.release",
                "privacy.purge.dry-run", "privacy.purge");
        assertThat(http.put("/api/v1/privacy/retention", shop.apiKey, "{\"content\": \"P31D\"}").status())
                .as("never more than the platform's 30 days").isEqualTo(400);
    }

    @Test
    void leadAnswersGoWithTheContentWindowAndLeadsWithTheMetadata() {
        var apiKey = http.createWorkspace("Lead retention");
        var created = http.post("/api/v1/lead-sources", apiKey, "{\"type\": \"google\"}").json();
        var key = created.get("key").asString();
        var source = created.get("id").asString();
        var leads = new java.util.LinkedHashMap<String, UUID>();
        for (var name : List.of("old", "recent", "held", "yearOld")) {
            var leadId = name + "-" + UUID.randomUUID();
            assertThat(http.post("/webhooks/leads/google?source=" + source, null, """
                    {"lead_id": "%s", "google_key": "%s", "user_column_data": [
                     {"column_id": "PHONE_NUMBER", "string_value": "+9198%08d"}]}"""
                    .formatted(leadId, key, Math.abs(leadId.hashCode()) % 100_000_000)).status()).isEqualTo(200);
            await(() -> jdbc.sql("select count(*) from leads where external_id = ? and stage = 'processed'")
                    .param(leadId).query(Integer.class).single() == 1);
            leads.put(name, jdbc.sql("select id from leads where external_id = ?").param(leadId).query(UUID.class).single());
        }
        receivedDaysAgo(leads.get("old"), 31);
        receivedDaysAgo(leads.get("recent"), 29);
        receivedDaysAgo(leads.get("held"), 40);
        receivedDaysAgo(leads.get("yearOld"), 400);
        var heldContact = jdbc.sql("select contact_id from leads where id = ?").param(leads.get("held")).query(UUID.class).single();
        assertThat(http.post("/api/v1/privacy/legal-holds", apiKey, """
                {"recordType": "contact", "recordId": "%s", "reason": "dispute"}""".formatted(heldContact)).status()).isEqualTo(201);

        // The workspace's own purge: a platform-wide one here would take other tests' audit records with it.
        var lines = http.post("/api/v1/privacy/purges", apiKey, "{}").json().get("lines");

        assertThat(lines.valueStream().filter(line -> line.get("category").asString().equals("leads"))
                .map(line -> tuple(line.get("retentionClass").asString(), line.get("purged").asInt(), line.get("held").asInt())))
                .contains(tuple("content", 2, 1), tuple("traffic-metadata", 1, 0));
        assertThat(leadAnswers(leads.get("old"))).as("31 days old: answers gone").isFalse();
        assertThat(leadAnswers(leads.get("recent"))).as("29 days old").isTrue();
        assertThat(leadAnswers(leads.get("held"))).as("its contact is held").isTrue();
        assertThat(exists("leads", leads.get("yearOld"))).as("the lead itself is metadata, gone after a year").isFalse();
        assertThat(exists("leads", leads.get("old"))).isTrue();
    }

    /**
     * "One node at a time": while another node holds the purge's advisory lock, a purge here, a business's or the
     * operator's, is refused with {@code 409 purge-running} and changes nothing; when that node dies (its session ends
     * without unlocking), the next purge runs. Take the lock as granted whatever {@code pg_try_advisory_lock} answers
     * (AdvisoryLock) → the purge runs beside the other node: fails.
     */
    @Test
    void aPurgeRunsOnOneNodeAtATimeAndANodeThatDiesReleasesTheLock() throws Exception {
        var shop = new Seeded(http.createWorkspace("One node at a time"));
        var message = shop.message(shop.conversation(shop.contact(), days(31)), days(32));
        var otherNode = DriverManager.getConnection(databaseUrl, "postgres", "");
        try {
            try (var statement = otherNode.prepareStatement("select pg_advisory_lock(?)")) {
                statement.setLong(1, RetentionPurge.LOCK_KEY);
                statement.execute();
            }

            var refused = http.post("/api/v1/privacy/purges", shop.apiKey, "{}");
            var operators = http.post("/api/v1/admin/privacy/purges", PlatformTest.ADMIN_TOKEN, "{\"dryRun\": true}");

            assertThat(refused.status()).as(refused.body()).isEqualTo(409);
            assertThat(refused.json().get("type").asString()).isEqualTo("urn:maxmysales:problem:purge-running");
            assertThat(operators.status()).isEqualTo(409);
            assertThat(purge.run(false, "test").ran()).isFalse();
            assertThat(hasContent(message)).as("nothing purged while another node purges").isTrue();
        } finally {
            otherNode.abort(Runnable::run);
        }
        await(() -> jdbc.sql("""
                select count(*) from pg_locks
                where locktype = 'advisory' and ((classid::bigint << 32) | objid::bigint) = ?
                """).param(RetentionPurge.LOCK_KEY).query(Integer.class).single() == 0);

        var purged = http.post("/api/v1/privacy/purges", shop.apiKey, "{}");

        assertThat(purged.status()).as(purged.body()).isEqualTo(200);
        assertThat(purged.json().get("ran").asBoolean()).isTrue();
        assertThat(hasContent(message)).isFalse();
    }

    /**
     * Content goes in batches of 10,000 rows, each committed on its own, so a backlog never holds its row locks for
     * long: 25,001 due rows are changed by three transactions, told apart by their {@code xmin}. Purge them in one
     * statement (MessagingPersonalData, PURGE_BATCH unbounded) → one transaction: fails.
     */
    @Test
    void contentGoesInBatchesOfTenThousandEachCommittedOnItsOwn() {
        var shop = new Seeded(http.createWorkspace("A backlog"));
        var conversation = shop.conversation(shop.contact(), days(31));
        jdbc.sql("""
                insert into messages (id, workspace_id, conversation_id, channel_id, contact_id, direction, type, text,
                                      payload, status, created_at)
                select gen_random_uuid(), c.workspace_id, c.id, c.channel_id, c.contact_id, 'inbound', 'text', '\\x07'::bytea,
                       '\\x08'::bytea, 'received', ?
                from conversations c, generate_series(1, 25001)
                where c.id = ?
                """).params(Timestamp.from(days(32)), conversation).update();

        var report = purge.run(shop.id, false, "test");

        assertThat(linesOf(report, shop)).containsExactly(tuple("content", "messages", 25_001, 0));
        assertThat(jdbc.sql("select count(*) from messages where conversation_id = ? and (text is not null or payload is not null)")
                .param(conversation).query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("select count(distinct xmin::text) from messages where conversation_id = ?").param(conversation)
                .query(Integer.class).single()).as("transactions that purged them").isEqualTo(3);
    }

    /**
     * A holder that fails is counted and skipped: the others purge, the run reports the failure, the log names its type
     * but never its message (a database error may quote a value), and the next run reaches the holder again. Let the
     * failure out of RetentionPurge.Run.count → the whole run fails: fails; log the exception itself → the quoted
     * number is in the log: fails.
     */
    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void aHolderThatFailsIsCountedAndSkippedWhileTheOthersPurge(CapturedOutput output) {
        var shop = new Seeded(http.createWorkspace("A broken module"));
        var message = shop.message(shop.conversation(shop.contact(), days(31)), days(32));
        failingHolder.failFor(shop.id);
        try {
            var report = purge.run(shop.id, false, "test");

            assertThat(report.ran()).isTrue();
            assertThat(report.failures()).isEqualTo(1);
            assertThat(hasContent(message)).as("the messages went all the same").isFalse();
            assertThat(output.getAll()).contains("test records").contains(IllegalStateException.class.getName())
                    .doesNotContain(FailingHolder.QUOTED_NUMBER);
        } finally {
            failingHolder.heal(shop.id);
        }

        var next = purge.run(shop.id, false, "test");

        assertThat(next.failures()).isZero();
        assertThat(failingHolder.purged(shop.id)).as("the next run reached it").isTrue();
    }

    private void receivedDaysAgo(UUID lead, int days) {
        jdbc.sql("update leads set received_at = ? where id = ?").params(Timestamp.from(days(days)), lead).update();
    }

    private boolean leadAnswers(UUID lead) {
        return jdbc.sql("select answers is not null from leads where id = ?").param(lead).query(Boolean.class).single();
    }

    /** Last: its real purge of every workspace would take the ancient audit records the first test counts. */
    @Test
    @Order(Integer.MAX_VALUE)
    void rawWebhookEventsOfAHeldConversationsPersonOutliveTheirWindowOnlyForTheHoldingWorkspace() {
        var shop = new Seeded(http.createWorkspace("Raw events held"));
        var other = new Seeded(http.createWorkspace("Same person elsewhere"));
        var heldPerson = "91955" + (1_000_000 + Math.abs(UUID.randomUUID().getLeastSignificantBits() % 8_000_000));
        var freePerson = String.valueOf(Long.parseLong(heldPerson) + 1);
        var heldEvent = shop.rawEventFrom(heldPerson, days(45));
        var freeEvent = shop.rawEventFrom(freePerson, days(45));
        var elsewhereEvent = other.rawEventFrom(heldPerson, days(45));
        var conversation = shop.conversation(shop.contactWithPhone(heldPerson), days(40));
        shop.contactWithPhone(freePerson);
        other.contactWithPhone(heldPerson);
        shop.hold("conversation", conversation);

        var rehearsal = purge.run(true, "test");
        var report = purge.run(false, "test");

        assertThat(exists("webhook_events", heldEvent)).as("about the held conversation's person, to the holding workspace").isTrue();
        assertThat(exists("webhook_events", freeEvent)).as("another person of the same workspace").isFalse();
        assertThat(exists("webhook_events", elsewhereEvent)).as("the held person, to another workspace").isFalse();
        for (var run : List.of(rehearsal, report)) {
            assertThat(run.lines()).filteredOn(line -> line.workspace() == null && line.category().equals("raw webhook events"))
                    .extracting(PurgeLine::held).containsExactly(1);
        }
    }

    private Instant days(int ago) {
        return now.minus(Duration.ofDays(ago));
    }

    private List<Tuple> linesOf(PurgeReport report, Seeded workspace) {
        return report.lines().stream().filter(line -> workspace.id.value().equals(line.workspace()))
                .filter(line -> line.category().equals("messages") && (line.purged() > 0 || line.held() > 0))
                .map(line -> tuple(line.retentionClass(), line.category(), line.purged(), line.held())).toList();
    }

    private boolean hasContent(UUID message) {
        return jdbc.sql("select text is not null and payload is not null from messages where id = ?").param(message)
                .query(Boolean.class).single();
    }

    private int withContent(UUID... messages) {
        return jdbc.sql("select count(*) from messages where id in (:ids) and text is not null and payload is not null")
                .param("ids", List.of(messages)).query(Integer.class).single();
    }

    private boolean exists(String table, Object id) {
        return jdbc.sql("select count(*) from " + table + " where id = ?").param(id).query(Integer.class).single() == 1;
    }

    private int ancientAuditRecords() {
        return jdbc.sql("select count(*) from audit_log where action = 'test.ancient'").query(Integer.class).single();
    }

    private long rawEvent(Instant receivedAt, String state) {
        return jdbc.sql("""
                insert into webhook_events (body_hash, body, received_at, state, next_attempt_at)
                values (?, ?, ?, ?, ?) returning id
                """)
                .params(HexFormat.of().parseHex(UUID.randomUUID().toString().replace("-", "").repeat(2)),
                        new byte[] {1, 2, 3}, Timestamp.from(receivedAt), state, Timestamp.from(receivedAt))
                .query(Long.class).single();
    }

    /** A workspace with a connected number, and rows written as messaging writes them, at chosen times. */
    private final class Seeded {

        final String apiKey;
        final WorkspaceId id;
        final UUID channel;
        final String phoneNumberId;

        Seeded(String apiKey) {
            this.apiKey = apiKey;
            this.id = WorkspaceId.of(http.get("/api/v1/workspace", apiKey).json().get("id").asString());
            var number = SandboxNumber.connect(http, apiKey);
            this.phoneNumberId = number.phoneNumberId();
            this.channel = UUID.fromString(number.channelId());
        }

        UUID contact() {
            var contact = UUID.randomUUID();
            jdbc.sql("insert into contacts (id, workspace_id, created_at, updated_at) values (?, ?, ?, ?)")
                    .params(contact, id.value(), Timestamp.from(days(500)), Timestamp.from(days(500))).update();
            return contact;
        }

        UUID conversation(UUID contact, Instant endedAt) {
            var conversation = UUID.randomUUID();
            jdbc.sql("""
                    insert into conversations (id, workspace_id, contact_id, channel_id, state, opened_at, last_message_at, ended_at)
                    values (?, ?, ?, ?, 'ended', ?, ?, ?)
                    """)
                    .params(conversation, id.value(), contact, channel, Timestamp.from(endedAt.minus(Duration.ofDays(1))),
                            Timestamp.from(endedAt.minus(Duration.ofDays(1))), Timestamp.from(endedAt))
                    .update();
            return conversation;
        }

        UUID openConversation(UUID contact) {
            var conversation = UUID.randomUUID();
            jdbc.sql("""
                    insert into conversations (id, workspace_id, contact_id, channel_id, state, opened_at, last_message_at)
                    values (?, ?, ?, ?, 'open', ?, ?)
                    """)
                    .params(conversation, id.value(), contact, channel, Timestamp.from(days(60)),
                            Timestamp.from(now.minus(Duration.ofHours(1))))
                    .update();
            return conversation;
        }

        UUID message(UUID conversation, Instant createdAt) {
            var message = UUID.randomUUID();
            jdbc.sql("""
                    insert into messages (id, workspace_id, conversation_id, channel_id, contact_id, direction, type, text,
                                          payload, status, created_at)
                    select ?, workspace_id, id, channel_id, contact_id, 'inbound', 'text', ?, ?, 'received', ?
                    from conversations where id = ?
                    """)
                    .params(message, new byte[] {7, 7, 7}, new byte[] {8, 8, 8}, Timestamp.from(createdAt), conversation)
                    .update();
            return message;
        }

        void hold(String recordType, UUID record) {
            assertThat(http.post("/api/v1/privacy/legal-holds", apiKey, """
                    {"recordType": "%s", "recordId": "%s", "reason": "Tax audit 2030"}""".formatted(recordType, record))
                    .status()).isEqualTo(201);
        }

        UUID contactWithPhone(String waId) {
            return UUID.fromString(http.post("/api/v1/contacts", apiKey, "{\"phone\": \"+" + waId + "\"}").json()
                    .get("id").asString());
        }

        /** A webhook from the customer to this workspace's number, stored and processed as the inbox does it. */
        long rawEventFrom(String waId, Instant receivedAt) {
            var message = """
                    { "from": "%s", "id": "wamid.HELD%s%d", "timestamp": "%d", "type": "text", "text": { "body": "hello" } }"""
                    .formatted(waId, waId, System.nanoTime(), receivedAt.getEpochSecond());
            var body = MetaWebhooks.inbound(phoneNumberId, waId, "Person " + waId, message).getBytes(StandardCharsets.UTF_8);
            var event = jdbc.sql("""
                    insert into webhook_events (body_hash, body, received_at, state, next_attempt_at, processed_at)
                    values (sha256(?), ?, ?, 'processed', ?, ?) returning id
                    """)
                    .params(body, cipher.encryptBytes(PLATFORM_SCOPE, "webhook_events.body", body), Timestamp.from(receivedAt),
                            Timestamp.from(receivedAt), Timestamp.from(receivedAt))
                    .query(Long.class).single();
            jdbc.sql("insert into webhook_event_subjects (event_id, subject) values (?, ?)")
                    .params(event, index.tombstone(PhoneNumber.fromWhatsAppId(waId))).update();
            return event;
        }

        void chooseContentRetention(String duration) {
            assertThat(http.put("/api/v1/privacy/retention", apiKey, "{\"content\": \"" + duration + "\"}").status())
                    .isEqualTo(200);
        }
    }
}
