package com.maxmysales.campaigns;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import com.maxmysales.support.ClockedPlatformTest;
import com.maxmysales.support.Http;
import com.maxmysales.support.MutableClock;
import com.maxmysales.support.WebSession;
import com.maxmysales.tenancy.ApiKeyManagement;
import com.maxmysales.tenancy.BusinessUserPrincipal;
import com.maxmysales.tenancy.Role;
import com.maxmysales.tenancy.SignUp;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.maxmysales.support.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16, campaigns in time, on the test clock: a campaign scheduled at a local time starts then, and one that
 * starts within the workspace's quiet hours (21:00–09:00 in Asia/Kolkata by default) waits for the morning.
 */
@ClockedPlatformTest
class CampaignTimeSystemTests {

    private static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;
    @Autowired
    SignUp signUp;
    @Autowired
    ApiKeyManagement apiKeys;

    /**
     * Launched at 22:30, a campaign waits for the morning, and says so: the form before it is written, the launch's
     * question, the campaign's page and the list in words in the workspace's zone, and the API as
     * {@code sendingResumesAt}. Before, the page showed "running · 0 %" and the question said "now".
     */
    @Test
    void aCampaignLaunchedInQuietHoursSaysThatItWaitsAndWhenItsFirstSendsGoOut() {
        var email = "owner-" + java.util.UUID.randomUUID().toString().substring(0, 8) + "@late-shop.example";
        var created = (SignUp.Result.Created) signUp.register(new SignUp.Form("Late Shop", "Asha", email,
                "a long enough password", true, true));
        var owner = new BusinessUserPrincipal(created.owner(), created.workspace(), Role.OWNER, null);
        var http = new Http(port);
        var shop = CampaignFixture.withDefaultRulesForKey(http, apiKeys.create(owner, "late key", Role.OWNER).key().reveal(), 80);
        shop.contacts("late", "+9190006", 0, 2, true, "");
        var now = ZonedDateTime.ofInstant(clock.instant(), KOLKATA);
        var tonight = LocalDate.from(now).atTime(22, 30);
        var at = now.toLocalDateTime().isBefore(tonight) ? tonight : tonight.plusDays(1);
        clock.advance(Duration.between(clock.instant(), at.atZone(KOLKATA).toInstant()));
        var morning = at.toLocalDate().plusDays(1).atTime(9, 0).atZone(KOLKATA).toInstant();
        var web = new WebSession(port, WebSession.newClientAddress());
        assertThat(web.signIn(email, "a long enough password")).isTrue();

        assertThat(web.get("/app/campaigns/new").body()).contains(
                "It is quiet hours now: launched now, it waits until they end and sends from 09:00 IST tomorrow.");
        var campaign = shop.campaign("late");
        assertThat(shop.get(campaign).path("sendingResumesAt").isString()).as("a draft waits for nothing").isFalse();
        var question = web.get("/app/campaigns/" + campaign + "?confirm=launch").body();
        assertThat(question).contains("to 2 people", "at 09:00 IST tomorrow?", "It is quiet hours now").doesNotContain(" now?");

        var launched = web.postForm("/app/campaigns/" + campaign + "/launch", java.util.Map.of());
        assertThat(launched.status()).isEqualTo(302);
        assertThat(shop.get(campaign).get("status").asString()).isEqualTo("running");
        assertThat(shop.get(campaign).get("sendingResumesAt").asString()).isEqualTo(morning.toString());
        assertThat(web.get("/app/campaigns/" + campaign).body())
                .contains("Waiting for quiet hours to end: sending starts at 09:00 IST tomorrow.");
        assertThat(web.get("/app/campaigns/" + campaign + "/progress").body())
                .as("the live part, polled every two seconds").contains("sending starts at 09:00 IST tomorrow");
        assertThat(web.get("/app/campaigns").body()).contains("quiet hours: sends from 09:00 IST tomorrow");
        clock.advance(Duration.ofHours(3));
        assertThat(web.get("/app/campaigns/" + campaign).body()).as("after midnight, the same morning is today")
                .contains("sending starts at 09:00 IST today.");

        clock.advance(Duration.between(clock.instant(), morning).plusMinutes(1));
        await(Duration.ofSeconds(30), () -> {
            clock.advance(Duration.ofSeconds(1));
            return shop.counts(campaign).get("sent").asLong() == 2;
        });
        assertThat(shop.get(campaign).path("sendingResumesAt").isString()).isFalse();
        assertThat(web.get("/app/campaigns/" + campaign).body()).doesNotContain("Waiting for quiet hours");
    }


    @Test
    void aCampaignScheduledInQuietHoursStartsThenAndSendsNothingUntilTheMorning() {
        var shop = CampaignFixture.withDefaultRules(new Http(port), "Night Shop", 80);
        shop.contacts("night", "+9190005", 0, 4, true, "");
        var now = ZonedDateTime.ofInstant(clock.instant(), KOLKATA);
        var tonight = LocalDate.from(now).atTime(22, 0);
        var at = (now.toLocalDateTime().isBefore(tonight) ? tonight : tonight.plusDays(1));
        var created = shop.http().post("/api/v1/campaigns", shop.apiKey(), """
                {"name": "Night sale", "template": {"name": "%s", "language": "en_US"}, "audience": {"tag": "night"},
                 "variables": {"1": {"field": "name", "fallback": "there"}, "2": {"value": "30%%"}},
                 "scheduledAt": "%s"}""".formatted(shop.template(), at));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        var campaign = created.json().get("id").asString();
        assertThat(created.json().get("scheduledAt").asString())
                .isEqualTo(at.atZone(KOLKATA).toInstant().toString());

        assertThat(shop.post(campaign, "launch").get("status").asString()).isEqualTo("scheduled");
        sleep(2000);
        assertThat(shop.get(campaign).get("status").asString()).as("not before its time").isEqualTo("scheduled");

        clock.advance(Duration.between(clock.instant(), at.atZone(KOLKATA).toInstant()).plusMinutes(1));
        await(() -> "running".equals(shop.get(campaign).get("status").asString()));
        await(() -> shop.get(campaign).get("counts").get("targeted").asLong() == 4);
        sleep(2500);
        var counts = shop.counts(campaign);
        assertThat(counts.get("queued").asLong()).as("22:01 is within quiet hours: nothing fed").isEqualTo(4);
        assertThat(counts.get("sent").asLong()).isZero();
        assertThat(shop.recipients(campaign)).allMatch(r -> "pending".equals(r.get("status").asString()));

        var morning = at.toLocalDate().plusDays(1).atTime(9, 0).atZone(KOLKATA).toInstant();
        clock.advance(Duration.between(clock.instant(), morning).minusMinutes(5));
        sleep(2000);
        assertThat(shop.counts(campaign).get("sent").asLong()).as("08:55 still quiet").isZero();
        clock.advance(Duration.ofMinutes(6));
        // The number's send slots move on with the clock: it ticks a second at a time while the sends go out.
        await(Duration.ofSeconds(30), () -> {
            clock.advance(Duration.ofSeconds(1));
            return shop.counts(campaign).get("sent").asLong() == 4;
        });
        await(() -> {
            clock.advance(Duration.ofSeconds(1));
            return "completed".equals(shop.get(campaign).get("status").asString());
        });
        assertThat(shop.recipients(campaign)).allMatch(r -> !r.get("sentAt").asString().isEmpty()
                && java.time.Instant.parse(r.get("queuedAt").asString()).isAfter(morning));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
