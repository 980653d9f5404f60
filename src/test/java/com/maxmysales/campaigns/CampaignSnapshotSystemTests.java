package com.maxmysales.campaigns;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import com.maxmysales.contacts.ContactNumberChanges;
import com.maxmysales.shared.ContactId;
import com.maxmysales.shared.WorkspaceId;
import com.maxmysales.support.Http;
import com.maxmysales.support.PlatformTest;
import com.maxmysales.support.WebSession;
import com.maxmysales.tenancy.ApiKeyManagement;
import com.maxmysales.tenancy.BusinessUserPrincipal;
import com.maxmysales.tenancy.Role;
import com.maxmysales.tenancy.SignUp;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static com.maxmysales.support.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 16: a launched campaign reads its audience a page per engine step and feeds from each page at once, so its
 * first messages go out after the first page rather than after the whole audience. Pages of two contacts here, and
 * the engine stopped so that each test takes its steps one by one (its {@code work()}, as its poller calls it),
 * then started again to finish the campaign as it would.
 */
@PlatformTest
@TestPropertySource(properties = "maxmysales.campaigns.snapshot-page=2")
class CampaignSnapshotSystemTests {

    private static final String PASSWORD = "a long enough password";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    CampaignEngine engine;
    @Autowired
    SignUp signUp;
    @Autowired
    ApiKeyManagement apiKeys;
    @Autowired
    ContactNumberChanges numberChanges;
    @Autowired
    PlatformTransactionManager transactions;

    @BeforeEach
    void stepByHand() {
        engine.stop();
    }

    @AfterEach
    void runAgain() {
        if (!engine.isRunning()) {
            engine.start();
        }
    }

    /**
     * The audience, newest first as it is read: an opted-out and an unconsented contact (page 1), two (page 2), two
     * (page 3), one (page 4). Page 1 gives nobody to send to, and the campaign is not complete for it; page 2's
     * recipients are sent while pages are left. The last contact opts out before its page is read, and a number that
     * moves from a page-2 recipient to a page-3 contact is given once.
     */
    @Test
    void sendingStartsWithTheFirstPageAndTheCampaignCompletesAfterTheLast() throws Exception {
        var email = "owner-" + UUID.randomUUID().toString().substring(0, 8) + "@paged-shop.example";
        var created = (SignUp.Result.Created) signUp.register(new SignUp.Form("Paged Shop", "Asha", email, PASSWORD,
                true, true));
        var owner = new BusinessUserPrincipal(created.owner(), created.workspace(), Role.OWNER, null);
        var shop = CampaignFixture.forKey(new Http(port), apiKeys.create(owner, "paged key", Role.OWNER).key().reveal(), 80);
        // One call per page: a call's contacts may share their creation time, and the audience is read newest first.
        var oldest = shop.contacts("paged", "+9190021", 0, 1, true, "").getFirst();
        var third = shop.contacts("paged", "+9190021", 1, 2, true, "");
        var second = shop.contacts("paged", "+9190021", 3, 2, true, "");
        var unconsented = shop.contacts("paged", "+9190021", 5, 1, false, "").getFirst();
        var optedOut = shop.contacts("paged", "+9190021", 6, 1, true, "").getFirst();
        shop.optOut(optedOut);
        var campaign = shop.campaign("paged");
        var preview = shop.http().get("/api/v1/campaigns/" + campaign + "/preview", shop.apiKey()).json();
        assertThat(preview.get("recipients").asLong()).isEqualTo(5);
        assertThat(preview.get("exclusions").toString()).isEqualTo("{\"opted-out\":1,\"no-consent\":1}");
        shop.post(campaign, "launch");

        assertThat(engine.work()).as("pages are left: the poller comes straight back").isPositive();
        var afterFirst = shop.get(campaign);
        assertThat(afterFirst.get("status").asString()).as("nobody pending yet, but pages are left").isEqualTo("running");
        assertThat(afterFirst.get("readingAudience").asBoolean()).isTrue();
        assertThat(afterFirst.get("counts").get("excluded").asLong()).isEqualTo(2);
        assertThat(afterFirst.get("counts").get("targeted").asLong()).isZero();
        var web = new WebSession(port, WebSession.newClientAddress());
        assertThat(web.signIn(email, PASSWORD)).isTrue();
        assertThat(web.get("/app/campaigns/" + campaign).body()).contains("2 contacts of the audience read so far (2 excluded); the totals below grow as it reads.");

        shop.optOut(oldest);
        engine.work();
        assertThat(shop.get(campaign).get("readingAudience").asBoolean()).isTrue();
        assertThat(shop.recipients(campaign).stream().filter(r -> second.contains(r.get("contactId").asString())))
                .as("page 2 is fed while pages are left").hasSize(2)
                .allSatisfy(r -> assertThat(r.path("messageId").isString()).as(r.toString()).isTrue());
        await(Duration.ofSeconds(30), () -> shop.counts(campaign).get("sent").asLong() == 2);

        // The first of page 2 changes number, and a contact of page 3 takes the one it was sent to.
        var given = phone(shop, second.getFirst());
        assertThat(shop.http().patch("/api/v1/contacts/" + second.getFirst(), shop.apiKey(),
                "{\"phone\": \"+919002199999\"}").status()).isEqualTo(200);
        assertThat(shop.http().patch("/api/v1/contacts/" + third.getFirst(), shop.apiKey(),
                "{\"phone\": \"" + given + "\"}").status()).isEqualTo(200);
        engine.work();
        assertThat(shop.get(campaign).get("readingAudience").asBoolean()).isTrue();
        engine.work();
        assertThat(shop.get(campaign).get("readingAudience").asBoolean()).as("page 4 was the last").isFalse();

        engine.start();
        await(Duration.ofSeconds(30), () -> "completed".equals(shop.get(campaign).get("status").asString()));
        awaitEveryoneRead(shop, campaign);
        var recipients = shop.recipients(campaign);
        assertThat(recipients).hasSize(7);
        assertThat(recipients.stream().filter(r -> "excluded".equals(r.get("status").asString()))
                .map(r -> r.get("contactId").asString() + "=" + r.get("exclusion").asString()))
                .containsExactlyInAnyOrder(optedOut + "=opted-out", unconsented + "=no-consent", oldest + "=opted-out",
                        third.getFirst() + "=duplicate-phone");
        assertThat(recipients.stream().filter(r -> "read".equals(r.get("status").asString()))
                .map(r -> r.get("contactId").asString()))
                .containsExactlyInAnyOrder(second.get(0), second.get(1), third.get(1));
        assertThat(messagesOf(campaign)).as("one message per recipient sent to").isEqualTo(3);
        assertThat(claimedPhones(campaign)).as("the snapshot's phones are not kept after it").isZero();
    }

    /**
     * A step that fails after reading its page (as a crash in its transaction would) records nothing of it; the
     * engine, started again, goes on from the cursor the page before committed, and nobody is recorded or sent twice.
     */
    @Test
    void aSnapshotBrokenOffBetweenPagesGoesOnFromItsCursorAndSendsNobodyTwice() throws Exception {
        var shop = CampaignFixture.create(new Http(port), "Resumed Shop", 80);
        var audience = shop.contacts("resumed", "+9190022", 0, 6, true, "");
        var campaign = shop.campaign("resumed");
        shop.post(campaign, "launch");

        engine.work();
        var cursor = cursor(campaign);
        assertThat(cursor).as("the audience's position after page 1").isNotNull();
        assertThat(shop.recipients(campaign)).hasSize(2);
        var trigger = "broken_" + UUID.randomUUID().toString().substring(0, 8);
        jdbc.sql("""
                create function %1$s() returns trigger language plpgsql as $$
                begin
                    raise exception 'killed mid-page';
                end $$""".formatted(trigger)).update();
        jdbc.sql("""
                create trigger %1$s before update of snapshot_cursor on campaigns for each row
                when (new.id = '%2$s') execute function %1$s()""".formatted(trigger, campaign)).update();
        try {
            assertThatThrownBy(engine::work).hasMessageContaining("killed mid-page");
            assertThat(cursor(campaign)).isEqualTo(cursor);
            assertThat(shop.recipients(campaign)).as("page 2's rows went with its transaction").hasSize(2);
            assertThat(claimedPhones(campaign)).as("and so did its phones").isEqualTo(2);
        } finally {
            jdbc.sql("drop trigger " + trigger + " on campaigns").update();
            jdbc.sql("drop function " + trigger + "()").update();
        }

        engine.start();
        await(Duration.ofSeconds(30), () -> "completed".equals(shop.get(campaign).get("status").asString()));
        awaitEveryoneRead(shop, campaign);
        var recipients = shop.recipients(campaign);
        assertThat(recipients.stream().map(r -> r.get("contactId").asString()))
                .containsExactlyInAnyOrderElementsOf(audience);
        assertThat(recipients).allSatisfy(r -> assertThat(r.get("status").asString()).isEqualTo("read"));
        assertThat(jdbc.sql("select array_agg(seq order by seq)::text from campaign_recipients where campaign_id = ?")
                .param(UUID.fromString(campaign)).query(String.class).single()).isEqualTo("{1,2,3,4,5,6}");
        assertThat(messagesOf(campaign)).isEqualTo(6);
    }

    /**
     * A paused campaign reads no further page until it is resumed, and goes on from where it stopped; a cancel
     * between pages ends the reading: no page after it, nobody left pending, and the phones it had given forgotten.
     */
    @Test
    void aPauseBetweenPagesHoldsTheReadingAndACancelEndsIt() throws Exception {
        var shop = CampaignFixture.create(new Http(port), "Held Shop", 80);
        shop.contacts("held", "+9190023", 0, 6, true, "");
        var campaign = shop.campaign("held");
        shop.post(campaign, "launch");
        engine.work();

        assertThat(shop.post(campaign, "pause").get("status").asString()).isEqualTo("paused");
        engine.work();
        assertThat(shop.recipients(campaign)).as("no page read while paused").hasSize(2);
        assertThat(shop.get(campaign).get("readingAudience").asBoolean()).isTrue();
        shop.post(campaign, "resume");
        engine.work();
        assertThat(shop.recipients(campaign)).as("the next page after a resume").hasSize(4);

        var cancelled = shop.post(campaign, "cancel");
        assertThat(cancelled.get("status").asString()).isEqualTo("cancelled");
        assertThat(cancelled.get("readingAudience").asBoolean()).isFalse();
        assertThat(claimedPhones(campaign)).isZero();
        engine.work();
        var recipients = shop.recipients(campaign);
        assertThat(recipients).as("no page read after the cancel").hasSize(4);
        assertThat(recipients).as("nobody left to feed")
                .noneSatisfy(r -> assertThat(r.get("status").asString()).isEqualTo("pending"));
        assertThat(messagesOf(campaign)).isLessThanOrEqualTo(4);
    }

    /**
     * A customer whose contact is not read yet moves to the number a contact of page 1 was sent to: the two are one
     * person, and the younger, read already, is merged into the older (a merge deletes it). The older, read on a later
     * page with that number, was given it again, as the phone the merged contact held went with it: the same
     * person got the campaign twice. Its recipient row and its phone follow it to the survivor, who is recorded once.
     */
    @Test
    void aNumberAMergeMovesToAContactNotReadYetIsGivenOnce() throws Exception {
        var shop = CampaignFixture.create(new Http(port), "Merged Shop", 80);
        // One call per page, oldest first: read newest first, page 2 holds the changer, page 1 the two newest.
        var changer = shop.contacts("merged", "+9190024", 0, 1, true, "").getFirst();
        shop.contacts("merged", "+9190024", 1, 1, true, "");
        var first = shop.contacts("merged", "+9190024", 2, 2, true, "");
        var campaign = shop.campaign("merged");
        shop.post(campaign, "launch");
        engine.work();
        assertThat(shop.recipients(campaign).stream().map(r -> r.get("contactId").asString()))
                .containsExactlyInAnyOrderElementsOf(first);
        var given = phone(shop, first.getFirst());
        var workspace = new WorkspaceId(jdbc.sql("select workspace_id from campaigns where id = ?")
                .param(UUID.fromString(campaign)).query(UUID.class).single());

        var oldNumber = phone(shop, changer).substring(1);
        // As the webhook's number change runs it: in one transaction (a merge moves the consent ledger in it).
        Optional<ContactId> survivor = new TransactionTemplate(transactions)
                .execute(status -> numberChanges.moved(workspace, oldNumber, given.substring(1)));
        assertThat(survivor).as("the older contact survives").contains(new ContactId(UUID.fromString(changer)));

        engine.start();
        await(Duration.ofSeconds(30), () -> "completed".equals(shop.get(campaign).get("status").asString()));
        assertThat(messagesOf(campaign)).as("one message per person: not a second one to " + given).isEqualTo(3);
        assertThat(shop.counts(campaign).get("targeted").asLong()).as("the merged contact's send still counted")
                .isEqualTo(3);
    }

    /** A completed campaign's recipients were all read by the sandbox's customers (their statuses followed). */
    /**
     * Attack round 10: one workspace's many campaigns reading their audiences at once held another's back for a
     * round each. A round of the engine reads one page per workspace. Mutation caught: a page per campaign → the
     * busy workspace's three campaigns record 6 rows in one round, not 2: fails.
     */
    @Test
    void aWorkspaceReadsOnePageARoundHoweverManyCampaignsItLaunched() throws InterruptedException {
        var http = new Http(port);
        var busy = CampaignFixture.forKey(http, http.createWorkspace("Busy Paged Shop"), 80);
        busy.contacts("many", "+9190031", 0, 6, true, "");
        var launched = new java.util.ArrayList<String>();
        for (var i = 0; i < 3; i++) {
            launched.add(busy.campaign("many"));
        }
        launched.forEach(campaign -> busy.post(campaign, "launch"));
        var quiet = CampaignFixture.forKey(http, http.createWorkspace("Quiet Paged Shop"), 80);
        quiet.contacts("one", "+9190032", 0, 4, true, "");
        var own = quiet.campaign("one");
        quiet.post(own, "launch");

        engine.work();

        assertThat(launched.stream().mapToLong(this::rowsOf).sum()).as("the busy workspace: one page this round")
                .isEqualTo(2);
        assertThat(rowsOf(own)).as("the other workspace's campaign read its page in the same round").isEqualTo(2);
    }

    private long rowsOf(String campaign) {
        return jdbc.sql("select count(*) from campaign_recipients where campaign_id = ?")
                .param(UUID.fromString(campaign)).query(Long.class).single();
    }

    private static void awaitEveryoneRead(CampaignFixture shop, String campaign) {
        await(Duration.ofSeconds(30), () -> {
            var counts = shop.counts(campaign);
            return counts.get("read").asLong() == counts.get("targeted").asLong();
        });
    }

    private String phone(CampaignFixture shop, String contact) {
        return shop.http().get("/api/v1/contacts/" + contact, shop.apiKey()).json().get("phone").asString();
    }

    private String cursor(String campaign) {
        return jdbc.sql("select snapshot_cursor from campaigns where id = ?").param(UUID.fromString(campaign))
                .query((rs, n) -> java.util.Optional.ofNullable(rs.getString(1))).single().orElse(null);
    }

    private long messagesOf(String campaign) {
        return jdbc.sql("select count(*) from messages where idempotency_key like ?").param("campaign:" + campaign + ":%")
                .query(Long.class).single();
    }

    private long claimedPhones(String campaign) {
        return jdbc.sql("select count(*) from campaign_snapshot_phones where campaign_id = ?")
                .param(UUID.fromString(campaign)).query(Long.class).single();
    }
}
