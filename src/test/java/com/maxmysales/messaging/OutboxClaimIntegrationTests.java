package com.maxmysales.messaging;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.maxmysales.support.TestDatabase;

import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbox's claim on real PostgreSQL, with the platform's schema: each number's due rows come lane by lane, one
 * per send slot that has come; a backlog on one number never holds another; slots are shared by every node.
 */
class OutboxClaimIntegrationTests {

    private static final Instant NOW = Instant.parse("2030-01-01T10:00:00Z");
    private static final Duration LEASE = Duration.ofMinutes(1);

    private static JdbcClient jdbc;
    private static TransactionTemplate transactions;
    private static Outbox outbox;

    private UUID workspace;
    private UUID contact;

    @BeforeAll
    static void schema() {
        var url = TestDatabase.jdbcUrl(TestDatabase.createDatabase());
        Flyway.configure().dataSource(url, "postgres", "").locations("classpath:db/migration").load().migrate();
        var dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(url);
        dataSource.setUsername("postgres");
        dataSource.setMaximumPoolSize(3);
        jdbc = JdbcClient.create(dataSource);
        transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        outbox = new Outbox(jdbc);
    }

    @BeforeEach
    void aWorkspaceAndAContact() {
        // Rows of earlier tests are sent, so that each test sees only its own queue.
        jdbc.sql("update messages set status = 'sent' where status = 'queued'").update();
        workspace = UUID.randomUUID();
        jdbc.sql("insert into workspaces (id, name, created_at) values (?, 'w', now())").param(workspace).update();
        contact = UUID.randomUUID();
        jdbc.sql("insert into contacts (id, workspace_id, created_at, updated_at) values (?, ?, now(), now())")
                .param(contact).param(workspace).update();
    }

    @Test
    void aNumbersRowsComeLaneByLaneOnePerSlotAndTheCampaignGetsTheSlotsLeft() {
        var number = number(10);
        var campaign = new ArrayList<UUID>();
        for (int i = 0; i < 5; i++) {
            campaign.add(queue(number, Lane.CAMPAIGN, NOW.minusSeconds(60 - i)));
        }
        var followUp = queue(number, Lane.FOLLOW_UP, NOW.minusSeconds(2));
        var reply = queue(number, Lane.CONVERSATION, NOW.minusSeconds(1));

        assertThat(claim(NOW)).as("the slot that has come goes to the reply, queued last").containsExactly(reply);
        assertThat(claim(NOW)).as("the next slot is 100 ms away at 10/s").isEmpty();
        assertThat(outbox.nextSlot(NOW)).hasValue(NOW.plusMillis(100));
        assertThat(claim(NOW.plusMillis(100))).containsExactly(followUp);
        assertThat(claim(NOW.plusMillis(200))).as("then the campaign, oldest first").containsExactly(campaign.get(0));
        assertThat(claim(NOW.plusMillis(300))).containsExactly(campaign.get(1));
    }

    @Test
    void aBacklogOfFiftyThousandOnOneNumberNeverHoldsAnotherNumbersReply() {
        var busy = number(80);
        var first = queue(busy, Lane.CAMPAIGN, NOW.minusSeconds(30));
        jdbc.sql("""
                insert into messages (id, workspace_id, conversation_id, channel_id, contact_id, direction, type, status,
                                      created_at, next_attempt_at, purpose, lane)
                select gen_random_uuid(), workspace_id, conversation_id, channel_id, contact_id, direction, type, status,
                       created_at, next_attempt_at, purpose, lane
                from messages, generate_series(1, 50_000) where id = ?""").param(first).update();
        var quiet = number(80);
        var reply = queue(quiet, Lane.CONVERSATION, NOW);

        var claimed = claim(NOW);

        assertThat(claimed).contains(reply);
        assertThat(claimed).as("one slot of each number").hasSize(2);
    }

    @Test
    void aClaimThatComesLateCatchesUpAtMostFiftyMillisecondsOfSlots() {
        var number = number(10);
        for (int i = 0; i < 30; i++) {
            queue(number, Lane.CAMPAIGN, NOW.minusSeconds(60));
        }
        jdbc.sql("update send_slots set next_slot_at = ? where channel_id = ?")
                .param(Timestamp.from(NOW.minusSeconds(5))).param(number).update();

        assertThat(claim(NOW)).as("no burst after a pause: the slot of the last 50 ms only").hasSize(1);
        assertThat(outbox.nextSlot(NOW)).hasValue(NOW.plusMillis(50));
    }

    @Test
    void rowsLeasedWaitingForARetryOrFailedAreNotClaimed() {
        var number = number(1000);
        var later = queue(number, Lane.CONVERSATION, NOW.plusSeconds(5));
        var leased = queue(number, Lane.CONVERSATION, NOW.minusSeconds(5));
        jdbc.sql("update messages set lease_until = ? where id = ?").param(Timestamp.from(NOW.plusSeconds(30))).param(leased).update();
        var sent = queue(number, Lane.CONVERSATION, NOW.minusSeconds(5));
        jdbc.sql("update messages set status = 'sent' where id = ?").param(sent).update();
        var due = queue(number, Lane.CAMPAIGN, NOW.minusSeconds(1));

        assertThat(claim(NOW)).containsExactly(due);
        assertThat(claim(NOW.plusSeconds(6))).as("the retry once due").containsExactly(later);
        assertThat(claim(NOW.plusSeconds(31))).as("the lease once expired").containsExactly(leased);
        assertThat(outbox.nextSlot(NOW.plusSeconds(31))).as("no number has work").isEmpty();
    }

    @Test
    void twoNodesClaimingAtOnceShareTheNumbersSlots() throws Exception {
        var number = number(10);
        for (int i = 0; i < 5; i++) {
            queue(number, Lane.CAMPAIGN, NOW.minusSeconds(60));
        }
        var firstHoldsTheSlot = new CountDownLatch(1);
        var secondClaimed = new CountDownLatch(1);
        try (var nodes = Executors.newVirtualThreadPerTaskExecutor()) {
            var first = nodes.submit(() -> transactions.execute(status -> {
                var rows = ids(outbox.claim(NOW, NOW.plus(LEASE), 100, 100));
                firstHoldsTheSlot.countDown();
                await(secondClaimed);
                return rows;
            }));
            await(firstHoldsTheSlot);
            var second = transactions.execute(status -> ids(outbox.claim(NOW, NOW.plus(LEASE), 100, 100)));
            secondClaimed.countDown();

            assertThat(first.get()).hasSize(1);
            assertThat(second).as("the number's slot is taken by the other node: skipped, not waited for").isEmpty();
        }
        assertThat(claim(NOW)).as("after the other node's commit, the slot has moved on").isEmpty();
        assertThat(claim(NOW.plusMillis(100))).hasSize(1);
    }

    @Test
    void aLowerRateFromMetaPacesTheBacklogAlreadyQueued() {
        var number = number(1000);
        for (int i = 0; i < 300; i++) {
            queue(number, Lane.CAMPAIGN, NOW.minusSeconds(60));
        }
        assertThat(claim(NOW)).hasSize(1);
        assertThat(claim(NOW.plusMillis(40))).as("40 ms at 1000/s").hasSize(40);

        outbox.pace(new com.maxmysales.shared.WorkspaceId(workspace), number, 80, null, null, NOW);

        assertThat(claim(NOW.plusMillis(80))).as("the next 39 ms at 80/s: 1 + 3 slots").hasSize(4);
        assertThat(outbox.nextSlot(NOW.plusMillis(80))).hasValue(NOW.plusMillis(91));
    }

    @Test
    void aHeldNumberGivesNothingUntilItsHoldEndsAndARestrictionHoldsOnlyTheLanesTheBusinessStarts() {
        var banned = number(10);
        var reply = queue(banned, Lane.CONVERSATION, NOW.minusSeconds(1));
        var restricted = number(10);
        var campaign = queue(restricted, Lane.CAMPAIGN, NOW.minusSeconds(5));
        var followUp = queue(restricted, Lane.FOLLOW_UP, NOW.minusSeconds(4));
        var bot = queue(restricted, Lane.BOT, NOW.minusSeconds(1));
        var id = new com.maxmysales.shared.WorkspaceId(workspace);
        outbox.pace(id, banned, 10, Lane.CONVERSATION.rank(), null, NOW);
        outbox.pace(id, restricted, 10, Lane.FOLLOW_UP.rank(), NOW.plusSeconds(10), NOW);

        assertThat(claim(NOW)).as("the ban holds even a reply; the restriction lets the bot's answer go")
                .containsExactly(bot);
        assertThat(claim(NOW.plusSeconds(5))).isEmpty();
        assertThat(outbox.nextSlot(NOW.plusSeconds(5))).as("no wake-ups for held work").isEmpty();
        assertThat(claim(NOW.plusSeconds(10))).as("the restriction expired: the one slot that has come, to the higher lane")
                .containsExactly(followUp);

        outbox.pace(id, banned, 10, null, null, NOW.plusSeconds(12));
        assertThat(claim(NOW.plusSeconds(12))).as("reinstated; and the other number's campaign in its next slot")
                .containsExactlyInAnyOrder(reply, campaign);
    }

    private List<UUID> claim(Instant now) {
        return transactions.execute(status -> ids(outbox.claim(now, now.plus(LEASE), 100, 100)));
    }

    private static List<UUID> ids(List<Outbox.Claimed> claimed) {
        return claimed.stream().map(row -> row.row().id()).toList();
    }

    /** A number at this rate whose first slot is {@link #NOW}. */
    private UUID number(int perSecond) {
        var channel = UUID.randomUUID();
        jdbc.sql("""
                insert into channels (id, workspace_id, phone_number_id, waba_id, display_phone_number, access_token,
                                      messages_per_second, created_at)
                values (?, ?, ?, 'waba', '+1 555 0100', '\\x00', ?, now())""")
                .params(channel, workspace, channel.toString(), perSecond).update();
        outbox.ensureSlot(new com.maxmysales.shared.WorkspaceId(workspace), channel, perSecond, NOW);
        return channel;
    }

    private UUID queue(UUID channel, Lane lane, Instant due) {
        var conversation = UUID.randomUUID();
        jdbc.sql("""
                insert into conversations (id, workspace_id, contact_id, channel_id, state, opened_at, last_message_at)
                values (?, ?, ?, ?, 'ended', now(), now())""")
                .params(conversation, workspace, contact, channel).update();
        var id = UUID.randomUUID();
        jdbc.sql("""
                insert into messages (id, workspace_id, conversation_id, channel_id, contact_id, direction, type, status,
                                      created_at, next_attempt_at, purpose, lane)
                values (?, ?, ?, ?, ?, 'outbound', 'template', 'queued', ?, ?, 'service', ?)""")
                .params(id, workspace, conversation, channel, contact, Timestamp.from(due), Timestamp.from(due), lane.rank())
                .update();
        return id;
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
