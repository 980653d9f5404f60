package com.maxmysales.campaigns;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.maxmysales.support.FakeMeta;
import com.maxmysales.support.Http;
import com.maxmysales.support.MetaWebhooks;
import com.maxmysales.support.PlatformProcess;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import static com.maxmysales.support.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16's crash: the platform in its own JVM runs a campaign to 300 consenting contacts at 15 messages a second
 * against a Graph API in this test that counts every send by recipient, and is killed with SIGKILL mid-campaign.
 * After a restart the campaign finishes by itself, and every recipient was sent exactly once or failed with a code.
 * Its audience is read two contacts a page, each page fed as it is read, so that the kill may also land while pages
 * are left (CampaignSnapshotSystemTests breaks a snapshot off between pages on purpose).
 */
// Waits on platforms of its own, so it runs beside the in-JVM tests (junit-platform.properties).
@Execution(ExecutionMode.CONCURRENT)
class CampaignCrashSystemTests {

    private static final Pattern TO = Pattern.compile("\"to\":\"\\+?([0-9]+)\"");
    private static final int RECIPIENTS = 300;
    private static final Duration START_LIMIT = Duration.ofSeconds(180);

    @Test
    void aCampaignKilledMidwayFinishesAfterARestartAndSendsNobodyTwice() throws Exception {
        var data = PlatformProcess.preparedDataDirectory("campaign-crash-data");
        var databasePort = PlatformProcess.freePort();
        try (var meta = FakeMeta.start()) {
            meta.grantNumber("t", "450000000000002", "350000000000002");
            var settings = new String[] {"--maxmysales.whatsapp.graph-base-url=" + meta.baseUrl(),
                    "--maxmysales.whatsapp.app-secret=" + MetaWebhooks.APP_SECRET,
                    "--maxmysales.messaging.claim-lease=PT3S", "--maxmysales.messaging.unknown-outcome-after=PT2S",
                    "--maxmysales.campaigns.quiet-start=00:00", "--maxmysales.campaigns.quiet-end=00:00",
                    "--maxmysales.campaigns.snapshot-page=2",
                    "--maxmysales.database.embedded.port=" + databasePort, "--maxmysales.demo.enabled=false"};
            String campaign;
            try (var first = PlatformProcess.start(data, settings)) {
                first.awaitHealthy(START_LIMIT);
                var http = new Http(first.port());
                var apiKey = http.createWorkspace("Crash Campaign");
                assertThat(http.post("/api/v1/channels", apiKey, """
                        {"phoneNumberId": "450000000000002", "wabaId": "350000000000002", "displayPhoneNumber": "+1 555 010 9998",
                         "accessToken": "t", "messagesPerSecond": 15}""").status()).isEqualTo(201);
                var approved = """
                        {"object": "whatsapp_business_account", "entry": [{"id": "350000000000002", "time": %d, "changes": [{
                          "field": "message_template_status_update",
                          "value": {"event": "APPROVED", "message_template_id": 990000000000001,
                            "message_template_name": "crash_sale", "message_template_language": "en", "reason": "NONE"}}]}]}"""
                        .formatted(Instant.now().getEpochSecond());
                assertThat(MetaWebhooks.post(http, approved).status()).isEqualTo(200);
                await(() -> http.get("/api/v1/templates?status=APPROVED", apiKey).json().get("items").size() == 1);
                var shop = new CampaignFixture(http, apiKey, null, "crash_sale");
                shop.contacts("crash", "+9196", 0, RECIPIENTS, true, "");
                var created = http.post("/api/v1/campaigns", apiKey, """
                        {"name": "Crash sale", "template": {"name": "crash_sale", "language": "en"}, "audience": {"tag": "crash"}}""");
                assertThat(created.status()).as(created.body()).isEqualTo(201);
                campaign = created.json().get("id").asString();
                shop.post(campaign, "launch");
                // 300 at 15 a second take 20 s: the kill lands while the campaign is being fed and sent.
                await(Duration.ofSeconds(60), () -> meta.sends().size() >= RECIPIENTS / 3);
                first.kill();
            }
            var sentBeforeKill = meta.sends().size();
            try (var second = PlatformProcess.start(data, settings)) {
                second.awaitHealthy(START_LIMIT);
                try (var db = DriverManager.getConnection(
                        "jdbc:postgresql://127.0.0.1:" + databasePort + "/postgres", "postgres", password(data))) {
                    await(Duration.ofSeconds(90), () -> "completed".equals(one(db,
                            "select status from campaigns where id = '" + campaign + "'")));
                    assertThat(count(db, "select count(*) from campaign_recipients where campaign_id = '" + campaign
                            + "' and status <> 'excluded'")).isEqualTo(RECIPIENTS);
                    var sent = count(db, "select count(*) from campaign_recipients where campaign_id = '" + campaign
                            + "' and status in ('sent', 'delivered', 'read')");
                    var failedWithCode = count(db, "select count(*) from campaign_recipients where campaign_id = '"
                            + campaign + "' and status = 'failed' and error_code is not null");
                    assertThat(sent + failedWithCode).as("every recipient sent or failed with a code").isEqualTo(RECIPIENTS);
                    assertThat(failedWithCode).as("only sends in flight at the kill are unknown").isLessThanOrEqualTo(64);
                    assertThat(count(db, "select count(*) from messages where idempotency_key like 'campaign:" + campaign
                            + ":%'")).as("one message per recipient").isEqualTo(RECIPIENTS);
                    var perRecipient = meta.sends().stream().map(send -> TO.matcher(send.body()))
                            .filter(java.util.regex.Matcher::find).map(to -> to.group(1))
                            .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
                    assertThat(perRecipient.values()).as("nobody reached twice").allSatisfy(n -> assertThat(n).isEqualTo(1));
                    assertThat(perRecipient).hasSizeGreaterThanOrEqualTo(sent);
                    assertThat(sentBeforeKill).isLessThan(RECIPIENTS);
                }
            }
        }
    }

    private static String one(java.sql.Connection db, String sql) {
        try (var statement = db.createStatement(); var rows = statement.executeQuery(sql)) {
            return rows.next() ? rows.getString(1) : null;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int count(java.sql.Connection db, String sql) {
        return Integer.parseInt(one(db, sql));
    }

    private static String password(Path data) throws IOException {
        return java.nio.file.Files.readString(data.resolve("secrets").resolve("postgres.password")).strip();
    }
}
